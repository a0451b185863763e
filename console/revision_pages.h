// The revisions pages and API: the list, one revision's changes with a readable diff, and restore
// (publishers and administrators). Kept out of app.cpp: app.cpp only routes here.
#pragma once

#include "accounts.h"
#include "console_config.h"
#include "console_store.h"
#include "http_server.h"
#include "templates.h"

#include <optional>
#include <string>

namespace vt::console {

// One page request as app.cpp has checked it: a logged-in user, a POST with its CSRF token.
struct RevisionPageRequest {
    const Request& req;
    UnixSeconds now = 0;
    const User& user;
    std::string address;
    PageData base;  // the layout's data (user, role, csrf, menu) from ConsoleApp::pageData
};

// GET /revisions, GET /revisions/N, POST /revisions/N/restore; nothing for any other path.
std::optional<Response> revisionPages(const ConsoleConfig& config, ConsoleStore& store,
                                      const Templates& templates, const RevisionPageRequest& r);
// GET /api/v1/revisions, GET /api/v1/revisions/N, POST /api/v1/revisions/N/restore (publisher or
// admin, answers {"revision": new number}); nothing for any other path.
std::optional<Response> revisionsApi(const ConsoleConfig& config, ConsoleStore& store, const Request& req,
                                     const User& user, UnixSeconds now, const std::string& address);

}  // namespace vt::console
