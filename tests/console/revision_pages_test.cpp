// The revisions pages and API in process: everyone logged in reads them, only publishers and
// admins restore (with the CSRF token and a confirmation), what a notice says is shown escaped.
#include "accounts.h"
#include "app.h"
#include "audit.h"
#include "console_test_support.h"
#include "publishing.h"
#include "revisions.h"

#include "core/sync/minisign.h"
#include "core/util/files.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>

#include <sys/stat.h>

using namespace vt::console;
using vt::console::test::kNow;
namespace fs = std::filesystem;

namespace {

std::string header(const Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers)
        if (k == name) return v;
    return "";
}

std::string cookieOf(const Response& r) {
    const std::string c = header(r, "Set-Cookie");
    const auto eq = c.find('='), semi = c.find(';');
    return eq == std::string::npos ? "" : c.substr(eq + 1, semi - eq - 1);
}

std::string csrfIn(const std::string& html) {
    const std::string mark = "name=\"csrf\" value=\"";
    const auto at = html.find(mark);
    return at == std::string::npos ? "" : html.substr(at + mark.size(), 64);
}

Request get(const std::string& path, const std::string& cookie = "") {
    Request r;
    r.method = "GET";
    r.path = path;
    r.remote = "127.0.0.1";
    if (!cookie.empty()) r.cookies[kSessionCookie] = cookie;
    return r;
}

Request post(const std::string& path, const std::string& cookie, std::map<std::string, std::string> form) {
    Request r = get(path, cookie);
    r.method = "POST";
    r.form = std::move(form);
    return r;
}

Request api(const std::string& method, const std::string& path, const std::string& token) {
    Request r = get(path);
    r.method = method;
    r.headers["authorization"] = "Bearer " + token;
    return r;
}

std::string logIn(ConsoleApp& app, const std::string& name, const std::string& password) {
    const Response page = app.handle(get("/login"));
    const Response r = app.handle(post(
        "/login", cookieOf(page), {{"csrf", csrfIn(page.body)}, {"name", name}, {"password", password}}));
    REQUIRE(r.status == 303);
    return cookieOf(r);
}

bool has(const std::string& body, const std::string& what) {
    return body.find(what) != std::string::npos;
}

// A console with publishing set up: two revisions, the second adds a notice whose text holds markup.
struct Fixture {
    std::string dir;
    ConsoleConfig config;
    ConsoleStore store;
    Templates templates = Templates::load(findTemplatesDir(""));
    ConsoleApp app{config, store, templates, [] { return kNow + 3600; }};

    explicit Fixture(const std::string& name) : dir(vt::test::scratchDir(name)) {
        fs::create_directories(dir + "/content");
        for (const char* sub : {"notices", "media"})
            fs::copy(std::string(VETRINA_SOURCE_DIR) + "/content/" + sub, dir + "/content/" + sub);
        config.contentDir = dir + "/content";
        config.outDir = dir + "/out";
        config.keyFile = dir + "/comune.key";
        REQUIRE(vt::writeFileAtomic(config.keyFile,
                                    vt::formatSecretKeyFile(vt::generateSecretKey(), std::nullopt)));
        REQUIRE(::chmod(config.keyFile.c_str(), 0600) == 0);
        store = ConsoleStore::open(dir + "/console.db");
        addUser(store, "admin", Role::Admin, "", "password di admin", kNow);
        addUser(store, "paola", Role::Publisher, "", "password di paola", kNow);
        addUser(store, "anna", Role::Editor, "", "password di anna", kNow);
        REQUIRE(publishChanges(config, store, {}, "paola", "Prima pubblicazione", kNow).ok);
        const std::string notice =
            "+++\nid = \"concerto\"\ntitle = \"Concerto in piazza\"\nshort = \"Sabato sera\"\n"
            "valid_from = 2026-11-01\nvalid_until = 2026-12-31\n+++\n"
            "Portate una sedia <script>alert(1)</script> & un ombrello.\n";
        REQUIRE(publishChanges(config, store, {{"notices/concerto.md", notice}}, "paola", "Il concerto",
                               kNow + 60)
                    .ok);
    }
};

}  // namespace

TEST_CASE("console revisions pages: the list and one revision's changes, escaped",
          "[console][revisions][pages]") {
    Fixture f("revision-pages-view");
    const std::string anna = logIn(f.app, "anna", "password di anna");  // editors read them too
    const Response list = f.app.handle(get("/revisions", anna));
    CHECK(list.status == 200);
    CHECK(has(list.body, "href=\"/revisions/2\""));
    CHECK(has(list.body, "href=\"/revisions/1\""));
    CHECK(has(list.body, "Il concerto"));
    CHECK(has(f.app.handle(get("/home", anna)).body, "href=\"/revisions\""));

    const Response two = f.app.handle(get("/revisions/2", anna));
    CHECK(two.status == 200);
    CHECK(has(two.body, "notices/concerto.md"));
    CHECK(has(two.body, "Aggiunto"));
    CHECK(has(two.body, "class=\"add\""));
    CHECK_FALSE(has(two.body, "<script>"));
    CHECK(has(two.body, "Portate una sedia &lt;script&gt;alert(1)&lt;/script&gt; &amp; un ombrello."));
    CHECK_FALSE(has(two.body, "/restore"));  // no restore form for an editor
    CHECK(f.app.handle(get("/revisions/9", anna)).status == 404);
    CHECK(f.app.handle(get("/revisions/01", anna)).status == 404);
    CHECK(f.app.handle(get("/revisions/x", anna)).status == 404);
    CHECK(f.app.handle(get("/revisions")).status == 303);  // not logged in: to the log-in page

    const std::string paola = logIn(f.app, "paola", "password di paola");
    const Response one = f.app.handle(get("/revisions/1", paola));
    CHECK(has(one.body, "action=\"/revisions/1/restore\""));
    CHECK(has(one.body, "name=\"confirm\""));
    CHECK_FALSE(has(f.app.handle(get("/revisions/2", paola)).body, "/restore"));  // the live one
}

