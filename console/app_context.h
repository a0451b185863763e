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

}  // namespace vt::console
