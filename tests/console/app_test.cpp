// The pages' rules exercised in process, without a network: CSRF on every form, log-in with a new
// session id, roles, escaping. The browser test (console_browser.py) drives the same through Chromium.
#include "app.h"
#include "accounts.h"
#include "app_test_support.h"
#include "console_test_support.h"

#include <catch2/catch.hpp>

using namespace vt::console;
using namespace vt::console::test;

namespace {

struct Fixture {
    ConsoleConfig config;
    ConsoleStore store;
    Templates templates = Templates::load(findTemplatesDir(""));
    ConsoleApp app{config, store, templates, [] { return kNow; }};
    explicit Fixture(const std::string& name) : store(vt::console::test::freshStore(name)) {
        addUser(store, "admin", Role::Admin, "", "password di admin", kNow);
        addUser(store, "anna", Role::Editor, "", "password di anna", kNow);
    }
};

}  // namespace

TEST_CASE("console pages: log-in gives a new session id and the desk", "[console][app]") {
    Fixture f("console-app-login");
    const Response page = f.app.handle(get("/login"));
    CHECK(page.status == 200);
    const std::string anon = cookieOf(page);
    CHECK(anon.size() == 64);
    CHECK(header(page, "Set-Cookie").find("HttpOnly; Secure; SameSite=Strict") != std::string::npos);
    const Response r = f.app.handle(post(
        "/login", anon, {{"csrf", csrfIn(page.body)}, {"name", "anna"}, {"password", "password di anna"}}));
    CHECK(r.status == 303);
    CHECK(header(r, "Location") == "/home");
    const std::string session = cookieOf(r);
    CHECK(session.size() == 64);
    CHECK(session != anon);                                 // no session fixation
    CHECK(f.app.handle(get("/home", anon)).status == 303);  // the old id opens nothing
    const Response home = f.app.handle(get("/home", session));
    CHECK(home.status == 200);
    CHECK(home.body.find("anna") != std::string::npos);
}

TEST_CASE("console pages: a form without its CSRF token is refused and does nothing",
          "[console][app][csrf]") {
    Fixture f("console-app-csrf");
    const std::string admin = logIn(f.app, "admin", "password di admin");
    const std::map<std::string, std::string> newUser = {{"name", "intruso"},
                                                        {"role", "admin"},
                                                        {"password", "password intrusa"},
                                                        {"password2", "password intrusa"}};
    CHECK(f.app.handle(post("/admin/users", admin, newUser)).status == 403);
    auto wrong = newUser;
    wrong["csrf"] = std::string(64, '0');
    CHECK(f.app.handle(post("/admin/users", admin, wrong)).status == 403);
    CHECK_FALSE(findUser(f.store, "intruso"));
    // The same form with the page's token works.
    auto good = newUser;
    good["csrf"] = csrfIn(f.app.handle(get("/admin/users", admin)).body);
    CHECK(f.app.handle(post("/admin/users", admin, good)).status == 303);
    CHECK(findUser(f.store, "intruso"));
    // Log-in needs the token of its form too.
    const Response page = f.app.handle(get("/login"));
    CHECK(f.app.handle(post("/login", cookieOf(page), {{"name", "anna"}, {"password", "password di anna"}}))
              .status == 403);
}

TEST_CASE("console pages: an editor cannot reach the admin pages or the log", "[console][app]") {
    Fixture f("console-app-roles");
    const std::string anna = logIn(f.app, "anna", "password di anna");
    CHECK(f.app.handle(get("/admin/users", anna)).status == 403);
    CHECK(f.app.handle(get("/audit", anna)).status == 403);
    CHECK(f.app.handle(get("/audit.csv", anna)).status == 403);
    const std::string csrf = csrfIn(f.app.handle(get("/home", anna)).body);
    CHECK(f.app.handle(post("/admin/users/unlock", anna, {{"csrf", csrf}, {"name", "admin"}})).status == 403);
    CHECK(f.app.handle(get("/admin/users")).status == 303);  // not logged in: to the log-in page
}

TEST_CASE("console pages: what users typed is shown as text", "[console][app][xss]") {
    Fixture f("console-app-escape");
    const Response page = f.app.handle(get("/login"));
    const Response r = f.app.handle(post("/login", cookieOf(page),
                                         {{"csrf", csrfIn(page.body)},
                                          {"name", "<script>alert(1)</script>"},
                                          {"password", "qualunque cosa"}}));
    CHECK(r.status == 401);
    CHECK(r.body.find("<script>") == std::string::npos);
    CHECK(r.body.find("&lt;script&gt;") != std::string::npos);
    const std::string admin = logIn(f.app, "admin", "password di admin");
    const Response log = f.app.handle(get("/audit", admin));
    CHECK(log.status == 200);
    CHECK(log.body.find("<script>") == std::string::npos);
    CHECK(log.body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
}

TEST_CASE("console pages: log-out ends the session", "[console][app]") {
    Fixture f("console-app-logout");
    const std::string anna = logIn(f.app, "anna", "password di anna");
    const std::string csrf = csrfIn(f.app.handle(get("/home", anna)).body);
    const Response r = f.app.handle(post("/logout", anna, {{"csrf", csrf}}));
    CHECK(r.status == 303);
    CHECK(header(r, "Set-Cookie").find("Max-Age=0") != std::string::npos);
    CHECK(f.app.handle(get("/home", anna)).status == 303);
}

TEST_CASE("console API: a token with the right role reads the audit log", "[console][app][api]") {
    Fixture f("console-app-api");
    const std::string adminToken = addApiToken(f.store, "admin", kNow);
    const std::string annaToken = addApiToken(f.store, "anna", kNow);
    Request r = get("/api/v1/audit");
    CHECK(f.app.handle(r).status == 401);
    r.headers["authorization"] = "Bearer " + annaToken;
    CHECK(f.app.handle(r).status == 403);
    r.headers["authorization"] = "Bearer " + adminToken;
    const Response ok = f.app.handle(r);
    CHECK(ok.status == 200);
    CHECK(ok.contentType == "application/json");
    CHECK(ok.body.find("\"entries\"") != std::string::npos);
    // A session cookie is no API credential.
    Request withCookie = get("/api/v1/audit", logIn(f.app, "admin", "password di admin"));
    CHECK(f.app.handle(withCookie).status == 401);
}
