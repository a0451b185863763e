// The fleet status report against a local receiver: payload, token, retries, the bounded queue
// and its order, screenshots on request and on schedule.
#include "core/config/config.h"
#include "core/fleet/fleet_reporter.h"
#include "core/fleet/frame_grab.h"
#include "core/fleet/usage_counters.h"
#include "core/search/search.h"
#include "core/sync/http_fetch.h"
#include "core/sync/sync_engine.h"
#include "core/util/files.h"
#include "sync_fixtures.h"
#include "test_support.h"

#include <sodium.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <ctime>
#include <filesystem>
#include <thread>

using namespace vt;
using namespace vt::test;
namespace fs = std::filesystem;

namespace {

struct Receiver {
    std::string out;
    int port;
    ChildProcess process;
    explicit Receiver(const std::string& dir)
        : out(dir + "/received"),
          port(freePort()),
          process({"python3", std::string(VETRINA_SOURCE_DIR) + "/tests/support/fleet_receiver.py",
                   std::to_string(port), out}) {
        REQUIRE(waitForPort(port));
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port) + "/report"; }
    void mode(const std::string& m) {
        FetchRequest r;
        r.url = "http://127.0.0.1:" + std::to_string(port) + "/__mode/" + m;
        REQUIRE(fetchUrl(r).ok());
    }
    std::vector<nlohmann::json> received() const {
        std::vector<std::string> files;
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(out, ec)) files.push_back(e.path().string());
        std::sort(files.begin(), files.end());
        std::vector<nlohmann::json> v;
        for (const auto& f : files) v.push_back(nlohmann::json::parse(*readFile(f)));
        return v;
    }
};

struct Rig {
    std::string dir;
    Receiver receiver;
    Config config;
    UsageCounters usage;

    Rig(const std::string& name, const std::string& fleetExtra = "") : dir(scratchDir(name)), receiver(dir) {
        REQUIRE(writeFileAtomic(dir + "/albo.xml", makeAlboFeed(4, "Flotta")));
        REQUIRE(writeFileAtomic(
            dir + "/kiosk.toml",
            "[town]\nname = \"Borgo\"\n[paths]\ndata_dir = \"data\"\n[fleet]\nurl = \"" + receiver.url() +
                "\"\ntoken = \"s3cret-token\"\ndevice_id = \"totem-01\"\nqueue_max = 3\n" + fleetExtra +
                "\n[[source]]\nname = \"albo\"\nkind = \"albopop\"\nurl = \"albo.xml\"\n"));
        config = loadConfig(dir + "/kiosk.toml");
        fs::create_directories(config.dataDir);
        SyncEngine engine(config, Database::open(config.databasePath()));
        REQUIRE(engine.syncAll(std::time(nullptr)).at(0).ok);
    }
};

// A tiny PNG-like blob: the signature and an IHDR saying 8 x 4.
std::string fakePng() {
    std::string p("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x08\0\0\0\x04", 24);
    return p + "rest-of-the-image";
}

std::string unbase64(const std::string& b64) {
    std::string out(b64.size(), '\0');
    size_t len = 0;
    REQUIRE(sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), b64.c_str(),
                              b64.size(), nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL) == 0);
    out.resize(len);
    return out;
}

// Serves screenshot requests like the UI loop does, until destroyed.
struct FakeUi {
    FrameGrab grab;
    std::atomic<bool> done{false};
    std::atomic<int> served{0};
    std::thread thread;
    FakeUi()
        : thread([this] {
              while (!done) {
                  if (grab.serve([] { return fakePng(); })) ++served;
                  std::this_thread::sleep_for(std::chrono::milliseconds(5));
              }
          }) {}
    ~FakeUi() {
        done = true;
        thread.join();
    }
};

}  // namespace

