// The minisign signature format (prehashed Ed25519, libsodium), both sides: `vetrina publish`
// signs the manifest, the kiosk verifies it against the pinned public keys. Files interoperate
// with the `minisign` command in both directions.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vt {

class KeyError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct PublicKey {
    std::array<unsigned char, 8> keyId{};
    std::array<unsigned char, 32> key{};
    // The 16 hex digits minisign prints ("E6A58D07C3462E53").
    std::string keyIdHex() const;
    // The base64 line ("RWRTLk..."), as pinned in the kiosk config and given to `minisign -P`.
    std::string encoded() const;
};

struct SecretKey {
    std::array<unsigned char, 8> keyId{};
    std::array<unsigned char, 64> key{};  // libsodium layout: seed || public key
    PublicKey publicKey() const;
};

// Accepts a whole .pub file or only its base64 line; throws KeyError saying what is wrong.
PublicKey parsePublicKey(std::string_view text);
// True when the secret key file is encrypted with a password (minisign's default).
bool secretKeyIsEncrypted(std::string_view fileText);
// Decodes a minisign secret key file; `password` is needed when it is encrypted (scrypt).
SecretKey parseSecretKey(std::string_view fileText, const std::optional<std::string>& password);

SecretKey generateSecretKey();
std::string formatPublicKeyFile(const PublicKey& pk);
// Without a password the key is stored unencrypted, as `minisign -G -W` does.
std::string formatSecretKeyFile(const SecretKey& sk, const std::optional<std::string>& password);

// A `.minisig` for `data`; the trusted comment is signed too (one line, no newline).
std::string signDetached(std::string_view data, const SecretKey& sk, const std::string& trustedComment,
                         const std::string& untrustedComment = "signature from vetrina secret key");

struct SignatureCheck {
    bool ok = false;
    std::string error;           // why it was refused
    std::string trustedComment;  // only meaningful when ok
    int keyIndex = -1;           // which of the trusted keys signed it
};

// Verifies a `.minisig` over `data` against any of `trusted` (current and next key).
SignatureCheck verifyDetached(std::string_view data, std::string_view signatureText,
                              const std::vector<PublicKey>& trusted);

}  // namespace vt
