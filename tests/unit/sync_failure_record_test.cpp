// Issue 14, point 6: a failure found while importing (garbage on a feed, a signed revision with an
// unreadable file, a trigger whose template is not installed) is recorded after the import's
// rollback, so the status says why and the failures count drives the back-off; an error page on
// an object is reported by its HTTP status, not as "oversize".
#include "core/sync/manifest.h"
#include "core/sync/minisign.h"
#include "core/sync/sync_engine.h"
#include "core/sync/sync_status.h"
#include "core/sync/trigger_source.h"
#include "core/util/files.h"
#include "sync_fixtures.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace vt;
using namespace vt::test;
namespace fs = std::filesystem;

namespace {

constexpr UnixSeconds kNow = 1795424400;  // 2026-11-23T10:00:00+01:00, kPinnedInstant

SyncStatus statusOf(const Database& db, const std::string& source) {
    for (SyncStatus& s : readSyncStatus(db))
        if (s.source == source) return s;
    FAIL("no status for " << source);
    return {};
}

std::string feedConfig(const std::string& dir, const std::string& name, const std::string& kind,
                       const std::string& url, const std::string& extra = "") {
    return "[paths]\ndata_dir = \"" + dir +
           "/data\"\n[sync]\nconnect_timeout_seconds = 1\ntimeout_seconds = 6\n" + "[[source]]\nname = \"" +
           name + "\"\nkind = \"" + kind + "\"\nurl = \"" + url + "\"\n" + extra;
}

struct Kiosk {
    Config config;
    std::unique_ptr<SyncEngine> engine;
    explicit Kiosk(const std::string& dir, const std::string& toml) {
        REQUIRE(writeFileAtomic(dir + "/kiosk.toml", toml));
        config = loadConfig(dir + "/kiosk.toml");
        fs::create_directories(config.dataDir);
        engine = std::make_unique<SyncEngine>(config, Database::open(config.databasePath()));
    }
    SyncOutcome sync() { return engine->syncSource(config.sources[0], kNow); }
    SyncStatus status() { return statusOf(engine->database(), config.sources[0].name); }
};

// A small content folder without albo acts (whose windows follow the wall clock).
void writeSmallContent(const std::string& dir) {
    fs::create_directories(dir);
    REQUIRE(writeFileAtomic(dir + "/synonyms.txt", "cie = carta d'identità elettronica\n"));
    REQUIRE(writeFileAtomic(dir + "/town.toml", "name = \"Comune di Borgo Vetrina (demo)\"\n"));
}

}  // namespace

TEST_CASE("garbage on a feed source is recorded with its reason and counts for the back-off",
          "[sync][failure-record]") {
    const std::string dir = scratchDir("record-feed");
    fs::create_directories(dir + "/www");
    REQUIRE(writeFileAtomic(dir + "/www/news.xml", readAll(dataPath("signage/news_rss.xml"))));
    FaultServer server(dir + "/www");
    Kiosk k(dir, feedConfig(dir, "notizie", "news", server.url("news.xml")));
    REQUIRE(k.sync().ok);
    server.setFault("garbage");
    CHECK_FALSE(k.sync().ok);
    SyncStatus st = k.status();
    CHECK(st.failures == 1);
    CHECK_THAT(st.lastError, Catch::Contains("garbage") && Catch::Contains("cache kept"));
    CHECK_FALSE(k.sync().ok);
    CHECK(k.status().failures == 2);  // the back-off grows with it (SyncEngine::run)
    CHECK(k.engine->overview().anyFailing);
    server.setFault("none");
    CHECK(k.sync().ok);
    CHECK(k.status().failures == 0);
}

