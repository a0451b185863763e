#include "core/sync/minisign.h"

#include "core/util/text.h"

#include <sodium.h>

#include <cstring>
#include <mutex>

namespace vt {

namespace {

// Layout of minisign's secret key blob (minisign.h, SeckeyStruct).
constexpr size_t kSaltBytes = crypto_pwhash_scryptsalsa208sha256_SALTBYTES;  // 32
constexpr size_t kKeynumSkBytes = 8 + 64 + 32;                               // key id, sk, checksum
constexpr size_t kSecretBlobBytes = 2 + 2 + 2 + kSaltBytes + 8 + 8 + kKeynumSkBytes;

void ensureSodium() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    });
}

std::string toBase64(const unsigned char* data, size_t len) {
    std::string out(sodium_base64_encoded_len(len, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), data, len, sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

std::optional<std::string> fromBase64(std::string_view b64) {
    std::string out(b64.size(), '\0');
    size_t len = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), b64.data(), b64.size(),
                          nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
        return std::nullopt;
    out.resize(len);
    return out;
}

std::vector<std::string> lines(std::string_view text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string l(text.substr(start, end - start));
        if (!l.empty() && l.back() == '\r') l.pop_back();
        out.push_back(std::move(l));
        start = end + 1;
    }
    return out;
}

std::uint64_t readLe64(const unsigned char* p) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}

void writeLe64(unsigned char* p, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) p[i] = static_cast<unsigned char>(v >> (8 * i));
}

void blake2b512(std::string_view data, unsigned char out[64]) {
    crypto_generichash_state st;
    crypto_generichash_init(&st, nullptr, 0, 64);
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    crypto_generichash_final(&st, out, 64);
}

// BLAKE2b-256 over sig_alg || key id || sk: how minisign detects a wrong password.
void secretChecksum(const unsigned char* keyId, const unsigned char* sk, unsigned char out[32]) {
    crypto_generichash_state st;
    crypto_generichash_init(&st, nullptr, 0, 32);
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>("Ed"), 2);
    crypto_generichash_update(&st, keyId, 8);
    crypto_generichash_update(&st, sk, 64);
    crypto_generichash_final(&st, out, 32);
}

// The scrypt key stream that is XORed over key id, sk and checksum.
void keyStream(const std::string& password, const unsigned char* salt, std::uint64_t ops, std::uint64_t mem,
               unsigned char out[kKeynumSkBytes]) {
    if (crypto_pwhash_scryptsalsa208sha256(out, kKeynumSkBytes, password.data(), password.size(), salt, ops,
                                           static_cast<size_t>(mem)) != 0)
        throw KeyError("cannot derive the key from the password (scrypt needs " + std::to_string(mem >> 20) +
                       " MiB of memory)");
}

std::string base64Line(std::string_view text) {
    for (const std::string& l : lines(text)) {
        const std::string t = trim(l);
        if (t.empty() || startsWith(t, "untrusted comment:")) continue;
        return t;
    }
    return {};
}

}  // namespace

std::string PublicKey::keyIdHex() const {
    static const char* digits = "0123456789ABCDEF";
    std::string out;
    for (int i = 7; i >= 0; --i) {  // stored little-endian, printed as a number
        out += digits[keyId[i] >> 4];
        out += digits[keyId[i] & 15];
    }
    return out;
}

std::string PublicKey::encoded() const {
    unsigned char blob[42];
    blob[0] = 'E';
    blob[1] = 'd';
    std::memcpy(blob + 2, keyId.data(), 8);
    std::memcpy(blob + 10, key.data(), 32);
    return toBase64(blob, sizeof blob);
}

PublicKey SecretKey::publicKey() const {
    PublicKey pk;
    pk.keyId = keyId;
    std::memcpy(pk.key.data(), key.data() + 32, 32);
    return pk;
}

PublicKey parsePublicKey(std::string_view text) {
    const std::string line = base64Line(text);
    if (line.empty()) throw KeyError("the public key is empty");
    auto blob = fromBase64(line);
    if (!blob || blob->size() != 42)
        throw KeyError("\"" + line + "\" is not a minisign public key (bad base64 or length)");
    if (blob->compare(0, 2, "Ed") != 0)
        throw KeyError("the public key uses an unknown algorithm (expected Ed25519)");
    PublicKey pk;
    std::memcpy(pk.keyId.data(), blob->data() + 2, 8);
    std::memcpy(pk.key.data(), blob->data() + 10, 32);
    return pk;
}

