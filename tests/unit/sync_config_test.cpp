#include "core/config/config.h"
#include "core/sync/backoff.h"
#include "core/sync/minisign.h"
#include "core/sync/sync_engine.h"
#include "core/util/files.h"
#include "sync_fixtures.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <thread>

using namespace vt;
using namespace vt::test;
namespace fs = std::filesystem;

TEST_CASE("the config reads the signed manifest source, feeds, keys and limits", "[sync][config]") {
    const SecretKey a = generateSecretKey(), b = generateSecretKey();
    const std::string text =
        "[sync]\nconnect_timeout_seconds = 0.5\ntimeout_seconds = 20\nmin_free_mb = 100\n"
        "[[source]]\nname = \"comune\"\nkind = \"manifest\"\n"
        "url = \"https://www.comune.example/vetrina/manifest.json\"\npublic_keys = [\"" +
        a.publicKey().encoded() + "\", \"" + b.publicKey().encoded() +
        "\"]\npoll_seconds = 900\n"
        "[[source]]\nname = \"albo\"\nkind = \"albopop\"\nurl = \"https://albo.example/feed.xml\"\n"
        "max_bytes = 2097152\ntimeout_seconds = 5\n";
    const Config c = parseConfig(text, "/etc/vetrina/kiosk.toml");
    REQUIRE(c.sources.size() == 2);
    CHECK(c.sources[0].isManifest());
    CHECK(c.sources[0].publicKeys.size() == 2);
    CHECK(c.sources[0].limits.connectTimeoutSeconds == 0.5);
    CHECK(c.sources[0].limits.timeoutSeconds == 20);
    CHECK(c.sources[1].limits.maxBytes == 2097152);
    CHECK(c.sources[1].limits.timeoutSeconds == 5);
    CHECK(c.sources[1].limits.connectTimeoutSeconds == 0.5);  // inherited from [sync]
    CHECK(c.sync.minFreeBytes == 100ll << 20);
}

TEST_CASE("bad sync settings are refused with file and line", "[sync][config]") {
    const std::string key = generateSecretKey().publicKey().encoded();
    auto err = [](const std::string& text) {
        try {
            parseConfig(text, "k.toml");
        } catch (const ConfigError& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    const std::string src = "[[source]]\nname = \"comune\"\nkind = \"manifest\"\n";
    CHECK_THAT(err(src + "url = \"http://www.comune.example/m.json\"\npublic_keys = [\"" + key + "\"]\n"),
               Catch::StartsWith("k.toml:1:") && Catch::Contains("https"));
    CHECK_THAT(err(src + "url = \"https://x.example/m.json\"\n"), Catch::Contains("needs public_keys"));
    CHECK_THAT(err(src + "url = \"https://x.example/m.json\"\npublic_keys = [\"RWQnotakey\"]\n"),
               Catch::StartsWith("k.toml:5:") && Catch::Contains("not a minisign public key"));
    CHECK_THAT(err(src + "url = \"https://x.example/m.json\"\npublic_keys = [\"" + key + "\", \"" + key +
                   "\", \"" + key + "\"]\n"),
               Catch::Contains("one or two"));
    CHECK_THAT(err("[sync]\ntimeout_seconds = -1\n"),
               Catch::StartsWith("k.toml:2:") && Catch::Contains("between"));
    CHECK_THAT(err("[sync]\nmax_bytes = \"lots\"\n"),
               Catch::StartsWith("k.toml:2:") && Catch::Contains("integer"));
    CHECK_THAT(err("[[source]]\nname = \"x\"\nkind = \"rss-of-mars\"\nurl = \"https://x.example\"\n"),
               Catch::Contains("unknown kind"));
}

TEST_CASE("the sync thread pulls in the background and wakes the UI on changes", "[sync][thread]") {
    const std::string dir = scratchDir("sync-thread");
    const SecretKey key = generateSecretKey();
    writeContent(dir + "/content", 10, "Sfondo");
    publishOrFail(dir + "/content", dir + "/www", key, std::time(nullptr));
    REQUIRE(writeFileAtomic(
        dir + "/kiosk.toml",
        manifestConfig(dir + "/data", "file://" + dir + "/www/manifest.json", {key.publicKey()})));
    Config config = loadConfig(dir + "/kiosk.toml");
    fs::create_directories(config.dataDir);
    SyncEngine engine(config, Database::open(config.databasePath()));
    std::atomic<int> wakes{0};
    engine.start([&] { ++wakes; });
    for (int i = 0; i < 500 && wakes == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    engine.stop();
    CHECK(wakes == 1);
    const SyncOverview ov = engine.overview();
    REQUIRE(ov.sources.size() == 1);
    CHECK(ov.sources[0].revision == 1);
    CHECK(ov.contentUpdatedAt > 0);

    // `vetrina status` reads the same store from another process.
    std::string out;
    CHECK(runCommand(std::string(VETRINA_BINARY) + " status --config " + dir + "/kiosk.toml --json", &out) ==
          0);
    CHECK_THAT(out, Catch::Contains("\"revision\": 1") && Catch::Contains("\"acts\": 10"));
}

TEST_CASE("vetrina sync --once exits non-zero and says why when a source fails", "[sync][thread]") {
    const std::string dir = scratchDir("sync-once-fail");
    const SecretKey key = generateSecretKey();
    REQUIRE(writeFileAtomic(
        dir + "/kiosk.toml",
        manifestConfig(dir + "/data", "file://" + dir + "/none/manifest.json", {key.publicKey()})));
    std::string out;
    CHECK(runCommand(std::string(VETRINA_BINARY) + " sync --once --config " + dir + "/kiosk.toml 2>&1",
                     &out) == 1);
    CHECK_THAT(out, Catch::Contains("comune: FAILED: manifest:") && Catch::Contains("404"));
}

TEST_CASE("retries back off exponentially with jitter, within the caps", "[sync][backoff]") {
    CHECK(retryDelaySeconds(0, 600, 3600, 0.3) == 600);  // healthy: the poll interval
    CHECK(retryDelaySeconds(1, 600, 3600, 0.0) == 5);    // half of 10 s...
    CHECK(retryDelaySeconds(1, 600, 3600, 0.999) == 9);  // ...to all of it
    CHECK(retryDelaySeconds(2, 600, 3600, 0.999) == 19);
    CHECK(retryDelaySeconds(4, 600, 3600, 0.0) == 40);
    CHECK(retryDelaySeconds(30, 600, 3600, 0.999) <= 2400);  // four poll intervals
    CHECK(retryDelaySeconds(30, 600, 3600, 0.0) == 1200);
    CHECK(retryDelaySeconds(30, 30, 3600, 0.999) <= 240);  // alerts keep retrying often
    CHECK(retryDelaySeconds(30, 86400, 3600, 0.999) <= 3600);
    int previous = 0;
    for (int f = 1; f < 12; ++f) {
        const int d = retryDelaySeconds(f, 600, 3600, 0.5);
        CHECK(d >= previous);
        previous = d;
    }
}
