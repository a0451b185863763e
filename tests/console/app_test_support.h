// Helpers of the in-process page tests: requests as a browser sends them, the cookie and CSRF
// token a page gives, a log-in through the pages.
#pragma once

#include "app.h"
#include "sessions.h"

#include <catch2/catch.hpp>

#include <map>
#include <string>

namespace vt::console::test {

inline std::string header(const Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers)
        if (k == name) return v;
    return "";
}

// The cookie value a Set-Cookie gives.
inline std::string cookieOf(const Response& r) {
    const std::string c = header(r, "Set-Cookie");
    const auto eq = c.find('='), semi = c.find(';');
    return eq == std::string::npos ? "" : c.substr(eq + 1, semi - eq - 1);
}

// The value of the hidden csrf field in a page.
inline std::string csrfIn(const std::string& html) {
    const std::string mark = "name=\"csrf\" value=\"";
    const auto at = html.find(mark);
    return at == std::string::npos ? "" : html.substr(at + mark.size(), 64);
}

inline Request get(const std::string& path, const std::string& cookie = "") {
    Request r;
    r.method = "GET";
    // The server gives the path and the query apart, as libmicrohttpd does.
    const auto q = path.find('?');
    r.path = path.substr(0, q);
    if (q != std::string::npos) r.query = parseFormEncoded(path.substr(q + 1));
    r.remote = "127.0.0.1";
    if (!cookie.empty()) r.cookies[kSessionCookie] = cookie;
    return r;
}

inline Request post(const std::string& path, const std::string& cookie,
                    std::map<std::string, std::string> form) {
    Request r = get(path, cookie);
    r.method = "POST";
    r.form = std::move(form);
    return r;
}

// Logs in through the pages; returns the logged-in session's cookie.
inline std::string logIn(ConsoleApp& app, const std::string& name, const std::string& password) {
    const Response page = app.handle(get("/login"));
    const std::string anon = cookieOf(page);
    const Response r = app.handle(
        post("/login", anon, {{"csrf", csrfIn(page.body)}, {"name", name}, {"password", password}}));
    REQUIRE(r.status == 303);
    return cookieOf(r);
}

}  // namespace vt::console::test
