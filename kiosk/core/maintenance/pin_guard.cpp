#include "core/maintenance/pin_guard.h"

#include <sodium.h>

namespace vt {

bool PinGuard::isValidPin(std::string_view pin) {
    if (pin.size() < 6 || pin.size() > 12) return false;
    for (char c : pin)
        if (c < '0' || c > '9') return false;
    return true;
}

std::string PinGuard::hashPin(std::string_view pin) {
    if (!isValidPin(pin)) throw std::invalid_argument("the PIN must be 6 to 12 digits");
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("out of memory while hashing the PIN");
    return out;
}

PinGuard::Result PinGuard::check(std::string_view pin, UnixSeconds now) {
    if (!configured()) return Result::NotConfigured;
    if (lockedAt(now)) return Result::LockedOut;
    if (m_lockedUntil != 0) {  // a lock-out that has run out starts a fresh count
        m_lockedUntil = 0;
        m_failures = 0;
    }
    if (sodium_init() >= 0 && m_hash.size() < crypto_pwhash_STRBYTES &&
        crypto_pwhash_str_verify(m_hash.c_str(), pin.data(), pin.size()) == 0) {
        m_failures = 0;
        return Result::Ok;
    }
    if (++m_failures >= kMaxFailures) {
        m_lockedUntil = now + kLockoutSeconds;
        return Result::LockedOut;
    }
    return Result::Wrong;
}

}  // namespace vt