TEST_CASE("the fleet report carries the token and every documented field, with counts only", "[fleet]") {
    Rig rig("fleet-payload");
    {
        Database db = Database::open(rig.config.databasePath());
        db.exec(
            "INSERT INTO alert_log (alert_uid, source, sent, shown_at) VALUES "
            "('protezione.civile,allerta-1', 'cap', 1, '2026-11-20T10:00:00Z')");
        recordSearchMiss(db, "passaporto smarrito", std::time(nullptr));
    }
    rig.usage.frames() = 42;
    rig.usage.screenOpened("albo");
    rig.usage.screenOpened("albo");
    rig.usage.screenOpened("search");
    rig.usage.searchWithoutResult();
    rig.usage.feedback(1);
    rig.usage.feedback(3);
    TrustedClock clock;
    FleetReporter reporter(rig.config, &clock, &rig.usage, nullptr);
    const FleetRound round = reporter.runOnce();
    INFO(round.error);
    REQUIRE(round.sent == 1);
    CHECK(round.queued == 0);
    CHECK(reporter.status().lastError.empty());

    const auto got = rig.receiver.received();
    REQUIRE(got.size() == 1);
    CHECK(got[0]["authorization"] == "Bearer s3cret-token");
    CHECK(got[0]["content_type"] == "application/json");
    const nlohmann::json& b = got[0]["body"];
    CHECK(b["schema"] == 1);
    CHECK(b["device_id"] == "totem-01");
    CHECK(b["version"] == VETRINA_VERSION);
    CHECK(b["town"] == "Borgo");
    CHECK(parseIsoInstant(b["generated_at"].get<std::string>()));
    CHECK(b["uptime_seconds"]["kiosk"].is_number_integer());
    CHECK(b["uptime_seconds"]["machine"].get<long>() > 0);
    CHECK(b["memory_kb"]["rss"].get<long>() > 0);
    CHECK(b["memory_kb"]["total"].get<long>() > 0);
    CHECK(b["disk"]["free_bytes"].get<std::uint64_t>() > 0);
    CHECK(b["disk"].contains("cache_bytes"));
    CHECK(b["clock"]["corrected"].is_boolean());
    CHECK(b["clock"]["offset_seconds"].is_number_integer());
    REQUIRE(b["content"]["sources"].size() == 1);
    const auto& src = b["content"]["sources"][0];
    CHECK(src["source"] == "albo");
    CHECK(src["ok"] == true);
    CHECK(src["error"].is_null());
    CHECK(parseIsoInstant(src["last_success"].get<std::string>()));
    CHECK(b["content"]["offline"] == false);
    REQUIRE(b["alerts_shown"].size() == 1);
    CHECK(b["alerts_shown"][0]["alert"] == "protezione.civile,allerta-1");
    CHECK(b["frames"]["total"] == 42);
    CHECK(b["usage"]["screens_opened"]["albo"] == 2);
    CHECK(b["usage"]["screens_opened"]["search"] == 1);
    CHECK(b["usage"]["searches_without_result"] == 1);
    CHECK(b["usage"]["feedback"]["no"] == 1);
    CHECK(b["usage"]["feedback"]["yes"] == 1);
    CHECK_FALSE(b.contains("screenshot"));
    // No personal data: what a visitor typed never leaves the kiosk.
    CHECK(b.dump().find("passaporto") == std::string::npos);
    // The receiver's Date header was reported to the clock.
    CHECK(clock.state().source == "fleet");

    // The next report: counts since the previous one, and the same alert is not reported twice.
    rig.usage.frames() = 50;
    REQUIRE(reporter.runOnce().sent == 1);
    const nlohmann::json b2 = rig.receiver.received().at(1)["body"];
    CHECK(b2["alerts_shown"].empty());
    CHECK(b2["frames"]["since_last_report"] == 8);
    CHECK(b2["usage"]["screens_opened"].empty());
    CHECK(b2["usage"]["searches_without_result"] == 0);
}

TEST_CASE("offline reports wait in a bounded queue and are sent in order when the receiver answers",
          "[fleet]") {
    Rig rig("fleet-queue");
    FleetReporter reporter(rig.config, nullptr, &rig.usage, nullptr);
    rig.receiver.mode("fail");
    for (int i = 1; i <= 5; ++i) {
        rig.usage.frames() = static_cast<std::uint64_t>(i);
        const FleetRound r = reporter.runOnce();
        CHECK(r.sent == 0);
        CHECK_THAT(r.error, Catch::Contains("503"));
        CHECK(r.queued == std::min(i, 3));  // queue_max = 3
    }
    CHECK(rig.receiver.received().empty());
    CHECK_THAT(reporter.status().lastError, Catch::Contains("503"));

    rig.receiver.mode("ok");
    rig.usage.frames() = 6;
    const FleetRound r = reporter.runOnce();
    CHECK(r.error.empty());
    CHECK(r.dropped == 1);
    CHECK(r.sent == 3);
    CHECK(r.queued == 0);
    const auto got = rig.receiver.received();
    REQUIRE(got.size() == 3);
    // The oldest were dropped; the rest arrive oldest first.
    CHECK(got[0]["body"]["frames"]["total"] == 4);
    CHECK(got[1]["body"]["frames"]["total"] == 5);
    CHECK(got[2]["body"]["frames"]["total"] == 6);

    // A receiver that does not listen at all is a failure too, and is retried.
    Config gone = rig.config;
    gone.fleet.url = "http://127.0.0.1:" + std::to_string(freePort()) + "/report";
    FleetReporter unreachable(gone, nullptr, nullptr, nullptr);
    const FleetRound u = unreachable.runOnce();
    CHECK(u.sent == 0);
    CHECK(u.queued == 1);
    CHECK_FALSE(u.error.empty());
    REQUIRE(reporter.runOnce().sent == 2);  // the queued one, then the new one
}

