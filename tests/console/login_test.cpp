#include "accounts.h"
#include "audit.h"
#include "console_test_support.h"

#include <catch2/catch.hpp>

using namespace vt::console;
using vt::console::test::freshStore;
using vt::console::test::kNow;

namespace {

int auditCount(const ConsoleStore& s, const std::string& action) {
    auto st = s.prepare("SELECT count(*) FROM audit WHERE action = ?");
    st.bind(1, action);
    st.step();
    return static_cast<int>(st.integer(0));
}

}  // namespace

TEST_CASE("console log-in: the right password opens, a wrong one does not, both are audited",
          "[console][login]") {
    ConsoleStore s = freshStore("console-login-basic");
    addUser(s, "anna", Role::Editor, "", "password di anna", kNow);
    const LoginResult ok = attemptLogin(s, "anna", "password di anna", "10.0.0.1", kNow);
    CHECK(ok.outcome == LoginOutcome::Ok);
    REQUIRE(ok.user);
    CHECK(ok.user->name == "anna");
    CHECK(attemptLogin(s, "anna", "password di Anna", "10.0.0.1", kNow).outcome == LoginOutcome::Wrong);
    CHECK(attemptLogin(s, "nessuno", "password di anna", "10.0.0.1", kNow).outcome == LoginOutcome::Wrong);
    CHECK(auditCount(s, "login") == 1);
    CHECK(auditCount(s, "login_failed") == 2);
    const auto last = recentAudit(s, 1);
    CHECK(last[0].detail == "unknown user");
    CHECK(last[0].address == "10.0.0.1");
}

TEST_CASE("console log-in: five wrong passwords lock the account, even against the right one",
          "[console][login]") {
    ConsoleStore s = freshStore("console-login-lock");
    addUser(s, "anna", Role::Editor, "", "password di anna", kNow);
    for (int i = 0; i < kLockAfterFailures - 1; ++i)
        CHECK(attemptLogin(s, "anna", "sbagliata", "10.0.0.1", kNow + i).outcome == LoginOutcome::Wrong);
    const LoginResult fifth = attemptLogin(s, "anna", "sbagliata", "10.0.0.1", kNow + 10);
    CHECK(fifth.outcome == LoginOutcome::Locked);
    CHECK(fifth.lockedUntil == kNow + 10 + kLockSeconds);
    CHECK(auditCount(s, "account_locked") == 1);
    // Locked out: the right password is refused too, from any address, until the lock ends.
    CHECK(attemptLogin(s, "anna", "password di anna", "10.0.0.2", kNow + 20).outcome == LoginOutcome::Locked);
    CHECK(attemptLogin(s, "anna", "password di anna", "10.0.0.2", kNow + 10 + kLockSeconds - 1).outcome ==
          LoginOutcome::Locked);
    CHECK(auditCount(s, "login_refused_locked") == 2);
    CHECK(attemptLogin(s, "anna", "password di anna", "10.0.0.2", kNow + 10 + kLockSeconds).outcome ==
          LoginOutcome::Ok);
}

TEST_CASE("console log-in: a success resets the count of wrong passwords", "[console][login]") {
    ConsoleStore s = freshStore("console-login-reset");
    addUser(s, "anna", Role::Editor, "", "password di anna", kNow);
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < kLockAfterFailures - 1; ++i)
            CHECK(attemptLogin(s, "anna", "sbagliata", "10.0.0.1", kNow).outcome == LoginOutcome::Wrong);
        CHECK(attemptLogin(s, "anna", "password di anna", "10.0.0.1", kNow).outcome == LoginOutcome::Ok);
    }
}

TEST_CASE("console log-in: an admin unlocks a locked-out user", "[console][login]") {
    ConsoleStore s = freshStore("console-login-unlock");
    const User anna = addUser(s, "anna", Role::Editor, "", "password di anna", kNow);
    for (int i = 0; i < kLockAfterFailures; ++i) attemptLogin(s, "anna", "sbagliata", "10.0.0.1", kNow);
    CHECK(findUser(s, "anna")->lockedUntil > kNow);
    unlockUser(s, anna.id);
    CHECK(attemptLogin(s, "anna", "password di anna", "10.0.0.1", kNow + 1).outcome == LoginOutcome::Ok);
}

TEST_CASE("console log-in: one address trying many names is throttled", "[console][login]") {
    ConsoleStore s = freshStore("console-login-throttle");
    addUser(s, "anna", Role::Editor, "", "password di anna", kNow);
    for (int i = 0; i < kThrottleFailures; ++i)
        attemptLogin(s, "utente" + std::to_string(i), "sbagliata", "10.0.0.9", kNow + i);
    CHECK(attemptLogin(s, "anna", "password di anna", "10.0.0.9", kNow + 30).outcome ==
          LoginOutcome::Throttled);
    CHECK(auditCount(s, "login_throttled") == 1);
    // Another address is not affected, and the throttle ends with its window.
    CHECK(attemptLogin(s, "anna", "password di anna", "10.0.0.8", kNow + 30).outcome == LoginOutcome::Ok);
    CHECK(attemptLogin(s, "anna", "password di anna", "10.0.0.9", kNow + kThrottleWindow + kThrottleFailures)
              .outcome == LoginOutcome::Ok);
}

TEST_CASE("console API tokens are stored hashed and name their user", "[console][tokens]") {
    ConsoleStore s = freshStore("console-tokens");
    addUser(s, "pub", Role::Publisher, "", "password di pub", kNow);
    const std::string token = addApiToken(s, "pub", kNow);
    CHECK(token.rfind("vtc_", 0) == 0);
    REQUIRE(userForApiToken(s, token));
    CHECK(userForApiToken(s, token)->name == "pub");
    auto st = s.prepare("SELECT token_hash FROM api_tokens");
    REQUIRE(st.step());
    CHECK(st.text(0) != token);
    CHECK(st.text(0).find(token.substr(4)) == std::string::npos);
    std::string other = token;
    other.back() = other.back() == '0' ? '1' : '0';
    CHECK_FALSE(userForApiToken(s, other));
    CHECK_FALSE(userForApiToken(s, ""));
    CHECK_THROWS_AS(addApiToken(s, "nessuno", kNow), AccountError);
}
