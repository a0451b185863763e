// Notices and events through the pages and the API, in process: a picture sent with the form,
// errors shown next to their field, escaping everywhere, the roles and the four eyes, and an
// approval that publishes a signed revision the kiosk's sync would accept.
#include "accounts.h"
#include "app.h"
#include "app_test_support.h"
#include "console_test_support.h"
#include "drafts.h"
#include "preview.h"

#include "core/sync/manifest.h"
#include "core/sync/minisign.h"

#include <sodium.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace vt::console;
using namespace vt::console::test;
namespace fs = std::filesystem;

namespace {

std::string readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string demoPng() {
    return readAll(fs::path(VETRINA_SOURCE_DIR) / "content/media/lavori-piazza.png");
}

struct Fixture {
    std::string dir;
    ConsoleConfig config;
    ConsoleStore store;
    Templates templates = Templates::load(findTemplatesDir(""));
    std::unique_ptr<ConsoleApp> app;
    vt::SecretKey key = vt::generateSecretKey();
    explicit Fixture(const std::string& name, bool fourEyes = true) : dir(vt::test::scratchDir(name)) {
        store = ConsoleStore::open(storePathIn(dir));
        config.dataDir = dir;
        config.contentDir = dir + "/content";
        config.outDir = dir + "/published";
        config.keyFile = dir + "/comune.key";
        config.fourEyes = fourEyes;
        // A small content of record: one hand-written notice, published once as revision 1.
        fs::create_directories(config.contentDir + "/notices");
        std::ofstream(config.contentDir + "/notices/mercato.md")
            << "+++\nid = \"mercato\"\ntitle = \"Mercato del giovedì\"\nshort = \"In piazza dalle "
               "8.\"\n+++\nTesto.\n";
        std::ofstream(config.keyFile) << vt::formatSecretKeyFile(key, std::nullopt);
        fs::permissions(config.keyFile,
                        fs::perms::owner_read | fs::perms::owner_write);  // as the console asks
        app = std::make_unique<ConsoleApp>(config, store, templates, [] { return kNow; });
        addUser(store, "anna", Role::Editor, "", "password di anna", kNow);
        addUser(store, "paolo", Role::Publisher, "", "password di paolo", kNow);
        addUser(store, "sara", Role::Publisher, "", "password di sara", kNow);
    }
};

Request multipart(const std::string& path, const std::string& cookie,
                  const std::map<std::string, std::string>& form, const std::string& filename = "",
                  const std::string& bytes = "") {
    Request r = post(path, cookie, {});
    const std::string b = "----vetrinaTestBoundary";
    r.headers["content-type"] = "multipart/form-data; boundary=" + b;
    for (const auto& [k, v] : form)
        r.body += "--" + b + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
    r.body += "--" + b + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + filename +
              "\"\r\nContent-Type: image/png\r\n\r\n" + bytes + "\r\n";
    r.body += "--" + b + "--\r\n";
    parseRequestBody(r);
    return r;
}

std::int64_t draftIdFrom(const Response& r) {
    const std::string loc = header(r, "Location");
    REQUIRE(loc.rfind("/drafts/", 0) == 0);
    return std::stoll(loc.substr(8));
}

std::map<std::string, std::string> notice(const std::string& csrf, const std::string& title) {
    return {{"csrf", csrf},
            {"kind", "notice"},
            {"title", title},
            {"short", "Sabato l'anagrafe è chiusa."},
            {"body", "Riapre lunedì."},
            {"priority", "0"},
            {"valid_from", "2026-12-01"},
            {"valid_until", "2026-12-31"}};
}

Request apiRequest(const std::string& method, const std::string& path, const std::string& token,
                   const std::string& body = "") {
    Request r = get(path);
    r.method = method;
    r.headers["authorization"] = "Bearer " + token;
    r.headers["content-type"] = "application/json";
    r.body = body;
    return r;
}

}  // namespace

