#include "passwords.h"

#include "core/sync/manifest.h"

#include <sodium.h>

#include <stdexcept>

namespace vt::console {

namespace {

void needSodium() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot be initialised");
}

constexpr size_t kMinPassword = 10;
constexpr size_t kMaxPassword = 1024;  // Argon2 takes any length; a cap keeps a request cheap

}  // namespace

std::string hashPassword(std::string_view password) {
    needSodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("out of memory while hashing a password");
    return out;
}

bool verifyPassword(const std::string& hash, std::string_view password) {
    needSodium();
    if (hash.rfind("$argon2id$", 0) != 0 || hash.size() >= crypto_pwhash_STRBYTES) return false;
    if (password.size() > kMaxPassword) return false;
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::optional<std::string> passwordProblem(std::string_view password) {
    if (password.size() < kMinPassword)
        return "La password deve avere almeno 10 caratteri. / The password needs at least 10 characters.";
    if (password.size() > kMaxPassword)
        return "La password è troppo lunga (massimo 1024 caratteri). / The password is too long (1024 at "
               "most).";
    for (unsigned char c : password)
        if (c < 0x20 || c == 0x7f)
            return "La password non può contenere caratteri di controllo. / The password cannot hold control "
                   "characters.";
    return std::nullopt;
}

std::string randomHex(size_t bytes) {
    needSodium();
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    std::string hex(bytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
    hex.pop_back();
    return hex;
}

std::string secretHash(std::string_view secret) {
    return sha256Hex(secret);
}

bool sameSecret(std::string_view a, std::string_view b) {
    needSodium();
    return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace vt::console
