// Every network and content fault: the stored content does not change, the status names the
// fault, and the next sync after the fault clears recovers.
#include "core/sources/importers.h"
#include "core/sync/sync_engine.h"
#include "core/util/files.h"
#include "sync_fixtures.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <ctime>
#include <filesystem>

using namespace vt;
using namespace vt::test;
namespace fs = std::filesystem;

namespace {

struct Rig {
    std::string dir;
    std::string www;
    SecretKey key = generateSecretKey();
    SecretKey stranger = generateSecretKey();
    UnixSeconds now = std::time(nullptr);
    int revisions = 0;
    std::unique_ptr<FaultServer> server;
    Config config;
    std::unique_ptr<SyncEngine> engine;

    // Each test case has its own folder, so ctest may run them in parallel.
    explicit Rig(const std::string& name) : dir(scratchDir(name)), www(dir + "/www") {
        fs::create_directories(www);
        publishNext();
        server = std::make_unique<FaultServer>(www);
        REQUIRE(
            writeFileAtomic(dir + "/kiosk.toml", manifestConfig(dir + "/data", server->url("manifest.json"),
                                                                {key.publicKey()}, "max_bytes = 1048576")));
        config = loadConfig(dir + "/kiosk.toml");
        fs::create_directories(config.dataDir);
        engine = std::make_unique<SyncEngine>(config, Database::open(config.databasePath()));
        REQUIRE(sync().ok);
    }
    void publishNext() {
        ++revisions;
        writeContent(dir + "/content", 30, "Revisione " + std::to_string(revisions));
        publishOrFail(dir + "/content", www, key, now);
    }
    SyncOutcome sync() { return engine->syncSource(config.sources[0], now); }
    std::int64_t revision() { return engine->overview().sources.at(0).revision; }
    std::string fingerprint() { return actsFingerprint(engine->database()); }
    std::string lastError() { return engine->overview().sources.at(0).lastError; }

    // The fault is in place: sync fails, naming it; content untouched; then `clear` and recover.
    template <typename Clear>
    void expectFaultThenRecovery(const std::string& named, Clear clear) {
        const std::string before = fingerprint();
        const std::int64_t rev = revision();
        const SyncOutcome bad = sync();
        INFO("fault expected to be named \"" << named << "\", got: " << bad.message);
        CHECK_FALSE(bad.ok);
        CHECK_THAT(bad.message, Catch::Contains(named, Catch::CaseSensitive::No));
        CHECK_THAT(lastError(), Catch::Contains(named, Catch::CaseSensitive::No));
        CHECK(engine->overview().anyFailing);
        CHECK(fingerprint() == before);
        CHECK(revision() == rev);
        clear();
        const SyncOutcome good = sync();
        INFO("recovery: " << good.message);
        CHECK(good.ok);
        CHECK(lastError().empty());
        CHECK(revision() == revisions);
    }
};

}  // namespace

TEST_CASE("network faults never change the content, are named, and the next sync recovers",
          "[sync][faults]") {
    Rig rig("faults-network");
    const std::vector<std::pair<std::string, std::string>> faults = {
        {"timeout", "timed out"}, {"drip", "slow drip"},      {"500", "HTTP 500"},
        {"404", "HTTP 404"},      {"truncated", "truncated"}, {"short", "wrong length"},
        {"oversize", "oversize"}, {"redirect", "only https"}, {"garbage", "manifest refused"},
    };
    for (const auto& [fault, named] : faults) {
        DYNAMIC_SECTION("fault " << fault) {
            rig.publishNext();  // something new to download, so file faults are hit too
            rig.server->setFault(fault);
            rig.expectFaultThenRecovery(named, [&] { rig.server->setFault("none"); });
        }
    }
}

TEST_CASE("refused connections, then the server comes back", "[sync][faults]") {
    Rig rig("faults-refused");
    rig.publishNext();
    const int port = rig.server->port();
    rig.server.reset();  // nothing listens on the port any more
    rig.expectFaultThenRecovery("connection refused", [&] {
        rig.server = std::make_unique<FaultServer>(rig.www);
        // The new server has another port: point the source at it.
        rig.config.sources[0].url = rig.server->url("manifest.json");
        (void)port;
    });
    CHECK(rig.engine->overview().sources.at(0).failures == 0);
}

TEST_CASE("tampered, unsigned, foreign, replayed and expired manifests are refused", "[sync][faults]") {
    Rig rig("faults-content");
    const std::string man = rig.www + "/manifest.json";
    const std::string sig = man + ".minisig";

    SECTION("wrong hash of a file") {
        rig.publishNext();
        std::string error;
        auto m = parseManifest(readFile(man).value(), error);
        const std::string object = rig.www + "/" + m->files.front().objectPath();
        const std::string good = readFile(object).value();
        std::string bad = good;
        bad[bad.size() / 2] ^= 1;
        REQUIRE(writeFileAtomic(object, bad));
        rig.expectFaultThenRecovery("wrong hash", [&] { REQUIRE(writeFileAtomic(object, good)); });
    }
    SECTION("bad signature") {
        rig.publishNext();
        const std::string good = readFile(man).value();
        std::string tampered = good;
        tampered.replace(tampered.find("\"size\""), 6, "\"size\" ");
        REQUIRE(writeFileAtomic(man, tampered));
        rig.expectFaultThenRecovery("bad signature", [&] { REQUIRE(writeFileAtomic(man, good)); });
    }
    SECTION("missing signature") {
        rig.publishNext();
        const std::string good = readFile(sig).value();
        fs::remove(sig);
        rig.expectFaultThenRecovery("missing signature", [&] { REQUIRE(writeFileAtomic(sig, good)); });
    }
    SECTION("wrong key") {
        ++rig.revisions;
        writeContent(rig.dir + "/content", 30, "Falso");
        PublishOptions o;
        o.contentDir = rig.dir + "/content";
        o.outDir = rig.www;
        o.now = rig.now;
        REQUIRE(publishContent(o, rig.stranger).ok());
        rig.expectFaultThenRecovery("not one of the pinned keys", [&] { rig.publishNext(); });
    }
    SECTION("replayed older manifest") {
        const std::string oldMan = readFile(man).value(), oldSig = readFile(sig).value();
        rig.publishNext();
        REQUIRE(rig.sync().ok);
        const std::string newMan = readFile(man).value(), newSig = readFile(sig).value();
        REQUIRE(writeFileAtomic(man, oldMan));
        REQUIRE(writeFileAtomic(sig, oldSig));
        rig.expectFaultThenRecovery("rollback", [&] {
            REQUIRE(writeFileAtomic(sig, newSig));
            REQUIRE(writeFileAtomic(man, newMan));
        });
    }
    SECTION("expired manifest") {
        ++rig.revisions;
        writeContent(rig.dir + "/content", 30, "Scaduta");
        publishOrFail(rig.dir + "/content", rig.www, rig.key, rig.now - 40 * 86400, 30);
        rig.expectFaultThenRecovery("expired", [&] { rig.publishNext(); });
    }
}

