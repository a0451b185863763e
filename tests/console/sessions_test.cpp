#include "sessions.h"
#include "console_test_support.h"

#include <catch2/catch.hpp>

using namespace vt::console;
using vt::console::test::freshStore;
using vt::console::test::kNow;

TEST_CASE("console sessions: found by their cookie, stored only as a hash", "[console][sessions]") {
    ConsoleStore s = freshStore("console-sessions-basic");
    const User anna = addUser(s, "anna", Role::Editor, "", "password di anna", kNow);
    const Session opened = openSession(s, anna.id, kNow);
    CHECK(opened.id.size() == 64);
    CHECK(opened.csrf.size() == 64);
    CHECK(opened.id != opened.csrf);
    auto st = s.prepare("SELECT id_hash FROM sessions");
    REQUIRE(st.step());
    CHECK(st.text(0) != opened.id);
    const auto found = findSession(s, opened.id, kNow + 60);
    REQUIRE(found);
    REQUIRE(found->user);
    CHECK(found->user->name == "anna");
    CHECK(found->csrf == opened.csrf);
    CHECK_FALSE(findSession(s, opened.csrf, kNow + 60));  // the CSRF token is no session id
    CHECK_FALSE(findSession(s, "", kNow));
    closeSession(s, opened.id);
    CHECK_FALSE(findSession(s, opened.id, kNow + 61));
}

TEST_CASE("console sessions end after idle time and after their maximum life", "[console][sessions]") {
    ConsoleStore s = freshStore("console-sessions-expiry");
    const User anna = addUser(s, "anna", Role::Editor, "", "password di anna", kNow);
    const Session idle = openSession(s, anna.id, kNow);
    CHECK(findSession(s, idle.id, kNow + kSessionIdleSeconds - 1));  // the use restarts the idle time
    CHECK(findSession(s, idle.id, kNow + 2 * kSessionIdleSeconds - 2));
    CHECK_FALSE(findSession(s, idle.id, kNow + 3 * kSessionIdleSeconds));
    // Used every 20 minutes, a session still ends at its maximum life.
    const Session busy = openSession(s, anna.id, kNow);
    vt::UnixSeconds t = kNow;
    while (t + 20 * 60 < kNow + kSessionMaxSeconds) {
        t += 20 * 60;
        REQUIRE(findSession(s, busy.id, t));
    }
    CHECK_FALSE(findSession(s, busy.id, kNow + kSessionMaxSeconds));
}

TEST_CASE("console sessions of a user all end together", "[console][sessions]") {
    ConsoleStore s = freshStore("console-sessions-user");
    const User anna = addUser(s, "anna", Role::Editor, "", "password di anna", kNow);
    const Session a = openSession(s, anna.id, kNow), b = openSession(s, anna.id, kNow);
    const Session anon = openSession(s, std::nullopt, kNow);
    closeSessionsOf(s, anna.id);
    CHECK_FALSE(findSession(s, a.id, kNow));
    CHECK_FALSE(findSession(s, b.id, kNow));
    REQUIRE(findSession(s, anon.id, kNow));
    CHECK_FALSE(findSession(s, anon.id, kNow)->user);
}

TEST_CASE("console CSRF token must match its own session exactly", "[console][sessions][csrf]") {
    ConsoleStore s = freshStore("console-sessions-csrf");
    const Session a = openSession(s, std::nullopt, kNow), b = openSession(s, std::nullopt, kNow);
    CHECK(csrfMatches(a, a.csrf));
    CHECK_FALSE(csrfMatches(a, b.csrf));
    CHECK_FALSE(csrfMatches(a, ""));
    CHECK_FALSE(csrfMatches(a, a.csrf.substr(1)));
    CHECK_FALSE(csrfMatches(a, a.id));
}

TEST_CASE("console session cookie is __Host-, HttpOnly, Secure and SameSite=Strict", "[console][sessions]") {
    const std::string c = sessionCookie("abc");
    CHECK(c.rfind("__Host-vetrina_session=abc;", 0) == 0);
    CHECK(c.find("; Path=/") != std::string::npos);
    CHECK(c.find("; HttpOnly") != std::string::npos);
    CHECK(c.find("; Secure") != std::string::npos);
    CHECK(c.find("; SameSite=Strict") != std::string::npos);
    CHECK(c.find("Domain") == std::string::npos);  // __Host- cookies may not name a domain
    CHECK(clearedSessionCookie().find("Max-Age=0") != std::string::npos);
}