namespace {
std::string decodeSecretBlob(std::string_view fileText) {
    auto blob = fromBase64(base64Line(fileText));
    if (!blob || blob->size() != kSecretBlobBytes)
        throw KeyError("not a minisign secret key file (bad base64 or length)");
    if (blob->compare(0, 2, "Ed") != 0) throw KeyError("the secret key uses an unknown signature algorithm");
    if (blob->compare(4, 2, "B2") != 0) throw KeyError("the secret key uses an unknown checksum algorithm");
    const std::string kdf = blob->substr(2, 2);
    if (kdf != "Sc" && kdf != std::string(2, '\0'))
        throw KeyError("the secret key uses an unknown encryption");
    return *blob;
}
}  // namespace

bool secretKeyIsEncrypted(std::string_view fileText) {
    return decodeSecretBlob(fileText).compare(2, 2, "Sc") == 0;
}

SecretKey parseSecretKey(std::string_view fileText, const std::optional<std::string>& password) {
    ensureSodium();
    std::string blob = decodeSecretBlob(fileText);
    auto* b = reinterpret_cast<unsigned char*>(blob.data());
    const bool encrypted = blob.compare(2, 2, "Sc") == 0;
    unsigned char* keynum = b + 6 + kSaltBytes + 16;
    if (encrypted) {
        if (!password)
            throw KeyError(
                "the secret key is encrypted: give its password (VETRINA_KEY_PASSWORD or --password-stdin)");
        unsigned char stream[kKeynumSkBytes];
        keyStream(*password, b + 6, readLe64(b + 6 + kSaltBytes), readLe64(b + 6 + kSaltBytes + 8), stream);
        for (size_t i = 0; i < kKeynumSkBytes; ++i) keynum[i] ^= stream[i];
        sodium_memzero(stream, sizeof stream);
    }
    SecretKey sk;
    std::memcpy(sk.keyId.data(), keynum, 8);
    std::memcpy(sk.key.data(), keynum + 8, 64);
    unsigned char chk[32];
    secretChecksum(keynum, keynum + 8, chk);
    const unsigned char zero[32] = {};
    // minisign -W leaves the checksum zeroed; then the key must at least be self-consistent.
    const bool chkOk =
        sodium_memcmp(chk, keynum + 72, 32) == 0 || (!encrypted && std::memcmp(keynum + 72, zero, 32) == 0);
    unsigned char derived[32];
    crypto_sign_ed25519_sk_to_pk(derived, sk.key.data());
    unsigned char seedPk[32], seedSk[64];
    crypto_sign_seed_keypair(seedPk, seedSk, sk.key.data());
    sodium_memzero(seedSk, sizeof seedSk);
    sodium_memzero(blob.data(), blob.size());
    if (!chkOk || std::memcmp(derived, seedPk, 32) != 0)
        throw KeyError(encrypted ? "wrong password for the secret key"
                                 : "the secret key is damaged (checksum mismatch)");
    return sk;
}

SecretKey generateSecretKey() {
    ensureSodium();
    SecretKey sk;
    unsigned char pk[32];
    crypto_sign_keypair(pk, sk.key.data());
    randombytes_buf(sk.keyId.data(), sk.keyId.size());
    return sk;
}

std::string formatPublicKeyFile(const PublicKey& pk) {
    return "untrusted comment: minisign public key " + pk.keyIdHex() + "\n" + pk.encoded() + "\n";
}

std::string formatSecretKeyFile(const SecretKey& sk, const std::optional<std::string>& password) {
    ensureSodium();
    unsigned char blob[kSecretBlobBytes] = {};
    std::memcpy(blob, "Ed", 2);
    std::memcpy(blob + 4, "B2", 2);
    unsigned char* keynum = blob + 6 + kSaltBytes + 16;
    std::memcpy(keynum, sk.keyId.data(), 8);
    std::memcpy(keynum + 8, sk.key.data(), 64);
    secretChecksum(keynum, keynum + 8, keynum + 72);
    if (password) {
        std::memcpy(blob + 2, "Sc", 2);
        randombytes_buf(blob + 6, kSaltBytes);
        // minisign uses the "sensitive" limits (1 GiB); the interactive ones keep keygen usable on
        // small machines and are still read by minisign, which takes the limits from the file.
        const std::uint64_t ops = crypto_pwhash_scryptsalsa208sha256_OPSLIMIT_INTERACTIVE;
        const std::uint64_t mem = crypto_pwhash_scryptsalsa208sha256_MEMLIMIT_INTERACTIVE;
        writeLe64(blob + 6 + kSaltBytes, ops);
        writeLe64(blob + 6 + kSaltBytes + 8, mem);
        unsigned char stream[kKeynumSkBytes];
        keyStream(*password, blob + 6, ops, mem, stream);
        for (size_t i = 0; i < kKeynumSkBytes; ++i) keynum[i] ^= stream[i];
        sodium_memzero(stream, sizeof stream);
    }
    const std::string out = "untrusted comment: minisign " + std::string(password ? "encrypted " : "") +
                            "secret key\n" + toBase64(blob, sizeof blob) + "\n";
    sodium_memzero(blob, sizeof blob);
    return out;
}