TEST_CASE("console drafts: an editor writes a notice with a picture and sees it as text",
          "[console][drafts-pages]") {
    Fixture f("console-drafts-write");
    const std::string anna = logIn(*f.app, "anna", "password di anna");
    const Response form = f.app->handle(get("/drafts/new?kind=notice", anna));
    REQUIRE(form.status == 200);
    CHECK(form.body.find("enctype=\"multipart/form-data\"") != std::string::npos);
    CHECK(form.body.find("type=\"file\"") != std::string::npos);
    const Response saved = f.app->handle(
        multipart("/drafts", anna, notice(csrfIn(form.body), "Anagrafe <script>alert(1)</script> chiusa"),
                  "foto.png", demoPng()));
    REQUIRE(saved.status == 303);
    const auto id = draftIdFrom(saved);
    const auto draft = findDraft(f.store, id);
    REQUIRE(draft);
    CHECK(draft->author == "anna");
    CHECK(draft->contentId == "anagrafe-script-alert-1-script-chiusa");
    REQUIRE(draft->image);
    CHECK(draft->image->bytes == demoPng());
    // Every page that shows the title shows it as text.
    for (const std::string& page : {"/drafts/" + std::to_string(id), std::string("/drafts"),
                                    "/drafts/" + std::to_string(id) + "/edit"}) {
        const Response r = f.app->handle(get(page, anna));
        INFO(page);
        CHECK(r.status == 200);
        CHECK(r.body.find("<script>alert") == std::string::npos);
        CHECK(r.body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    }
    const Response image = f.app->handle(get("/drafts/" + std::to_string(id) + "/image", anna));
    CHECK(image.contentType == "image/png");
    CHECK(image.body == demoPng());
    // Nothing reached the content of record yet.
    CHECK_FALSE(fs::exists(f.config.contentDir + "/notices/anagrafe-script-alert-1-script-chiusa.md"));
}

TEST_CASE("console drafts: errors are shown next to their field and nothing is saved",
          "[console][drafts-pages]") {
    Fixture f("console-drafts-errors");
    const std::string anna = logIn(*f.app, "anna", "password di anna");
    const std::string csrf = csrfIn(f.app->handle(get("/drafts/new?kind=notice", anna)).body);
    auto fields = notice(csrf, "");
    fields["valid_until"] = "2026-11-01";
    const Response r = f.app->handle(multipart("/drafts", anna, fields));
    CHECK(r.status == 400);
    // The message sits inside the field's own block, after its input.
    const auto titleField = r.body.find("id=\"f-title\"");
    const auto titleError = r.body.find("id=\"e-title\"");
    REQUIRE(titleField != std::string::npos);
    REQUIRE(titleError != std::string::npos);
    CHECK(titleError > titleField);
    CHECK(r.body.find("Campo obbligatorio") != std::string::npos);
    CHECK(r.body.find("id=\"e-valid_until\"") != std::string::npos);
    CHECK(r.body.find("value=\"Sabato l&apos;anagrafe è chiusa.\"") ==
          std::string::npos);                                                     // a textarea, not a value
    CHECK(r.body.find("Sabato l&apos;anagrafe è chiusa.") != std::string::npos);  // what was typed stays
    CHECK(listDrafts(f.store, false).empty());
}

TEST_CASE("console drafts: a fake or oversize picture is refused", "[console][drafts-pages][upload]") {
    Fixture f("console-drafts-upload");
    const std::string anna = logIn(*f.app, "anna", "password di anna");
    const std::string csrf = csrfIn(f.app->handle(get("/drafts/new?kind=notice", anna)).body);
    const std::string fake = std::string("\x89PNG\r\n\x1a\n", 8) + "<script>alert(1)</script>";
    const Response r =
        f.app->handle(multipart("/drafts", anna, notice(csrf, "Con foto finta"), "foto.png", fake));
    CHECK(r.status == 400);
    CHECK(r.body.find("id=\"e-image\"") != std::string::npos);
    CHECK(r.body.find("danneggiata") != std::string::npos);
    CHECK(listDrafts(f.store, false).empty());
    // Larger than the server reads: the whole request is refused before any parsing.
    Request big = multipart("/drafts", anna, notice(csrf, "Foto enorme"), "foto.png", demoPng());
    big.bodyTooLarge = true;
    const Response tooLarge = f.app->handle(big);
    CHECK(tooLarge.status == 413);
    CHECK(tooLarge.body.find("5 MB") != std::string::npos);
    CHECK(listDrafts(f.store, false).empty());
}

TEST_CASE("console drafts: a form with a picture but without its CSRF token does nothing",
          "[console][drafts-pages][csrf]") {
    Fixture f("console-drafts-csrf");
    const std::string anna = logIn(*f.app, "anna", "password di anna");
    auto fields = notice("", "Senza token");
    fields.erase("csrf");
    CHECK(f.app->handle(multipart("/drafts", anna, fields, "foto.png", demoPng())).status == 403);
    CHECK(listDrafts(f.store, false).empty());
}

TEST_CASE("console drafts: an editor cannot approve, nor a publisher their own draft",
          "[console][drafts-pages][roles]") {
    Fixture f("console-drafts-roles");
    const std::string anna = logIn(*f.app, "anna", "password di anna");
    std::string csrf = csrfIn(f.app->handle(get("/drafts/new?kind=notice", anna)).body);
    const auto id = draftIdFrom(f.app->handle(multipart("/drafts", anna, notice(csrf, "Chiusura anagrafe"))));
    const std::string base = "/drafts/" + std::to_string(id);
    // Not yet submitted: nobody approves it.
    const std::string paolo = logIn(*f.app, "paolo", "password di paolo");
    const std::string pcsrf = csrfIn(f.app->handle(get(base, paolo)).body);
    CHECK(f.app->handle(post(base + "/approve", paolo, {{"csrf", pcsrf}})).status == 409);
    CHECK(f.app->handle(post(base + "/submit", anna, {{"csrf", csrf}})).status == 303);
    CHECK(findDraft(f.store, id)->state == DraftState::Submitted);
    // The editor's page has no approve button, and the request is refused anyway.
    const Response annaView = f.app->handle(get(base, anna));
    CHECK(annaView.body.find("/approve") == std::string::npos);
    CHECK(f.app->handle(post(base + "/approve", anna, {{"csrf", csrf}})).status == 403);
    CHECK(findDraft(f.store, id)->state == DraftState::Submitted);

    // A publisher's own draft needs someone else.
    const std::string pform = csrfIn(f.app->handle(get("/drafts/new?kind=notice", paolo)).body);
    const auto own = draftIdFrom(f.app->handle(multipart("/drafts", paolo, notice(pform, "Bozza di Paolo"))));
    const std::string ownBase = "/drafts/" + std::to_string(own);
    CHECK(f.app->handle(post(ownBase + "/submit", paolo, {{"csrf", pform}})).status == 303);
    const Response ownView = f.app->handle(get(ownBase, paolo));
    CHECK(ownView.body.find(ownBase + "/approve") == std::string::npos);
    CHECK(ownView.body.find("Doppio controllo") != std::string::npos);
    CHECK(f.app->handle(post(ownBase + "/approve", paolo, {{"csrf", pform}})).status == 403);
    CHECK(findDraft(f.store, own)->state == DraftState::Submitted);
    CHECK_FALSE(fs::exists(f.config.outDir + "/manifest.json"));
}

TEST_CASE("console drafts: a second person approves and a signed revision is published",
          "[console][drafts-pages][publish]") {
    Fixture f("console-drafts-approve");
    const std::string anna = logIn(*f.app, "anna", "password di anna");
    std::string csrf = csrfIn(f.app->handle(get("/drafts/new?kind=notice", anna)).body);
    const auto id = draftIdFrom(f.app->handle(
        multipart("/drafts", anna, notice(csrf, "Anagrafe chiusa sabato"), "foto.png", demoPng())));
    const std::string base = "/drafts/" + std::to_string(id);
    REQUIRE(f.app->handle(post(base + "/submit", anna, {{"csrf", csrf}})).status == 303);
    const std::string paolo = logIn(*f.app, "paolo", "password di paolo");
    const Response view = f.app->handle(get(base, paolo));
    CHECK(view.body.find(base + "/approve") != std::string::npos);
    const Response approved = f.app->handle(post(base + "/approve", paolo, {{"csrf", csrfIn(view.body)}}));
    REQUIRE(approved.status == 303);
    const auto draft = findDraft(f.store, id);
    CHECK(draft->state == DraftState::Published);
    CHECK(draft->approvedBy == "paolo");
    CHECK(draft->revision >= 1);
    // The content of record has the files, and the published folder a signed manifest of them.
    CHECK(fs::exists(f.config.contentDir + "/notices/anagrafe-chiusa-sabato.md"));
    CHECK(readAll(f.config.contentDir + "/media/anagrafe-chiusa-sabato.png") == demoPng());
    const std::string manifest = readAll(f.config.outDir + "/manifest.json");
    const std::string signature = readAll(f.config.outDir + "/manifest.json.minisig");
    CHECK(vt::verifyDetached(manifest, signature, {f.key.publicKey()}).ok);
    CHECK(manifest.find("notices/anagrafe-chiusa-sabato.md") != std::string::npos);
    CHECK(manifest.find("notices/mercato.md") != std::string::npos);  // the hand-written one stays
    const Response page = f.app->handle(get(base + "?done=approved", paolo));
    CHECK(page.body.find("revisione " + std::to_string(draft->revision)) != std::string::npos);
}

TEST_CASE("console drafts: the JSON API writes, submits and approves with the same rules",
          "[console][drafts-api]") {
    Fixture f("console-drafts-api");
    const std::string annaToken = addApiToken(f.store, "anna", kNow);
    const std::string saraToken = addApiToken(f.store, "sara", kNow);
    // Problems come back by field.
    Response bad =
        f.app->handle(apiRequest("POST", "/api/v1/drafts", annaToken,
                                 R"({"kind": "notice", "fields": {"title": "", "valid_from": "ieri"}})"));
    CHECK(bad.status == 400);
    const auto errors = nlohmann::json::parse(bad.body)["errors"];
    CHECK(errors.contains("title"));
    CHECK(errors.contains("valid_from"));
    // A good draft, with its picture in base64.
    const std::string png = demoPng();
    std::string b64(sodium_base64_ENCODED_LEN(png.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(b64.data(), b64.size(), reinterpret_cast<const unsigned char*>(png.data()), png.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    b64.resize(std::strlen(b64.c_str()));
    const nlohmann::json body = {{"kind", "notice"},
                                 {"fields",
                                  {{"id", "tari-rata"},
                                   {"title", "TARI: seconda rata"},
                                   {"short", "Scade il 16 dicembre."},
                                   {"priority", 10},
                                   {"image", b64}}}};
    const Response made = f.app->handle(apiRequest("POST", "/api/v1/drafts", annaToken, body.dump()));
    REQUIRE(made.status == 201);
    const auto id = nlohmann::json::parse(made.body)["id"].get<std::int64_t>();
    const std::string base = "/api/v1/drafts/" + std::to_string(id);
    CHECK(f.app->handle(apiRequest("POST", base + "/submit", annaToken)).status == 200);
    CHECK(f.app->handle(apiRequest("POST", base + "/approve", annaToken)).status == 403);
    const Response ok = f.app->handle(apiRequest("POST", base + "/approve", saraToken));
    REQUIRE(ok.status == 200);
    CHECK(nlohmann::json::parse(ok.body)["revision"].get<std::int64_t>() >= 1);
    const auto shown = nlohmann::json::parse(f.app->handle(apiRequest("GET", base, annaToken)).body);
    CHECK(shown["state"] == "published");
    CHECK(shown["fields"]["title"] == "TARI: seconda rata");
    CHECK(fs::exists(f.config.contentDir + "/notices/tari-rata.md"));
    CHECK(f.app->handle(apiRequest("GET", "/api/v1/drafts", "not-a-token")).status == 401);
}

TEST_CASE("console drafts: with four eyes off, a publisher approves their own draft",
          "[console][drafts-pages][publish]") {
    Fixture f("console-drafts-one-clerk", /*fourEyes=*/false);
    const std::string paolo = logIn(*f.app, "paolo", "password di paolo");
    const std::string csrf = csrfIn(f.app->handle(get("/drafts/new?kind=notice", paolo)).body);
    const auto id =
        draftIdFrom(f.app->handle(multipart("/drafts", paolo, notice(csrf, "Un solo impiegato"))));
    const std::string base = "/drafts/" + std::to_string(id);
    REQUIRE(f.app->handle(post(base + "/submit", paolo, {{"csrf", csrf}})).status == 303);
    CHECK(f.app->handle(get(base, paolo)).body.find(base + "/approve") != std::string::npos);
    CHECK(f.app->handle(post(base + "/approve", paolo, {{"csrf", csrf}})).status == 303);
    CHECK(findDraft(f.store, id)->state == DraftState::Published);
    CHECK(fs::exists(f.config.contentDir + "/notices/un-solo-impiegato.md"));
}

TEST_CASE("console drafts: the API's preview is the kiosk's PNG at the size and language asked",
          "[console][drafts-api][preview]") {
    Fixture f("console-drafts-api-preview");
    f.config.previewVetrina = VETRINA_BINARY;
    const std::string token = addApiToken(f.store, "anna", kNow);
    const nlohmann::json body = {
        {"kind", "notice"},
        {"fields", {{"id", "neve"}, {"title", "Neve <b>domani</b>"}, {"short", "Strade chiuse."}}}};
    const Response made = f.app->handle(apiRequest("POST", "/api/v1/drafts", token, body.dump()));
    REQUIRE(made.status == 201);
    const std::string base = "/api/v1/drafts/" + nlohmann::json::parse(made.body)["id"].dump();
    const Response png = f.app->handle(
        apiRequest("GET", base + "/preview?screen=item&size=1920x1080&lang=en&at=2026-12-24T10:00", token));
    REQUIRE(png.status == 200);
    CHECK(png.contentType == "image/png");
    int w = 0, h = 0;
    REQUIRE(pngSize(png.body, w, h));
    CHECK(w == 1920);
    CHECK(h == 1080);
    CHECK(f.app->handle(apiRequest("GET", base + "/preview?size=10x10", token)).status == 400);
    CHECK(f.app->handle(apiRequest("GET", base + "/preview?screen=albo", token)).status == 400);
    CHECK(f.app->handle(apiRequest("GET", "/api/v1/drafts/999/preview", token)).status == 404);
    CHECK(f.app->handle(apiRequest("GET", base + "/preview", "vtc_wrong")).status == 401);
}

TEST_CASE("console drafts: each kind's form shows its own fields", "[console][drafts-pages]") {
    Fixture f("console-drafts-forms");
    const std::string anna = logIn(*f.app, "anna", "password di anna");
    const Response notice = f.app->handle(get("/drafts/new?kind=notice", anna));
    const Response event = f.app->handle(get("/drafts/new?kind=event", anna));
    for (const char* id :
         {"f-title", "f-short", "f-body", "f-priority", "f-valid_from", "f-image", "f-en_title"})
        CHECK(notice.body.find(std::string("id=\"") + id + "\"") != std::string::npos);
    for (const char* id : {"f-title", "f-place", "f-start_date", "f-start_time", "f-all_day", "f-repeat"})
        CHECK(event.body.find(std::string("id=\"") + id + "\"") != std::string::npos);
    CHECK(notice.body.find("Testi in inglese") != std::string::npos);
    CHECK(event.body.find("Testi in inglese") == std::string::npos);  // events have no English texts
    CHECK(event.body.find("type=\"file\"") == std::string::npos);
    CHECK(f.app->handle(get("/drafts/new?kind=nulla", anna)).status == 404);
}

TEST_CASE("console drafts: the API refuses garbage with a clear error and stores nothing",
          "[console][drafts-api]") {
    Fixture f("console-drafts-api-garbage");
    const std::string token = addApiToken(f.store, "anna", kNow);
    for (const std::string& body :
         {std::string("{not json"), std::string("[]"), std::string(R"({"kind": "notice"})"),
          std::string(R"({"kind": "notice", "fields": "testo"})"), std::string(200000, '{')}) {
        const Response r = f.app->handle(apiRequest("POST", "/api/v1/drafts", token, body));
        INFO(body.substr(0, 40));
        CHECK(r.status == 400);
        CHECK(nlohmann::json::parse(r.body)["error"].get<std::string>().find("expected") !=
              std::string::npos);
    }
    const Response unknown = f.app->handle(
        apiRequest("POST", "/api/v1/drafts", token, R"({"kind": "oroscopo", "fields": {"title": "x"}})"));
    CHECK(unknown.status == 400);
    const Response badValue =
        f.app->handle(apiRequest("POST", "/api/v1/drafts", token,
                                 R"({"kind": "notice", "fields": {"title": ["a"], "image": "%%%"}})"));
    CHECK(badValue.status == 400);
    const auto errors = nlohmann::json::parse(badValue.body)["errors"];
    CHECK(errors.contains("title"));
    CHECK(errors.contains("image"));
    CHECK(listDrafts(f.store, false).empty());
    CHECK(f.app->handle(apiRequest("GET", "/api/v1/drafts/abc", token)).status == 404);
    CHECK(f.app->handle(apiRequest("GET", "/api/v1/drafts/99999999999999999999", token)).status == 404);
}
