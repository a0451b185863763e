// The sync engine on a clock that servers cannot move alone (issue 14, points 2 and 3): an
// unsigned feed's Date of 2040 purges nothing, an expired manifest stays refused whatever Date its
// server sends, and acts purged by a wrong clock come back from the object cache.
#include "core/albo/albo_purge.h"
#include "core/sync/sync_engine.h"
#include "core/system/trusted_clock.h"
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

constexpr UnixSeconds kDay = 86400;

int actCount(const Database& db) {
    Statement st = db.prepare("SELECT count(*) FROM acts");
    st.step();
    return static_cast<int>(st.integer(0));
}

// The town's signed content (30 acts around today) on one fault server.
struct Town {
    std::string dir;
    SecretKey key = generateSecretKey();
    UnixSeconds real = std::time(nullptr);
    std::unique_ptr<FaultServer> server;

    Town(const std::string& name, UnixSeconds publishedAt, int expiresDays) : dir(scratchDir(name)) {
        fs::create_directories(dir + "/www");
        writeContent(dir + "/content", 30, "Atti");
        publishOrFail(dir + "/content", dir + "/www", key, publishedAt, expiresDays);
        server = std::make_unique<FaultServer>(dir + "/www");
    }
    std::string config(const std::string& more = "") const {
        return manifestConfig(dir + "/data", server->url("manifest.json"), {key.publicKey()}) + more;
    }
};

}  // namespace

TEST_CASE("an unsigned feed saying 2040 purges nothing, and the clock says it is unconfirmed",
          "[clock][sync]") {
    Town town("clock-2040", std::time(nullptr), 30);
    fs::create_directories(town.dir + "/feed");
    REQUIRE(writeFileAtomic(town.dir + "/feed/avvisi.xml", makeAlboFeed(3, "Feed", 2025)));
    FaultServer feed(town.dir + "/feed");
    const UnixSeconds y2040 = 2208988800;
    feed.setDate(y2040);
    REQUIRE(writeFileAtomic(town.dir + "/kiosk.toml",
                            town.config("[[source]]\nname = \"avvisi\"\nkind = \"albopop\"\nurl = \"" +
                                        feed.url("avvisi.xml") + "\"\n")));
    const Config config = loadConfig(town.dir + "/kiosk.toml");
    fs::create_directories(config.dataDir);
    TrustedClock clock(120, town.real - 100 * kDay, [] { return UnixSeconds(std::time(nullptr)); });
    SyncEngine engine(config, Database::open(config.databasePath()));
    engine.setClock(&clock);
    for (const SyncOutcome& o : engine.syncAll(clock.now())) CHECK(o.ok);
    REQUIRE(actCount(engine.database()) == 33);
    // Before, the clock had jumped to 2040 here and this sync purged every act of every source.
    for (const SyncOutcome& o : engine.syncAll(clock.now())) CHECK(o.ok);
    CHECK(actCount(engine.database()) == 33);
    CHECK(std::llabs(clock.now() - std::time(nullptr)) <= 60);
    CHECK_THAT(describeClockIt(clock.state()), Catch::Contains("Non confermato: avvisi (127.0.0.1)"));
}

TEST_CASE("an expired manifest stays refused when its server sends a Date in the past", "[clock][sync]") {
    const UnixSeconds real = std::time(nullptr);
    // Signed 40 days ago for 30 days: expired 10 days ago. The server says it is 20 days ago.
    Town town("clock-expired", real - 40 * kDay, 30);
    town.server->setDate(real - 20 * kDay);
    REQUIRE(writeFileAtomic(town.dir + "/kiosk.toml", town.config()));
    const Config config = loadConfig(town.dir + "/kiosk.toml");
    fs::create_directories(config.dataDir);
    TrustedClock clock(120, real - 100 * kDay, [] { return UnixSeconds(std::time(nullptr)); });
    SyncEngine engine(config, Database::open(config.databasePath()));
    engine.setClock(&clock);
    // Before, the first refusal let the answer's Date move the clock back, and the second sync
    // applied the expired revision.
    for (int round = 0; round < 3; ++round) {
        const SyncOutcome o = engine.syncAll(clock.now()).at(0);
        INFO("round " << round << ": " << o.message);
        CHECK_FALSE(o.ok);
        CHECK_THAT(o.message, Catch::Contains("expired"));
        CHECK(o.revision == 0);
    }
    CHECK(actCount(engine.database()) == 0);
    CHECK(std::llabs(clock.now() - std::time(nullptr)) <= 60);
}

TEST_CASE("acts purged by a wrong clock come back from the object cache, with the server down",
          "[clock][sync]") {
    Town town("clock-restore", std::time(nullptr), 30);
    REQUIRE(writeFileAtomic(town.dir + "/kiosk.toml", town.config()));
    const Config config = loadConfig(town.dir + "/kiosk.toml");
    fs::create_directories(config.dataDir);
    SyncEngine engine(config, Database::open(config.databasePath()));
    const UnixSeconds now = std::time(nullptr);
    REQUIRE(engine.syncAll(now).at(0).ok);
    REQUIRE(actCount(engine.database()) == 30);
    // A board clock that jumped to 2040 purged every act.
    CHECK(purgeExpiredActs(engine.database(), 2208988800).acts == 30);
    REQUIRE(actCount(engine.database()) == 0);
    // The clock is right again and the server does not answer: the cached revision brings them back.
    town.server->setFault("500");
    const SyncOutcome o = engine.syncAll(now).at(0);
    INFO(o.message);
    CHECK_THAT(o.message, Catch::Contains("restored from 1 cached file"));
    CHECK(actCount(engine.database()) == 30);
    // Once: the next sync restores nothing more.
    CHECK_THAT(engine.syncAll(now).at(0).message, !Catch::Contains("restored"));
}
