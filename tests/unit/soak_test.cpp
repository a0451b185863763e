// The short form of the long run (`vetrina soak`): two simulated hours of visitors, syncs with
// changing content and an alert issued and cancelled, in well under a minute. It fails on any
// assertion (the child dies) and on memory growth after the warm-up (except under ASan, whose
// quarantine keeps freed memory on purpose).
#include "test_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>

using vt::test::runCommand;
using vt::test::scratchDir;

TEST_CASE("Two simulated hours of use, syncs and alerts: no assertion, no memory growth", "[soak]") {
    const std::string dir = scratchDir("soak");
    const auto t0 = std::chrono::steady_clock::now();
    std::string out;
    const int status = runCommand(
        std::string(VETRINA_BINARY) +
            " soak --hours 2 --seed 7 --start 2026-11-23T10:00:00+01:00 --warmup-hours 0.5 --keep " + dir +
            "/run --out " + dir + "/soak.json 2>&1",
        &out);
    INFO(out);
    REQUIRE(status == 0);
    const auto j = nlohmann::json::parse(vt::test::readAll(dir + "/soak.json"));
    CHECK(j["verdict"] == "pass");
    // The run did what it claims: people used it, content changed, an alert came and went.
    CHECK(j["visits"].get<int>() >= 3);
    CHECK(j["taps"].get<int>() >= 10);
    CHECK(j["syncs"].get<int>() >= 15);
    CHECK(j["syncs_with_changes"].get<int>() >= 5);
    CHECK(j["first_sync_failures"].get<int>() == 0);
    CHECK(j["sync_failures"].get<int>() == 0);
    CHECK(j["alerts_issued"].get<int>() >= 1);
    CHECK(j["alert_frames"].get<long>() > 0);  // the alert reached the screen
    CHECK(j["attract_loop_starts"].get<int>() >= 2);
    CHECK(j["rss_kb_samples"].size() >= 12);
    CHECK(j["frames"].get<long>() > 1000);
    INFO("wall seconds: " << j["wall_seconds"].get<double>());
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(240));
}
