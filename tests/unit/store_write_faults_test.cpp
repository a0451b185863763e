// A kiosk that cannot write its state (disk full, read-only data folder, store locked by another
// process) keeps running and showing what it has, says why, and recovers; a damaged or lost store
// is rebuilt from the cached objects with the replay protection kept.
#include "core/store/store_repair.h"
#include "core/sync/revision_floor.h"
#include "core/sync/sync_engine.h"
#include "core/util/civil_time.h"
#include "core/util/files.h"
#include "sync_fixtures.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

using namespace vt;
using namespace vt::test;
namespace fs = std::filesystem;

namespace {

UnixSeconds pinnedNow() {
    return parseIsoInstant(kPinnedInstant).value();
}

// A published folder with `revisions` revisions; `www-r1` keeps a copy of revision 1 for replays.
struct Published {
    std::string dir, www;
    SecretKey key = generateSecretKey();
    int revisions = 0;
    explicit Published(const std::string& d) : dir(d), www(d + "/www") { fs::create_directories(www); }
    void next() {
        ++revisions;
        writeContent(dir + "/content", 20 + revisions, "Revisione " + std::to_string(revisions));
        publishOrFail(dir + "/content", www, key, pinnedNow());
        if (revisions == 1) fs::copy(www, dir + "/www-r1", fs::copy_options::recursive);
    }
    std::string config(const std::string& url, const std::string& extra = "") const {
        return manifestConfig(dir + "/data", url, {key.publicKey()}, extra);
    }
};

std::int64_t storedRevision(const std::string& dbPath) {
    Database db = Database::open(dbPath, OpenMode::ReadOnly);
    Statement st = db.prepare("SELECT revision FROM sync_sources WHERE name = 'comune'");
    return st.step() ? st.integer(0) : 0;
}

// Polls `done` until it holds or the child exits; never a timing assertion, only a bound for a
// hung run.
template <typename Done>
bool waitWhileRunning(pid_t pid, Done done, int* status) {
    for (int i = 0; i < 1200; ++i) {
        if (done()) return true;
        if (::waitpid(pid, status, WNOHANG) == pid) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return done();
}

// The kiosk's log so far; "" before its shell has created the file.
std::string logText(const std::string& path) {
    return fs::exists(path) ? readAll(path) : std::string();
}

void garbleStore(const std::string& dbPath) {
    const auto size = fs::file_size(dbPath);
    REQUIRE(size > 8192);
    std::fstream f(dbPath, std::ios::in | std::ios::out | std::ios::binary);
    std::mt19937 rng(14);
    f.seekp(4096);  // page 1 (the header) stays: the damage is found when pages are read
    for (std::uint64_t i = 4096; i < size; ++i) f.put(static_cast<char>(rng() & 0xff));
}

std::string kioskCommand(const std::string& config, const std::string& env, const std::string& log) {
    return "exec env VETRINA_BOARD_CLOCK=" + kPinnedInstant + " " + env + " " + VETRINA_BINARY +
           " run --headless --size 540x960 --config " + config + " 2>" + log;
}

}  // namespace

TEST_CASE("a locked store: a sync never throws, says the store is locked, and recovers", "[store-faults]") {
    Published pub(scratchDir("store-locked"));
    pub.next();
    REQUIRE(writeFileAtomic(pub.dir + "/kiosk.toml", pub.config("file://" + pub.www + "/manifest.json")));
    const Config config = loadConfig(pub.dir + "/kiosk.toml");
    fs::create_directories(config.dataDir);
    SyncEngine engine(config, Database::open(config.databasePath()));
    REQUIRE(engine.syncSource(config.sources[0], pinnedNow()).ok);
    const std::string before = actsFingerprint(engine.database());
    pub.next();

    // Another process holds the write lock longer than the engine waits.
    Database other = Database::open(config.databasePath());
    other.exec("BEGIN EXCLUSIVE");
    sqlite3_busy_timeout(engine.database().handle(), 50);
    SyncOutcome locked;
    REQUIRE_NOTHROW(locked = engine.syncSource(config.sources[0], pinnedNow()));
    CHECK_FALSE(locked.ok);
    CHECK_THAT(locked.message, Catch::Contains("archivio bloccato") && Catch::Contains("store locked"));
    const SyncOverview ov = engine.overview();
    CHECK_THAT(ov.storageProblem, Catch::Contains("store locked"));
    CHECK(ov.anyFailing);
    REQUIRE(ov.sources.size() == 1);
    CHECK_FALSE(ov.sources[0].lastError.empty());  // the failure the store could not record
    CHECK(actsFingerprint(engine.database()) == before);

    other.exec("COMMIT");
    const SyncOutcome after = engine.syncSource(config.sources[0], pinnedNow());
    CHECK(after.ok);
    CHECK(after.revision == 2);
    CHECK(engine.storageProblem().empty());
    CHECK(engine.overview().storageProblem.empty());
}

TEST_CASE("a lost store keeps the revision floor and comes back from the cached objects", "[store-faults]") {
    Published pub(scratchDir("store-floor"));
    pub.next();
    pub.next();
    REQUIRE(writeFileAtomic(pub.dir + "/kiosk.toml", pub.config("file://" + pub.www + "/manifest.json")));
    REQUIRE(
        writeFileAtomic(pub.dir + "/replay.toml", pub.config("file://" + pub.dir + "/www-r1/manifest.json")));
    std::string fingerprint;
    {
        const Config config = loadConfig(pub.dir + "/kiosk.toml");
        fs::create_directories(config.dataDir);
        SyncEngine engine(config, Database::open(config.databasePath()));
        REQUIRE(engine.syncSource(config.sources[0], pinnedNow()).revision == 2);
        fingerprint = actsFingerprint(engine.database());
    }
    CHECK(readRevisionFloor(pub.dir + "/data", "comune") == 2);
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(pub.dir + "/data/vetrina.db" + suffix);

    // Only revision 1 is offered now: the new store restores revision 2 from the cache and
    // refuses the replay.
    const Config replay = loadConfig(pub.dir + "/replay.toml");
    SyncEngine engine(replay, Database::open(replay.databasePath()));
    const SyncOutcome o = engine.syncSource(replay.sources[0], pinnedNow());
    CHECK_FALSE(o.ok);
    CHECK_THAT(o.message, Catch::Contains("rollback to revision 1"));
    CHECK(o.changed);  // the restore changed the (empty) store
    CHECK(engine.overview().sources.at(0).revision == 2);
    CHECK(actsFingerprint(engine.database()) == fingerprint);
}

TEST_CASE("a damaged store is detected and moved aside", "[store-faults]") {
    const std::string dir = scratchDir("store-damaged");
    const std::string path = dir + "/vetrina.db";
    {
        Database db = Database::open(path);
        db.exec("CREATE TABLE filler (x TEXT)");
        for (int i = 0; i < 200; ++i) db.exec("INSERT INTO filler VALUES (hex(randomblob(200)))");
    }
    CHECK_FALSE(storeIsCorrupt(path));
    garbleStore(path);
    std::string why;
    CHECK(storeIsCorrupt(path, &why));
    CHECK_FALSE(why.empty());
    const std::string kept = quarantineStore(path, "20261123T090000Z");
    CHECK(kept == path + ".corrupt-20261123T090000Z");
    CHECK_FALSE(fs::exists(path));
    CHECK(quarantinedStores(path) == std::vector<std::string>{kept});
    CHECK_FALSE(storeIsCorrupt(path));  // no store at all is not a damaged one
}

TEST_CASE("vetrina run on a damaged store heals from the cache, keeps drawing, refuses a replay",
          "[store-faults][process]") {
    Published pub(scratchDir("store-heal-run"));
    pub.next();
    pub.next();
    REQUIRE(writeFileAtomic(pub.dir + "/kiosk.toml", pub.config("file://" + pub.www + "/manifest.json")));
    REQUIRE(runCommand(vetrinaAt() + " sync --once --config " + pub.dir + "/kiosk.toml >/dev/null 2>&1") ==
            0);
    const std::string db = pub.dir + "/data/vetrina.db";
    REQUIRE(storedRevision(db) == 2);
    std::string fingerprint;
    {
        Database d = Database::open(db, OpenMode::ReadOnly);
        fingerprint = actsFingerprint(d);
    }
    garbleStore(db);
    // No network now: what comes back can only come from the cached objects.
    REQUIRE(
        writeFileAtomic(pub.dir + "/kiosk.toml", pub.config("file://" + pub.dir + "/gone/manifest.json")));

    ChildProcess kiosk({"/bin/sh", "-c", kioskCommand(pub.dir + "/kiosk.toml", "", pub.dir + "/run.log")});
    int status = 0;
    const bool healed = waitWhileRunning(
        kiosk.pid(),
        [&] {
            try {
                return fs::exists(db) && storedRevision(db) == 2;
            } catch (const StoreError&) {
                return false;  // the damaged store, before the kiosk moved it aside
            }
        },
        &status);
    INFO(logText(pub.dir + "/run.log"));
    REQUIRE(healed);
    kiosk.kill(SIGTERM);
    status = kiosk.wait();
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    {
        Database d = Database::open(db, OpenMode::ReadOnly);
        CHECK(actsFingerprint(d) == fingerprint);
    }
    CHECK(quarantinedStores(db).size() == 1);
    std::string out;
    runCommand(vetrinaAt() + " status --config " + pub.dir + "/kiosk.toml 2>&1", &out);
    CHECK_THAT(out, Catch::Contains("Archivio ricostruito"));

    // The replay protection survived the store: revision 1 is refused.
    REQUIRE(
        writeFileAtomic(pub.dir + "/kiosk.toml", pub.config("file://" + pub.dir + "/www-r1/manifest.json")));
    runCommand(vetrinaAt() + " sync --once --config " + pub.dir + "/kiosk.toml 2>&1", &out);
    CHECK_THAT(out, Catch::Contains("rollback to revision 1"));
    CHECK(storedRevision(db) == 2);
}

TEST_CASE("vetrina run on a full disk keeps running, says memoria piena, and recovers",
          "[store-faults][process]") {
    Published pub(scratchDir("store-full-run"));
    pub.next();
    REQUIRE(writeFileAtomic(pub.dir + "/kiosk.toml",
                            pub.config("file://" + pub.www + "/manifest.json", "max_backoff_seconds = 1") +
                                "poll_seconds = 5\n"));
    REQUIRE(runCommand(vetrinaAt() + " sync --once --config " + pub.dir + "/kiosk.toml >/dev/null 2>&1") ==
            0);
    const std::string data = fs::canonical(pub.dir + "/data").string();
    const std::string trigger = pub.dir + "/disk-full";
    // Appended to the preload list: the moved-clock runs preload libfaketime too.
    const std::string shim = std::string("LD_PRELOAD=") + VETRINA_FAULT_FS + "${LD_PRELOAD:+:$LD_PRELOAD}" +
                             " VETRINA_FAULT_FS_DIR=" + data + " VETRINA_FAULT_FS_TRIGGER=" + trigger;
    ChildProcess kiosk({"/bin/sh", "-c", kioskCommand(pub.dir + "/kiosk.toml", shim, pub.dir + "/run.log")});
    int status = 0;
    // The kiosk is up (its first sync answered "unchanged"), then the disk fills and a new
    // revision must be written.
    REQUIRE(waitWhileRunning(
        kiosk.pid(), [&] { return logText(pub.dir + "/run.log").find("first frame") != std::string::npos; },
        &status));
    REQUIRE(writeFileAtomic(trigger, "ENOSPC\n"));
    pub.next();
    const bool said = waitWhileRunning(
        kiosk.pid(), [&] { return logText(pub.dir + "/run.log").find("memoria piena") != std::string::npos; },
        &status);
    INFO(logText(pub.dir + "/run.log"));
    REQUIRE(said);
    std::string out;
    runCommand(shim + " " + vetrinaAt() + " status --config " + pub.dir + "/kiosk.toml 2>&1", &out);
    CHECK_THAT(out, Catch::Contains("memoria piena") && Catch::Contains("disk full"));
    CHECK(storedRevision(pub.dir + "/data/vetrina.db") == 1);

    fs::remove(trigger);
    REQUIRE(waitWhileRunning(
        kiosk.pid(), [&] { return storedRevision(pub.dir + "/data/vetrina.db") == 2; }, &status));
    kiosk.kill(SIGTERM);
    status = kiosk.wait();
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE(
    "vetrina run started with its store on a read-only folder draws, says sola lettura, syncs once writable",
    "[store-faults][process]") {
    Published pub(scratchDir("store-readonly-start"));
    pub.next();
    REQUIRE(writeFileAtomic(pub.dir + "/kiosk.toml",
                            pub.config("file://" + pub.www + "/manifest.json", "max_backoff_seconds = 1") +
                                "poll_seconds = 5\n"));
    REQUIRE(runCommand(vetrinaAt() + " sync --once --config " + pub.dir + "/kiosk.toml >/dev/null 2>&1") ==
            0);
    pub.next();
    const std::string data = fs::canonical(pub.dir + "/data").string();
    const std::string trigger = pub.dir + "/read-only";
    // The folder is read-only before the kiosk starts: the old kiosk exited on its migrations.
    REQUIRE(writeFileAtomic(trigger, "EROFS\n"));
    const std::string shim = std::string("LD_PRELOAD=") + VETRINA_FAULT_FS + "${LD_PRELOAD:+:$LD_PRELOAD}" +
                             " VETRINA_FAULT_FS_DIR=" + data + " VETRINA_FAULT_FS_TRIGGER=" + trigger;
    ChildProcess kiosk({"/bin/sh", "-c", kioskCommand(pub.dir + "/kiosk.toml", shim, pub.dir + "/run.log")});
    int status = 0;
    const bool drawn = waitWhileRunning(
        kiosk.pid(),
        [&] {
            const std::string log = logText(pub.dir + "/run.log");
            return log.find("first frame") != std::string::npos &&
                   log.find("sola lettura") != std::string::npos;
        },
        &status);
    INFO(logText(pub.dir + "/run.log"));
    REQUIRE(drawn);
    std::string out;
    runCommand(shim + " " + vetrinaAt() + " status --config " + pub.dir + "/kiosk.toml 2>&1", &out);
    CHECK_THAT(out, Catch::Contains("sola lettura"));
    CHECK(storedRevision(pub.dir + "/data/vetrina.db") == 1);

    fs::remove(trigger);
    REQUIRE(waitWhileRunning(
        kiosk.pid(), [&] { return storedRevision(pub.dir + "/data/vetrina.db") == 2; }, &status));
    kiosk.kill(SIGTERM);
    status = kiosk.wait();
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}