TEST_CASE("a plain feed source: garbage keeps the cache, 304 writes nothing", "[sync][faults]") {
    const std::string dir = scratchDir("sync-feed");
    fs::create_directories(dir + "/www");
    REQUIRE(writeFileAtomic(dir + "/www/albo.xml", makeAlboFeed(12, "Feed")));
    FaultServer server(dir + "/www");
    REQUIRE(writeFileAtomic(dir + "/kiosk.toml",
                            "[paths]\ndata_dir = \"" + dir +
                                "/data\"\n[[source]]\nname = \"albo\"\nkind = \"albopop\"\n"
                                "url = \"" +
                                server.url("albo.xml") + "\"\nmax_bytes = 65536\ntimeout_seconds = 3\n"));
    Config config = loadConfig(dir + "/kiosk.toml");
    fs::create_directories(config.dataDir);
    SyncEngine engine(config, Database::open(config.databasePath()));
    const UnixSeconds now = std::time(nullptr);
    REQUIRE(engine.syncSource(config.sources[0], now).changed);
    const std::string fp = actsFingerprint(engine.database());
    CHECK(fp.rfind("12:", 0) == 0);
    const int changes = sqlite3_total_changes(engine.database().handle());
    CHECK(engine.syncSource(config.sources[0], now).notModified);
    CHECK(sqlite3_total_changes(engine.database().handle()) == changes);

    server.setFault("garbage");
    SyncOutcome bad = engine.syncSource(config.sources[0], now);
    CHECK_FALSE(bad.ok);
    CHECK_THAT(bad.message, Catch::Contains("garbage"));
    CHECK(actsFingerprint(engine.database()) == fp);
    server.setFault("oversize");
    CHECK_THAT(engine.syncSource(config.sources[0], now).message, Catch::Contains("oversize"));
    CHECK(actsFingerprint(engine.database()) == fp);
    server.setFault("none");
    CHECK(engine.syncSource(config.sources[0], now).ok);
    CHECK_FALSE(engine.overview().anyFailing);
}

TEST_CASE("a server that answers 304 past the expiry is a freeze, and is reported", "[sync][faults]") {
    Rig rig("faults-freeze");
    const std::string before = rig.fingerprint();
    const SyncOutcome frozen = rig.engine->syncSource(rig.config.sources[0], rig.now + 31 * 86400);
    CHECK_FALSE(frozen.ok);
    CHECK_THAT(frozen.message, Catch::Contains("expired") && Catch::Contains("nothing newer"));
    CHECK(rig.fingerprint() == before);  // the content stays on screen
}

TEST_CASE("a revision that does not fit on the disk is not downloaded", "[sync][faults]") {
    const std::string dir = scratchDir("sync-nospace");
    const SecretKey key = generateSecretKey();
    writeContent(dir + "/content", 5, "Spazio");
    publishOrFail(dir + "/content", dir + "/www", key, std::time(nullptr));
    REQUIRE(writeFileAtomic(
        dir + "/kiosk.toml",
        manifestConfig(dir + "/data", "file://" + dir + "/www/manifest.json", {key.publicKey()})));
    std::string cfg = readFile(dir + "/kiosk.toml").value();
    cfg.replace(cfg.find("min_free_mb = 1\n"), 16, "min_free_mb = 1048576\n");  // 1 TiB
    REQUIRE(writeFileAtomic(dir + "/kiosk.toml", cfg));
    Config config = loadConfig(dir + "/kiosk.toml");
    fs::create_directories(config.dataDir);
    SyncEngine engine(config, Database::open(config.databasePath()));
    const SyncOutcome o = engine.syncSource(config.sources[0], std::time(nullptr));
    CHECK_FALSE(o.ok);
    CHECK_THAT(o.message, Catch::Contains("not enough free space"));
    CHECK(fs::is_empty(config.dataDir + "/objects"));
}

TEST_CASE("a file missing from the local cache is fetched again although the manifest is unchanged",
          "[sync][faults]") {
    Rig rig("faults-missing");
    std::string error;
    auto m = parseManifest(readFile(rig.www + "/manifest.json").value(), error);
    REQUIRE(m);
    const std::string object = rig.config.dataDir + "/objects/" + m->files.back().sha256;
    REQUIRE(fs::remove(object));
    const SyncOutcome o = rig.sync();
    INFO(o.message);
    CHECK(o.ok);
    CHECK(fs::exists(object));
}