TEST_CASE("console revisions pages: only publishers and admins restore, with token and confirmation",
          "[console][revisions][pages][restore]") {
    Fixture f("revision-pages-restore");
    const std::string anna = logIn(f.app, "anna", "password di anna");
    const std::string annaCsrf = csrfIn(f.app.handle(get("/revisions/1", anna)).body);
    CHECK(f.app.handle(post("/revisions/1/restore", anna, {{"csrf", annaCsrf}, {"confirm", "yes"}})).status ==
          403);
    CHECK(latestRevision(f.store) == 2);

    const std::string paola = logIn(f.app, "paola", "password di paola");
    const std::string csrf = csrfIn(f.app.handle(get("/revisions/1", paola)).body);
    CHECK(f.app.handle(post("/revisions/1/restore", paola, {{"confirm", "yes"}})).status == 403);  // no token
    const Response unconfirmed = f.app.handle(post("/revisions/1/restore", paola, {{"csrf", csrf}}));
    CHECK(unconfirmed.status == 400);
    CHECK(has(unconfirmed.body, "Spunta la conferma"));
    CHECK(latestRevision(f.store) == 2);

    const Response done =
        f.app.handle(post("/revisions/1/restore", paola,
                          {{"csrf", csrf}, {"confirm", "yes"}, {"reason", "Concerto annullato"}}));
    CHECK(done.status == 303);
    CHECK(header(done, "Location") == "/revisions/3?restored=1");
    CHECK(latestRevision(f.store) == 3);
    CHECK_FALSE(fs::exists(f.config.contentDir + "/notices/concerto.md"));
    Request shown = get("/revisions/3", paola);
    shown.query["restored"] = "1";
    const Response three = f.app.handle(shown);
    CHECK(three.status == 200);
    CHECK(has(three.body, "Revisione 1 ripristinata"));
    CHECK(has(three.body, "Rimosso"));

    // An object gone: the restore is refused with the reason, nothing changes.
    std::string error;
    const auto m2 = vt::parseManifest(findRevision(f.store, 2)->manifestJson, error);
    REQUIRE(m2);
    for (const auto& file : m2->files)
        if (file.path == "notices/concerto.md") fs::remove(f.config.outDir + "/" + file.objectPath());
    const Response refused =
        f.app.handle(post("/revisions/2/restore", paola, {{"csrf", csrf}, {"confirm", "yes"}}));
    CHECK(refused.status == 409);
    CHECK(has(refused.body, "notices/concerto.md"));
    CHECK(latestRevision(f.store) == 3);

    // The log shows who restored, the revision and the manifest hashes.
    const std::string admin = logIn(f.app, "admin", "password di admin");
    const Response log = f.app.handle(get("/audit", admin));
    CHECK(has(log.body, "Revisione ripristinata"));
    CHECK(has(log.body, findRevision(f.store, 3)->manifestSha256.substr(0, 12)));
    const auto entries = recentAudit(f.store, 50);
    bool restore = false;
    for (const AuditEntry& e : entries)
        if (e.action == "restore") {
            restore = true;
            CHECK(e.actor == "paola");
            CHECK(has(e.detail, "Concerto annullato"));
            REQUIRE(e.revision);
            CHECK(e.revision->revision == 3);
            CHECK(e.revision->hashBefore == findRevision(f.store, 2)->manifestSha256);
            CHECK(e.revision->hashAfter == findRevision(f.store, 3)->manifestSha256);
        }
    CHECK(restore);
}

TEST_CASE("console revisions API: list, changes and restore by role", "[console][revisions][api]") {
    Fixture f("revision-pages-api");
    const std::string annaToken = addApiToken(f.store, "anna", kNow);
    const std::string paolaToken = addApiToken(f.store, "paola", kNow);
    const Response list = f.app.handle(api("GET", "/api/v1/revisions", annaToken));
    CHECK(list.status == 200);
    const auto j = nlohmann::json::parse(list.body);
    REQUIRE(j["revisions"].size() == 2);
    CHECK(j["revisions"][0]["revision"] == 2);
    CHECK(j["revisions"][0]["actor"] == "paola");
    CHECK(j["revisions"][0]["restored_from"].is_null());
    const auto diff = nlohmann::json::parse(f.app.handle(api("GET", "/api/v1/revisions/2", annaToken)).body);
    CHECK(diff["files"][0]["path"] == "notices/concerto.md");
    CHECK(diff["files"][0]["change"] == "added");

    CHECK(f.app.handle(api("POST", "/api/v1/revisions/1/restore", annaToken)).status == 403);
    CHECK(f.app.handle(api("POST", "/api/v1/revisions/7/restore", paolaToken)).status == 404);
    CHECK(f.app.handle(api("GET", "/api/v1/revisions/1/restore", paolaToken)).status == 405);
    const Response restored = f.app.handle(api("POST", "/api/v1/revisions/1/restore", paolaToken));
    CHECK(restored.status == 200);
    CHECK(nlohmann::json::parse(restored.body)["revision"] == 3);
    CHECK(findRevision(f.store, 3)->restoredFrom == 1);
    CHECK(f.app.handle(api("GET", "/api/v1/revisions", "sbagliato")).status == 401);
}
