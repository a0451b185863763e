// Signed emergency triggers through the sync engine, from a real HTTP server on 127.0.0.1: a
// valid trigger raises the pre-installed template, a Cancel removes it, and a tampered, foreign,
// unsigned or replayed trigger is refused naming the source while the alert shown stays.
#include "core/alerts/alert_store.h"
#include "core/sources/importers.h"
#include "core/sync/sync_engine.h"
#include "core/sync/trigger_source.h"
#include "core/util/files.h"
#include "sync_fixtures.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <ctime>
#include <filesystem>

using namespace vt;
using namespace vt::test;
namespace fs = std::filesystem;

namespace {

struct TriggerRig {
    std::string dir, www;
    SecretKey key = generateSecretKey();
    UnixSeconds now = std::time(nullptr);
    std::unique_ptr<FaultServer> server;
    Config config;
    std::unique_ptr<SyncEngine> engine;

    explicit TriggerRig(const std::string& name) : dir(scratchDir(name)), www(dir + "/www") {
        fs::create_directories(www);
        server = std::make_unique<FaultServer>(www);
        REQUIRE(writeFileAtomic(dir + "/kiosk.toml",
                                "[paths]\ndata_dir = \"" + dir +
                                    "/data\"\n[sync]\nconnect_timeout_seconds = 1\ntimeout_seconds = 6\n"
                                    "[[source]]\nname = \"emergenze\"\nkind = \"alert-trigger\"\nurl = \"" +
                                    server->url("trigger.json") + "\"\npublic_keys = [\"" +
                                    key.publicKey().encoded() + "\"]\n"));
        config = loadConfig(dir + "/kiosk.toml");
        fs::create_directories(config.dataDir);
        engine = std::make_unique<SyncEngine>(config, Database::open(config.databasePath()));
        const std::string tpl = VETRINA_SOURCE_DIR "/content/alerts/templates/allerta-meteo-rossa.xml";
        REQUIRE_FALSE(importBuffer(engine->database(), "cap-template", readAll(tpl), tpl, now).report.fatal);
    }
    static AlertTrigger alert(UnixSeconds sent) {
        AlertTrigger t;
        t.templateId = "allerta-meteo-rossa";
        t.identifier = "borgo-" + std::to_string(sent);
        t.sent = sent;
        t.expires = sent + 6 * 3600;
        t.area = "Borgo Vetrina, zona fiume";
        t.text = "Scuole chiuse.";
        return t;
    }
    // Writes trigger.json and its signature as the staff tool would. The server's ETag is mtime
    // and size: each publish gets a later mtime, as a later upload would.
    int publishes = 0;
    void publish(const SignedTrigger& s) {
        REQUIRE(writeFileAtomic(www + "/trigger.json", s.json));
        REQUIRE(writeFileAtomic(www + "/trigger.json.minisig", s.signature));
        ++publishes;
        for (const char* f : {"/trigger.json", "/trigger.json.minisig"})
            fs::last_write_time(www + f, fs::last_write_time(www + f) + std::chrono::seconds(publishes));
    }
    SyncOutcome sync() { return engine->syncSource(config.sources[0], now); }
    std::vector<ShownAlert> live() { return activeAlertsAt(engine->database(), AlertAudience{}, now); }
};

}  // namespace

TEST_CASE("a signed trigger raises its template as a live takeover, then a Cancel removes it",
          "[sync][trigger]") {
    TriggerRig rig("trigger-valid");
    const SignedTrigger t = makeSignedTrigger(TriggerRig::alert(rig.now - 60), rig.key);
    CHECK(t.json.size() < 400);  // a weak link carries it
    rig.publish(t);
    const SyncOutcome first = rig.sync();
    INFO(first.message);
    REQUIRE(first.ok);
    CHECK(first.changed);
    std::vector<ShownAlert> on = rig.live();
    REQUIRE(on.size() == 1);
    CHECK(on[0].takeover);
    CHECK(on[0].source == "emergenze");
    CHECK_THAT(on[0].info.headline, Catch::StartsWith("Allerta meteo rossa fino al"));
    CHECK_THAT(on[0].info.description, Catch::Contains("Scuole chiuse."));
    CHECK(on[0].info.areas.at(0).areaDesc == "Borgo Vetrina, zona fiume");
    CHECK(on[0].alert.identifier == "borgo-" + std::to_string(rig.now - 60));

    // Unchanged on the server: a 304, nothing written.
    const int changes = sqlite3_total_changes(rig.engine->database().handle());
    CHECK(rig.sync().notModified);
    CHECK(sqlite3_total_changes(rig.engine->database().handle()) == changes);

    AlertTrigger cancel;
    cancel.templateId = "allerta-meteo-rossa";
    cancel.msgType = "Cancel";
    cancel.cancels = on[0].alert.identifier;
    cancel.sent = rig.now - 30;
    rig.publish(makeSignedTrigger(cancel, rig.key));
    const SyncOutcome cancelled = rig.sync();
    INFO(cancelled.message);
    REQUIRE(cancelled.ok);
    CHECK(cancelled.changed);
    CHECK(rig.live().empty());
}

