#include "core/maintenance/pin_guard.h"
#include "test_support.h"

#include <catch2/catch.hpp>

using namespace vt;

TEST_CASE("no PIN configured: maintenance stays closed whatever is typed", "[maintenance]") {
    PinGuard g;
    CHECK_FALSE(g.configured());
    CHECK(g.check("", 0) == PinGuard::Result::NotConfigured);
    CHECK(g.check("000000", 0) == PinGuard::Result::NotConfigured);
}

TEST_CASE("the PIN is checked against its hash, then five wrong PINs lock for five minutes",
          "[maintenance]") {
    const std::string hash = PinGuard::hashPin("482913");
    CHECK(hash.rfind("$argon2id$", 0) == 0);
    CHECK(hash.find("482913") == std::string::npos);
    PinGuard g(hash);
    UnixSeconds t = 1'800'000'000;
    CHECK(g.check("482913", t) == PinGuard::Result::Ok);
    for (int i = 1; i < PinGuard::kMaxFailures; ++i) {
        CHECK(g.check("111111", t) == PinGuard::Result::Wrong);
        CHECK(g.attemptsLeft() == PinGuard::kMaxFailures - i);
    }
    CHECK(g.check("111111", t) == PinGuard::Result::LockedOut);
    // Even the right PIN is refused during the lock-out.
    CHECK(g.check("482913", t + 60) == PinGuard::Result::LockedOut);
    CHECK(g.check("482913", t + PinGuard::kLockoutSeconds - 1) == PinGuard::Result::LockedOut);
    CHECK(g.check("482913", t + PinGuard::kLockoutSeconds) == PinGuard::Result::Ok);
}

TEST_CASE("PINs are 6 to 12 digits, then a garbage hash never opens", "[maintenance]") {
    CHECK_THROWS(PinGuard::hashPin("1234"));
    CHECK_THROWS(PinGuard::hashPin("12ab56"));
    CHECK_THROWS(PinGuard::hashPin("1234567890123"));
    PinGuard g("not-a-hash");
    CHECK(g.check("not-a-hash", 0) == PinGuard::Result::Wrong);
    CHECK(g.check("", 0) == PinGuard::Result::Wrong);
}

TEST_CASE("trivial PINs are refused: repeated digits, runs, common patterns", "[maintenance][pin]") {
    for (const char* pin : {"000000", "123456", "654321", "111111", "999999", "121212", "123123", "012345",
                            "987654", "112233", "147258", "1234567890", "000000000000", "456456"}) {
        INFO(pin);
        CHECK(PinGuard::isTrivialPin(pin));
        CHECK_THROWS_WITH(PinGuard::hashPin(pin), Catch::Contains("choose another one"));
    }
    for (const char* pin : {"482913", "246810", "135790", "905172", "31415926"}) {
        INFO(pin);
        CHECK_FALSE(PinGuard::isTrivialPin(pin));
    }
    // The command line says so and prints no hash.
    std::string out;
    CHECK(test::runCommand("echo 123456 | " + test::vetrinaAt() + " pin-hash 2>&1", &out) != 0);
    CHECK_THAT(out, Catch::Contains("too easy to guess") && !Catch::Contains("pin_hash"));
}

TEST_CASE("the PIN lock-out survives a restart of the kiosk", "[maintenance][pin]") {
    const std::string state = test::scratchDir("pin-lockout") + "/pin-lockout";
    const std::string hash = PinGuard::hashPin("482913");
    const UnixSeconds t = 1'800'000'000;
    {
        PinGuard g(hash, state);
        for (int i = 1; i < PinGuard::kMaxFailures; ++i)
            CHECK(g.check("905172", t) == PinGuard::Result::Wrong);
    }
    {
        // Restarted after four wrong PINs: one attempt left, not five.
        PinGuard g(hash, state);
        CHECK(g.attemptsLeft() == 1);
        CHECK(g.check("905172", t + 1) == PinGuard::Result::LockedOut);
    }
    {
        // Restarted while locked: still locked, even with the right PIN.
        PinGuard g(hash, state);
        CHECK(g.check("482913", t + 2) == PinGuard::Result::LockedOut);
        CHECK(g.lockedUntil() == t + 1 + PinGuard::kLockoutSeconds);
        // A lock-out written under a clock far ahead never lasts more than its own length.
        CHECK(g.check("482913", t - 3600) == PinGuard::Result::LockedOut);
        CHECK(g.check("482913", t - 3600 + PinGuard::kLockoutSeconds) == PinGuard::Result::Ok);
    }
    {
        PinGuard g(hash, state);
        CHECK(g.attemptsLeft() == PinGuard::kMaxFailures);
    }
    // An unwritable place keeps the guard working in memory.
    PinGuard g(hash, "/nonexistent-dir/pin-lockout");
    CHECK(g.check("905172", t) == PinGuard::Result::Wrong);
    CHECK(g.attemptsLeft() == PinGuard::kMaxFailures - 1);
}
