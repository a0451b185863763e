// Password hashes (Argon2id through libsodium) and the random secrets of sessions and tokens.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vt::console {

// An Argon2id hash in libsodium's self-describing string ("$argon2id$v=19$m=...").
std::string hashPassword(std::string_view password);
// True when `password` matches `hash`; false for any hash that is not a valid Argon2id string.
bool verifyPassword(const std::string& hash, std::string_view password);
// Why a new password is refused (Italian, then English), or nothing when it is acceptable.
std::optional<std::string> passwordProblem(std::string_view password);
// `bytes` random bytes as lowercase hex (sessions, CSRF and API tokens).
std::string randomHex(size_t bytes);
// The form in which a high-entropy secret is stored: its SHA-256, never the secret itself.
std::string secretHash(std::string_view secret);
// Constant-time equality for secrets compared with what a client sent.
bool sameSecret(std::string_view a, std::string_view b);

}  // namespace vt::console