TEST_CASE("a signed revision with an unreadable file is recorded, naming the file",
          "[sync][failure-record]") {
    const std::string dir = scratchDir("record-manifest");
    const std::string www = dir + "/www";
    const SecretKey key = generateSecretKey();
    writeSmallContent(dir + "/content");
    publishOrFail(dir + "/content", www, key, kNow);
    FaultServer server(www);
    Kiosk k(dir, manifestConfig(dir + "/data", server.url("manifest.json"), {key.publicKey()}));
    REQUIRE(k.sync().ok);
    REQUIRE(k.status().revision == 1);

    // Revision 2, signed by the town's key, lists a calendar that is not one.
    std::string error;
    auto m = parseManifest(readAll(www + "/manifest.json"), error);
    REQUIRE(m);
    const std::string junk = "this is not a calendar\n";
    ManifestFile f;
    f.path = "events/rotto.ics";
    f.kind = "ical";
    f.sha256 = sha256Hex(junk);
    f.size = junk.size();
    REQUIRE(writeFileAtomic(www + "/" + f.objectPath(), junk));
    m->files.push_back(f);
    m->revision = 2;
    const std::string json = manifestToJson(*m);
    REQUIRE(writeFileAtomic(www + "/manifest.json", json));
    REQUIRE(
        writeFileAtomic(www + "/manifest.json.minisig", signDetached(json, key, manifestTrustedComment(*m))));

    const SyncOutcome bad = k.sync();
    CHECK_FALSE(bad.ok);
    const SyncStatus st = k.status();
    CHECK(st.failures == 1);
    CHECK_THAT(st.lastError,
               Catch::Contains("events/rotto.ics") && Catch::Contains("revision 2 not applied"));
    CHECK(st.revision == 1);
    // The replay floor is kept too (it was rolled back with the failure record).
    Statement hr =
        k.engine->database().prepare("SELECT highest_revision FROM sync_sources WHERE name = 'comune'");
    REQUIRE(hr.step());
    CHECK(hr.integer(0) == 2);
}

TEST_CASE("a trigger whose template is not installed shows that, not an older error",
          "[sync][failure-record]") {
    const std::string dir = scratchDir("record-trigger");
    fs::create_directories(dir + "/www");
    const SecretKey key = generateSecretKey();
    FaultServer server(dir + "/www");
    Kiosk k(dir, feedConfig(dir, "emergenze", "alert-trigger", server.url("trigger.json"),
                            "public_keys = [\"" + key.publicKey().encoded() + "\"]\n"));
    // An older, unrelated failure: nothing published yet.
    CHECK_FALSE(k.sync().ok);
    REQUIRE_THAT(k.status().lastError, Catch::Contains("404"));
    AlertTrigger t;
    t.templateId = "allerta-mai-installata";
    t.identifier = "borgo-1";
    t.sent = kNow - 60;
    t.expires = kNow + 6 * 3600;
    t.area = "Borgo Vetrina";
    t.text = "Scuole chiuse.";
    const SignedTrigger s = makeSignedTrigger(t, key);
    REQUIRE(writeFileAtomic(dir + "/www/trigger.json", s.json));
    REQUIRE(writeFileAtomic(dir + "/www/trigger.json.minisig", s.signature));
    CHECK_FALSE(k.sync().ok);
    const SyncStatus st = k.status();
    CHECK_THAT(st.lastError,
               Catch::Contains("allerta-mai-installata") && Catch::Contains("no emergency template"));
    CHECK(st.failures == 2);
}

TEST_CASE("a 404 page on a small object is reported as HTTP 404, not oversize", "[sync][failure-record]") {
    const std::string dir = scratchDir("record-404");
    const std::string www = dir + "/www";
    const SecretKey key = generateSecretKey();
    writeSmallContent(dir + "/content");
    fs::create_directories(dir + "/content/media");
    REQUIRE(writeFileAtomic(dir + "/content/media/tiny.txt", "ab"));
    publishOrFail(dir + "/content", www, key, kNow);
    // The object is missing on the server: its 404 page ("not found\n") is longer than the 2 bytes
    // the manifest allows for it.
    REQUIRE(fs::remove(www + "/objects/" + sha256Hex("ab")));
    FaultServer server(www);
    Kiosk k(dir, manifestConfig(dir + "/data", server.url("manifest.json"), {key.publicKey()}));
    const SyncOutcome o = k.sync();
    CHECK_FALSE(o.ok);
    CHECK_THAT(o.message, Catch::Contains("media/tiny.txt") && Catch::Contains("HTTP 404"));
    CHECK_THAT(o.message, !Catch::Contains("oversize"));
}