TEST_CASE("tampered, foreign, unsigned and replayed triggers are refused and the alert stays",
          "[sync][trigger]") {
    TriggerRig rig("trigger-refused");
    const SignedTrigger older = makeSignedTrigger(TriggerRig::alert(rig.now - 600), rig.key);
    rig.publish(makeSignedTrigger(TriggerRig::alert(rig.now - 60), rig.key));
    REQUIRE(rig.sync().ok);
    REQUIRE(rig.live().size() == 1);
    const std::string liveId = rig.live()[0].alert.identifier;

    std::string named;
    SECTION("tampered: one word changed after signing") {
        SignedTrigger t = makeSignedTrigger(TriggerRig::alert(rig.now - 30), rig.key);
        t.json.replace(t.json.find("Scuole chiuse."), 14, "Scuole aperte.");
        rig.publish(t);
        named = "bad signature: the trigger does not match its signature";
    }
    SECTION("signed by a key that is not pinned") {
        rig.publish(makeSignedTrigger(TriggerRig::alert(rig.now - 30), generateSecretKey()));
        named = "not one of the pinned keys";
    }
    SECTION("unsigned: no .minisig next to it") {
        rig.publish(makeSignedTrigger(TriggerRig::alert(rig.now - 30), rig.key));
        fs::remove(rig.www + "/trigger.json.minisig");
        named = "missing signature";
    }
    SECTION("replay of an older, validly signed trigger") {
        rig.publish(older);
        named = "replay of an older trigger";
    }
    SECTION("replay of an older Cancel") {
        AlertTrigger c;
        c.templateId = "allerta-meteo-rossa";
        c.msgType = "Cancel";
        c.cancels = liveId;
        c.sent = rig.now - 120;
        rig.publish(makeSignedTrigger(c, rig.key));
        named = "replay of an older trigger";
    }
    const SyncOutcome bad = rig.sync();
    INFO(bad.message);
    CHECK_FALSE(bad.ok);
    CHECK_THAT(bad.message, Catch::Contains("trigger refused (source \"emergenze\")"));
    CHECK_THAT(bad.message, Catch::Contains(named));
    CHECK(rig.engine->overview().anyFailing);
    const std::vector<ShownAlert> on = rig.live();
    REQUIRE(on.size() == 1);
    CHECK(on[0].alert.identifier == liveId);
    CHECK(on[0].info.description.find("Scuole chiuse.") != std::string::npos);

    // The staff publish a good, newer trigger: accepted again.
    rig.publish(makeSignedTrigger(TriggerRig::alert(rig.now), rig.key));
    const SyncOutcome good = rig.sync();
    INFO(good.message);
    CHECK(good.ok);
    CHECK(rig.live().size() == 2);
}

TEST_CASE("trigger sources need pinned keys, then a trigger the kiosk could not parse is never signed",
          "[sync][trigger]") {
    const std::string base =
        "[[source]]\nname = \"emergenze\"\nkind = \"alert-trigger\"\nurl = \"https://x.example/t.json\"\n";
    CHECK_THROWS_WITH(parseConfig(base, "k.toml"),
                      Catch::Contains("signed emergency trigger and needs public_keys"));
    const SecretKey key = generateSecretKey();
    const Config c = parseConfig(base + "public_keys = [\"" + key.publicKey().encoded() + "\"]\n", "k.toml");
    CHECK(c.sources.at(0).isTrigger());
    CHECK(c.sources.at(0).pollSeconds == kAlertPollSeconds);

    AlertTrigger noExpiry = TriggerRig::alert(1'763'900'000);
    noExpiry.expires.reset();
    CHECK_THROWS_WITH(makeSignedTrigger(noExpiry, key), Catch::Contains("expires"));
    // What the staff tool signs verifies with the public key, and is refused by another one.
    const SignedTrigger t = makeSignedTrigger(TriggerRig::alert(1'763'900'000), key);
    CHECK(verifyTrigger("emergenze", {key.publicKey()}, t.json, t.signature, 0).ok);
    CHECK_FALSE(verifyTrigger("emergenze", {generateSecretKey().publicKey()}, t.json, t.signature, 0).ok);
}
