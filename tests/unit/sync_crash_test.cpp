// kill -9 of `vetrina sync --once` at random moments while it applies a large revision: the
// database always opens, passes integrity_check, and holds wholly the old or wholly the new one.
#include "core/sync/manifest.h"
#include "core/util/files.h"
#include "sync_fixtures.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <random>
#include <thread>

using namespace vt;
using namespace vt::test;
namespace fs = std::filesystem;

namespace {

struct Observed {
    std::int64_t revision = 0;
    std::string fingerprint;
    std::string alboSha;
};

Observed observe(const std::string& dbPath) {
    Database db = Database::open(dbPath);
    Statement ic = db.prepare("PRAGMA integrity_check");
    REQUIRE(ic.step());
    REQUIRE(ic.text(0) == "ok");
    Observed o;
    Statement rev = db.prepare("SELECT revision FROM sync_sources WHERE name = 'comune'");
    if (rev.step()) o.revision = rev.integer(0);
    Statement sha =
        db.prepare("SELECT sha256 FROM content_files WHERE source = 'comune' AND path = 'albo/albo.xml'");
    if (sha.step()) o.alboSha = sha.text(0);
    o.fingerprint = actsFingerprint(db);
    return o;
}

void restore(const std::string& snapshot, const std::string& dataDir) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(dataDir + "/vetrina.db" + suffix);
    fs::copy_file(snapshot, dataDir + "/vetrina.db");
}

int runSync(const std::string& config) {
    ChildProcess p({VETRINA_BINARY, "sync", "--config", config, "--once"}, true);
    const int st = p.wait();
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

}  // namespace

TEST_CASE("kill -9 during a sync leaves the old or the new revision, never a mix", "[sync][crash]") {
    const std::string dir = scratchDir("sync-crash");
    const std::string www = dir + "/www", data = dir + "/data";
    fs::create_directories(www);
    fs::create_directories(data);
    const SecretKey key = generateSecretKey();
    const UnixSeconds now = std::time(nullptr);
    const int acts = 2000;  // plus 500 in the new revision

    writeContent(dir + "/content", acts, "Vecchia");
    const std::string oldSha = sha256Hex(readFile(dir + "/content/albo/albo.xml").value());
    publishOrFail(dir + "/content", www, key, now);
    const std::string config = dir + "/kiosk.toml";
    REQUIRE(
        writeFileAtomic(config, manifestConfig(data, "file://" + www + "/manifest.json", {key.publicKey()})));
    REQUIRE(runSync(config) == 0);
    const Observed oldState = observe(data + "/vetrina.db");
    REQUIRE(oldState.revision == 1);
    REQUIRE(oldState.alboSha == oldSha);
    fs::copy_file(data + "/vetrina.db", dir + "/snapshot.db");

    writeContent(dir + "/content", acts + 500, "Nuova");
    const std::string newSha = sha256Hex(readFile(dir + "/content/albo/albo.xml").value());
    publishOrFail(dir + "/content", www, key, now);

    // How long a whole run takes, so the kills spread over all of it (start, download, apply).
    restore(dir + "/snapshot.db", data);
    const auto t0 = std::chrono::steady_clock::now();
    REQUIRE(runSync(config) == 0);
    const auto full =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0);
    const Observed newState = observe(data + "/vetrina.db");
    REQUIRE(newState.revision == 2);
    REQUIRE(newState.alboSha == newSha);
    REQUIRE(newState.fingerprint != oldState.fingerprint);

    const unsigned seed = static_cast<unsigned>(now);
    INFO("seed " << seed << ", full run " << full.count() << " us");
    std::mt19937 rng(seed);
    // Kill moments are uniform up to a bound that adapts to the machine's load: it grows while
    // every kill lands before the commit and shrinks when runs complete, so both outcomes occur
    // and the kills cluster around the commit, the most delicate moment.
    double bound = static_cast<double>(full.count());
    int sawOld = 0, sawNew = 0;
    for (int i = 0; i < 100; ++i) {
        restore(dir + "/snapshot.db", data);
        {
            ChildProcess p({VETRINA_BINARY, "sync", "--config", config, "--once"}, true);
            std::uniform_int_distribution<long> moment(0, static_cast<long>(bound));
            std::this_thread::sleep_for(std::chrono::microseconds(moment(rng)));
            p.kill(SIGKILL);
            p.wait();
        }
        const Observed o = observe(data + "/vetrina.db");
        INFO("kill " << i << ": revision " << o.revision);
        bound *= o.revision == 1 ? 1.03 : 0.97;
        if (o.revision == 1) {
            ++sawOld;
            CHECK(o.fingerprint == oldState.fingerprint);
            CHECK(o.alboSha == oldSha);
        } else {
            ++sawNew;
            CHECK(o.revision == 2);
            CHECK(o.fingerprint == newState.fingerprint);
            CHECK(o.alboSha == newSha);
        }
    }
    WARN("kill -9 at 100 moments (a whole run: " << full.count() / 1000 << " ms, final bound "
                                                 << static_cast<long>(bound) / 1000 << " ms): " << sawOld
                                                 << " old, " << sawNew << " new");
    CHECK(sawOld > 0);
    // The kiosk recovers: a sync after the last kill completes the new revision.
    restore(dir + "/snapshot.db", data);
    REQUIRE(runSync(config) == 0);
    CHECK(observe(data + "/vetrina.db").fingerprint == newState.fingerprint);
}