TEST_CASE("a screenshot goes with the next report when the receiver asks, and on schedule", "[fleet]") {
    SECTION("on request") {
        Rig rig("fleet-shot-request");
        FakeUi ui;
        FleetReporter reporter(rig.config, nullptr, &rig.usage, &ui.grab);
        rig.receiver.mode("screenshot");
        const FleetRound r = reporter.runOnce();
        INFO(r.error);
        CHECK(r.sent == 2);
        CHECK(r.screenshotSent);
        const auto got = rig.receiver.received();
        REQUIRE(got.size() == 2);
        CHECK_FALSE(got[0]["body"].contains("screenshot"));
        const auto& shot = got[1]["body"]["screenshot"];
        CHECK(shot["mime"] == "image/png");
        CHECK(shot["width"] == 8);
        CHECK(shot["height"] == 4);
        CHECK(unbase64(shot["base64"].get<std::string>()) == fakePng());
        // Asked once: the next report has none.
        REQUIRE(reporter.runOnce().sent == 1);
        CHECK_FALSE(rig.receiver.received().at(2)["body"].contains("screenshot"));
    }
    SECTION("every N minutes, never queued") {
        Rig rig("fleet-shot-every", "screenshot_every = 10");
        FakeUi ui;
        FleetReporter reporter(rig.config, nullptr, &rig.usage, &ui.grab);
        rig.receiver.mode("fail");
        CHECK_FALSE(reporter.runOnce().screenshotSent);
        rig.receiver.mode("ok");
        const FleetRound r = reporter.runOnce();
        CHECK(r.sent == 2);
        CHECK(r.screenshotSent);
        const auto got = rig.receiver.received();
        REQUIRE(got.size() == 2);
        CHECK_FALSE(got[0]["body"].contains("screenshot"));  // the queued report
        CHECK(got[1]["body"].contains("screenshot"));
        // Within the ten minutes: none.
        CHECK_FALSE(reporter.runOnce().screenshotSent);
    }
}

TEST_CASE(
    "the UI hands a screenshot to another thread only when asked, and a silent UI does not block forever",
    "[fleet]") {
    FrameGrab grab;
    CHECK_FALSE(grab.serve([] { return std::string("never"); }));
    const auto t0 = std::chrono::steady_clock::now();
    CHECK(grab.request(std::chrono::milliseconds(50)).empty());
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(2));
}

TEST_CASE("[fleet] configuration is checked", "[fleet][config]") {
    const std::string dir = scratchDir("fleet-config");
    auto parse = [&](const std::string& fleet) {
        return parseConfig("[fleet]\n" + fleet, dir + "/kiosk.toml");
    };
    CHECK_THROWS_WITH(parse("url = \"http://example.org/r\"\ntoken = \"t\"\n"), Catch::Contains("https://"));
    CHECK_THROWS_WITH(parse("url = \"https://example.org/r\"\n"), Catch::Contains("no token"));
    REQUIRE(writeFileAtomic(dir + "/token", "abc123\n"));
    const Config c = parse(
        "url = \"https://example.org/r\"\ntoken_file = \"token\"\ninterval = 2\nscreenshot_every = 30\n");
    CHECK(c.fleet.token == "abc123");
    CHECK(c.fleet.intervalMinutes == 2);
    CHECK(c.fleet.screenshotEveryMinutes == 30);
    CHECK(c.fleet.enabled());
    CHECK_FALSE(parseConfig("", dir + "/kiosk.toml").fleet.enabled());
}
