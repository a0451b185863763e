// The maintenance PIN: stored only as a libsodium (Argon2id) password hash in the config; with no
// hash configured maintenance stays closed (there is no default PIN); five wrong PINs lock it
// for five minutes.
#pragma once

#include "core/util/civil_time.h"

#include <stdexcept>
#include <string>
#include <string_view>

namespace vt {

class PinGuard {
public:
    static constexpr int kMaxFailures = 5;
    static constexpr int kLockoutSeconds = 5 * 60;

    explicit PinGuard(std::string hash = {}) : m_hash(std::move(hash)) {}
    bool configured() const { return !m_hash.empty(); }

    enum class Result { Ok, Wrong, LockedOut, NotConfigured };
    Result check(std::string_view pin, UnixSeconds now);
    bool lockedAt(UnixSeconds now) const { return now < m_lockedUntil; }
    UnixSeconds lockedUntil() const { return m_lockedUntil; }
    int attemptsLeft() const { return kMaxFailures - m_failures; }

    // A hash for the config; the PIN must be 6 to 12 digits (std::invalid_argument otherwise).
    static std::string hashPin(std::string_view pin);
    static bool isValidPin(std::string_view pin);

private:
    std::string m_hash;
    int m_failures = 0;
    UnixSeconds m_lockedUntil = 0;
};

}  // namespace vt
