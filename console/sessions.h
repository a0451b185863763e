// Browser sessions and their CSRF tokens.
//
// A session is a random 256-bit id in a `__Host-` cookie (HttpOnly, Secure, SameSite=Strict); the
// store keeps only its SHA-256, so a copy of the database opens no session. Each session has its
// own random CSRF token, put in every form as the hidden field `csrf` and compared in constant
// time on every POST. The log-in form has one too: GET /login opens an anonymous session, and a
// successful log-in ends it and opens a new one (a session id fixed before log-in is worthless).
#pragma once

#include "accounts.h"

namespace vt::console {

inline constexpr const char* kSessionCookie = "__Host-vetrina_session";
// A session ends after this long without a request, and in any case this long after log-in.
constexpr UnixSeconds kSessionIdleSeconds = 30 * 60;
constexpr UnixSeconds kSessionMaxSeconds = 10 * 60 * 60;

struct Session {
    std::string id;    // the secret in the cookie (only known right after creation or from the cookie)
    std::string csrf;  // the form token
    std::optional<User> user;  // empty for the anonymous session of the log-in form
};

// Opens a session (anonymous when userId is empty).
Session openSession(ConsoleStore& store, std::optional<std::int64_t> userId, UnixSeconds now);
// The live session with that cookie value, its idle time restarted; nothing when unknown or expired
// (an expired one is deleted).
std::optional<Session> findSession(ConsoleStore& store, std::string_view id, UnixSeconds now);
void closeSession(ConsoleStore& store, std::string_view id);
// Ends every session of a user (an admin locking or changing an account).
void closeSessionsOf(ConsoleStore& store, std::int64_t userId);
// True when `sent` is this session's CSRF token.
bool csrfMatches(const Session& s, std::string_view sent);

// The Set-Cookie value that gives the browser a session, and the one that removes it.
std::string sessionCookie(const std::string& id);
std::string clearedSessionCookie();

}  // namespace vt::console
