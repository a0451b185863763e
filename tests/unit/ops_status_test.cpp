// `vetrina status` and `vetrina doctor` show the trusted clock, the cache budget and the fleet queue.
#include "core/system/trusted_clock.h"
#include "core/util/files.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <map>

using namespace vt;
using namespace vt::test;

namespace {
// An mtime long before any clock a test runs at (the suite also runs with the clock moved, and
// the kernel stamps files with the real clock): a file that is not a download in progress.
const auto kLongAgo = std::chrono::file_clock::from_sys(
    std::chrono::sys_seconds{std::chrono::seconds{1577836800}});  // 2020-01-01
}  // namespace

TEST_CASE("status and doctor say how the clock is corrected and whether the cache is over budget",
          "[doctor][clock]") {
    const std::string dir = scratchDir("ops-status");
    std::filesystem::create_directories(dir + "/data/objects");
    const std::string feed = dataPath("albo/ladispoli_albopop_feed.xml");
    REQUIRE(runCommand(std::string(VETRINA_BINARY) + " import --kind albopop --db " + dir +
                       "/data/vetrina.db " + feed + " >/dev/null 2>&1") == 0);
    REQUIRE(writeFileAtomic(dir + "/vetrina.toml", "[paths]\ndata_dir = \"" + dir +
                                                       "/data\"\n[storage]\ncache_mb = 1\n[fleet]\nurl = "
                                                       "\"https://monitor.example.org/r\"\ntoken = \"t\"\n"));
    // What a running kiosk saved after a server said its clock was 3 h 12 min behind.
    {
        TrustedClock clock(120, 1700000000, [] { return UnixSeconds{1790000000}; });
        clock.setStatePath(dir + "/data/clock.json");
        ClockSample s;
        s.source = "albo";
        s.https = true;
        s.localTime = 1790000000;
        s.serverTime = s.localTime + 3 * 3600 + 12 * 60;
        // The answer that carried the town's verified manifest: it may correct the clock alone.
        s.signedContent = true;
        s.signedCreated = s.localTime;
        s.signedExpires = s.localTime + 30 * 86400;
        REQUIRE(clock.observe(s));
    }
    // An unreferenced 2 MB file: over the 1 MB budget until the kiosk evicts it.
    const std::string stray = dir + "/data/objects/" + std::string(64, 'b');
    REQUIRE(writeFileAtomic(stray, std::string(2 << 20, 'x')));
    std::filesystem::last_write_time(stray, kLongAgo);

    std::string out;
    REQUIRE(runCommand(std::string(VETRINA_BINARY) + " status --json --config " + dir + "/vetrina.toml",
                       &out) == 0);
    const auto j = nlohmann::json::parse(out);
    const auto& ops = j["operations"];
    CHECK(ops["clock"]["corrected"] == true);
    CHECK(ops["clock"]["offset_seconds"] == 3 * 3600 + 12 * 60);
    CHECK(ops["clock"]["description"] == "Orologio corretto di +3 h 12 min dal server (albo)");
    CHECK(ops["cache"]["bytes"] == 2 << 20);
    CHECK(ops["cache"]["budget_bytes"] == 1 << 20);
    CHECK(ops["cache"]["over_budget"] == false);  // the stray file may go: not a problem of the content
    CHECK(ops["fleet"]["queued"] == 0);

    out.clear();
    REQUIRE(runCommand(std::string(VETRINA_BINARY) + " status --config " + dir + "/vetrina.toml", &out) == 0);
    CHECK_THAT(out, Catch::Contains("Orologio corretto di +3 h 12 min dal server (albo)"));

    out.clear();
    runCommand("SDL_VIDEODRIVER=dummy " + std::string(VETRINA_BINARY) + " doctor --json --config " + dir +
                   "/vetrina.toml",
               &out);
    const auto d = nlohmann::json::parse(out);
    std::map<std::string, std::string> status;
    for (const auto& c : d["checks"]) status[c["id"].get<std::string>()] = c["status"].get<std::string>();
    CHECK(status.at("trusted_clock") == "warning");
    CHECK(status.at("cache") == "ok");
    CHECK(status.at("fleet") == "ok");
}
