#include "core/maintenance/pin_guard.h"

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
