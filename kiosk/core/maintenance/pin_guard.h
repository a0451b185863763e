// The maintenance PIN: stored only as a libsodium (Argon2id) password hash in the config; with no
// hash configured maintenance stays closed (there is no default PIN); five wrong PINs lock it
// for five minutes. The count and the lock-out are kept in a small file in the data directory, so
// restarting the kiosk (pulling the plug) gives no new attempts.
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

    // `statePath`: where the failures and the lock-out survive a restart ("" keeps them in memory).
    explicit PinGuard(std::string hash = {}, std::string statePath = {});
    bool configured() const { return !m_hash.empty(); }

    enum class Result { Ok, Wrong, LockedOut, NotConfigured };
    Result check(std::string_view pin, UnixSeconds now);
    bool lockedAt(UnixSeconds now) const { return now < m_lockedUntil; }
    UnixSeconds lockedUntil() const { return m_lockedUntil; }
    int attemptsLeft() const { return kMaxFailures - m_failures; }

    // A hash for the config; the PIN must be 6 to 12 digits and not trivial (std::invalid_argument
    // otherwise, saying which).
    static std::string hashPin(std::string_view pin);
    static bool isValidPin(std::string_view pin);
    // One of the first PINs anybody tries: one digit repeated, a short block repeated ("121212",
    // "123123"), a run up or down ("123456", "987654"), or a common keypad pattern.
    static bool isTrivialPin(std::string_view pin);

private:
    void save() const;

    std::string m_hash;
    std::string m_statePath;
    int m_failures = 0;
    UnixSeconds m_lockedUntil = 0;
};

}  // namespace vt
