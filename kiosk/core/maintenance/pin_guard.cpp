#include "core/maintenance/pin_guard.h"

#include "core/util/files.h"

#include <sodium.h>

#include <cstdio>

namespace vt {

namespace {

// Keypad shapes and well-known PINs that the digit rules below do not catch.
constexpr std::string_view kCommonPins[] = {"112233", "123321", "654321", "147258", "159753", "147852",
                                            "963852", "741852", "789456", "456789", "102030", "121314",
                                            "696969", "131313", "123654", "321654", "111222", "998877"};

}  // namespace

PinGuard::PinGuard(std::string hash, std::string statePath)
    : m_hash(std::move(hash)), m_statePath(std::move(statePath)) {
    if (m_statePath.empty()) return;
    // "<failures> <locked until>"; anything unreadable counts as no failures.
    if (const auto text = readFile(m_statePath, 256)) {
        int failures = 0;
        long long until = 0;
        if (std::sscanf(text->c_str(), "%d %lld", &failures, &until) == 2 && failures >= 0 &&
            failures <= kMaxFailures && until >= 0) {
            m_failures = failures;
            m_lockedUntil = until;
        }
    }
}

void PinGuard::save() const {
    if (m_statePath.empty()) return;
    // A failed write (disk full) keeps the count in memory: never a reason to open or to crash.
    std::string line = std::to_string(m_failures);
    line += ' ';
    line += std::to_string(m_lockedUntil);
    line += '\n';
    writeFileAtomic(m_statePath, line);
}

bool PinGuard::isTrivialPin(std::string_view pin) {
    for (std::string_view common : kCommonPins)
        if (pin == common) return true;
    // A block of up to three digits repeated: "000000", "121212", "123123".
    for (size_t block = 1; block <= 3; ++block) {
        if (pin.size() % block != 0 || pin.size() == block) continue;
        bool repeated = true;
        for (size_t i = block; i < pin.size() && repeated; ++i) repeated = pin[i] == pin[i - block];
        if (repeated) return true;
    }
    // A run up or down, round the keypad's 0: "123456", "1234567890", "987654".
    for (const int step : {1, 9}) {
        bool run = true;
        for (size_t i = 1; i < pin.size() && run; ++i) run = (pin[i] - pin[i - 1] + 10) % 10 == step;
        if (run) return true;
    }
    return false;
}

bool PinGuard::isValidPin(std::string_view pin) {
    if (pin.size() < 6 || pin.size() > 12) return false;
    for (char c : pin)
        if (c < '0' || c > '9') return false;
    return true;
}

std::string PinGuard::hashPin(std::string_view pin) {
    if (!isValidPin(pin)) throw std::invalid_argument("the PIN must be 6 to 12 digits");
    if (isTrivialPin(pin))
        throw std::invalid_argument(
            "the PIN is one of the first anybody would try (repeated digits, a run like 123456 or a "
            "common pattern): choose another one");
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("out of memory while hashing the PIN");
    return out;
}

PinGuard::Result PinGuard::check(std::string_view pin, UnixSeconds now) {
    if (!configured()) return Result::NotConfigured;
    // A lock-out saved while the clock was far ahead lasts at most its own length from now.
    if (m_lockedUntil > now + kLockoutSeconds) m_lockedUntil = now + kLockoutSeconds;
    if (lockedAt(now)) return Result::LockedOut;
    bool reset = false;
    if (m_lockedUntil != 0) {  // a lock-out that has run out starts a fresh count
        m_lockedUntil = 0;
        m_failures = 0;
        reset = true;
    }
    if (sodium_init() >= 0 && m_hash.size() < crypto_pwhash_STRBYTES &&
        crypto_pwhash_str_verify(m_hash.c_str(), pin.data(), pin.size()) == 0) {
        const bool hadFailures = m_failures != 0;
        m_failures = 0;
        if (hadFailures || reset) save();
        return Result::Ok;
    }
    const bool locks = ++m_failures >= kMaxFailures;
    if (locks) m_lockedUntil = now + kLockoutSeconds;
    save();  // before answering: a restart right after must not give the attempt back
    return locks ? Result::LockedOut : Result::Wrong;
}

}  // namespace vt
