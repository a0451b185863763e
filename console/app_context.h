// What the page files of ConsoleApp share: one request's context and small answer makers.
// Only console/*_pages.cpp and app.cpp include it.
#pragma once

#include "accounts.h"
#include "app.h"
#include "clerk_time.h"
#include "sessions.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace vt::console {

struct ConsoleApp::Ctx {
    const Request& req;
    UnixSeconds now = 0;
    std::optional<Session> session;
    std::string setCookie;        // a Set-Cookie to send with whatever answer the page gives
    std::optional<User> apiUser;  // the token's user, on /api/
    const User* user() const {
        if (apiUser) return &*apiUser;
        return session && session->user ? &*session->user : nullptr;
    }
    std::string address() const {
        // The console listens on loopback only: its peer is nginx, which puts the client's address
        // in X-Real-IP (docs/CONSOLE.md's site overwrites whatever the client sent).
        const auto it = req.headers.find("x-real-ip");
        return it != req.headers.end() && !it->second.empty() ? it->second : req.remote;
    }
    std::string field(const std::string& name) const {
        const auto it = req.form.find(name);
        return it == req.form.end() ? "" : it->second;
    }
};

Response redirect(const std::string& to);
Response json(int status, const nlohmann::json& j);
bool canSeeAudit(const User& u);
// The user of "Authorization: Bearer TOKEN", when the token is valid.
std::optional<User> bearerUser(const ConsoleStore& store, const Request& req);
// 401 with WWW-Authenticate, for an API request without a valid token.
Response tokenRequired();
// "/drafts/12/submit" after the prefix "/drafts/": 12, with `rest` = "submit" (empty when nothing
// follows); nullopt when no number (at most 12 digits, no leading zero: one address per item) follows.
std::optional<std::int64_t> numberAfter(const std::string& path, std::string_view prefix, std::string& rest);

}  // namespace vt::console