std::string signDetached(std::string_view data, const SecretKey& sk, const std::string& trustedComment,
                         const std::string& untrustedComment) {
    ensureSodium();
    if (trustedComment.find('\n') != std::string::npos || trustedComment.find('\r') != std::string::npos)
        throw KeyError("the trusted comment must be one line");
    unsigned char hash[64];
    blake2b512(data, hash);
    unsigned char sigBlob[74];
    std::memcpy(sigBlob, "ED", 2);
    std::memcpy(sigBlob + 2, sk.keyId.data(), 8);
    crypto_sign_detached(sigBlob + 10, nullptr, hash, sizeof hash, sk.key.data());
    std::string global(reinterpret_cast<const char*>(sigBlob + 10), 64);
    global += trustedComment;
    unsigned char globalSig[64];
    crypto_sign_detached(globalSig, nullptr, reinterpret_cast<const unsigned char*>(global.data()),
                         global.size(), sk.key.data());
    return "untrusted comment: " + untrustedComment + "\n" + toBase64(sigBlob, sizeof sigBlob) +
           "\ntrusted comment: " + trustedComment + "\n" + toBase64(globalSig, sizeof globalSig) + "\n";
}

SignatureCheck verifyDetached(std::string_view data, std::string_view signatureText,
                              const std::vector<PublicKey>& trusted) {
    ensureSodium();
    SignatureCheck r;
    const std::vector<std::string> ls = lines(signatureText);
    if (ls.size() < 4 || !startsWith(ls[0], "untrusted comment:") ||
        !startsWith(ls[2], "trusted comment: ")) {
        r.error = "the signature file is not in minisign format";
        return r;
    }
    auto sig = fromBase64(trim(ls[1]));
    auto global = fromBase64(trim(ls[3]));
    if (!sig || sig->size() != 74 || !global || global->size() != 64) {
        r.error = "the signature file is damaged (bad base64 or length)";
        return r;
    }
    const bool prehashed = sig->compare(0, 2, "ED") == 0;
    if (!prehashed && sig->compare(0, 2, "Ed") != 0) {
        r.error = "the signature uses an unknown algorithm";
        return r;
    }
    if (!prehashed) {
        // Legacy raw Ed25519 signatures are optional in the format and refused here by choice.
        r.error = "legacy (non-prehashed) minisign signatures are not accepted";
        return r;
    }
    const PublicKey* key = nullptr;
    for (size_t i = 0; i < trusted.size(); ++i)
        if (std::memcmp(trusted[i].keyId.data(), sig->data() + 2, 8) == 0) {
            key = &trusted[i];
            r.keyIndex = static_cast<int>(i);
        }
    if (!key) {
        PublicKey shown;
        std::memcpy(shown.keyId.data(), sig->data() + 2, 8);
        r.error = "signed by key " + shown.keyIdHex() + ", which is not one of the pinned keys";
        return r;
    }
    unsigned char hash[64];
    blake2b512(data, hash);
    const auto* sigBytes = reinterpret_cast<const unsigned char*>(sig->data() + 10);
    if (crypto_sign_verify_detached(sigBytes, hash, sizeof hash, key->key.data()) != 0) {
        r.error = "bad signature: the manifest does not match its signature (tampered or damaged)";
        return r;
    }
    const std::string comment = ls[2].substr(std::strlen("trusted comment: "));
    std::string signedGlobal(sig->data() + 10, 64);
    signedGlobal += comment;
    if (crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(global->data()),
                                    reinterpret_cast<const unsigned char*>(signedGlobal.data()),
                                    signedGlobal.size(), key->key.data()) != 0) {
        r.error = "bad signature: the trusted comment was altered";
        return r;
    }
    r.ok = true;
    r.trustedComment = comment;
    return r;
}

}  // namespace vt
