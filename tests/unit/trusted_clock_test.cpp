// The trusted clock: when a server's Date header corrects the local clock, and when it does not.
#include "core/system/trusted_clock.h"
#include "core/config/config.h"
#include "core/sync/sync_engine.h"
#include "core/util/files.h"
#include "sync_fixtures.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <ctime>
#include <filesystem>
#include <memory>

using namespace vt;
using namespace vt::test;

namespace {

constexpr UnixSeconds kBuild = 1790000000;  // 2026-09-21
constexpr UnixSeconds kH = 3600;

struct FakeLocal {
    std::shared_ptr<std::atomic<UnixSeconds>> t =
        std::make_shared<std::atomic<UnixSeconds>>(kBuild + 100 * 86400);
    TrustedClock::LocalClock fn() const {
        auto p = t;
        return [p] { return p->load(); };
    }
};

// The answer that carried the town's verified manifest (signed from the build date for years):
// it may correct the clock alone. The cases below are about how a correction works once it may.
ClockSample sample(UnixSeconds server, UnixSeconds local, bool https = true, std::string source = "albo") {
    ClockSample s;
    s.source = std::move(source);
    s.https = https;
    s.serverTime = server;
    s.localTime = local;
    s.signedContent = true;
    s.signedCreated = kBuild;
    s.signedExpires = kBuild + 20ll * 365 * 86400;
    return s;
}

// One server's Date with nothing signed behind it (a feed, a fleet answer).
ClockSample unsignedSample(UnixSeconds server, UnixSeconds local, std::string host,
                           std::string source = "feed") {
    ClockSample s;
    s.source = std::move(source);
    s.host = std::move(host);
    s.https = true;
    s.serverTime = server;
    s.localTime = local;
    return s;
}

}  // namespace

TEST_CASE("the Date header is read as Unix seconds", "[clock]") {
    CHECK(parseHttpDate("Mon, 23 Nov 2026 03:08:22 GMT") == UnixSeconds{1795403302});
    CHECK_FALSE(parseHttpDate(""));
    CHECK_FALSE(parseHttpDate("yesterday"));
    CHECK(formatOffset(3 * kH + 12 * 60) == "+3 h 12 min");
    CHECK(formatOffset(-45) == "-45 s");
}

TEST_CASE("a skew under the threshold keeps the local clock, then over it, the server's time is used",
          "[clock]") {
    FakeLocal local;
    TrustedClock clock(120, kBuild, local.fn());
    const UnixSeconds t = *local.t;

    CHECK(clock.observe(sample(t + 119, t)));
    CHECK_FALSE(clock.state().correcting);
    CHECK(clock.now() == t);
    CHECK_THAT(describeClockIt(clock.state()), Catch::StartsWith("Orologio: corretto"));

    CHECK(clock.observe(sample(t + 3 * kH + 12 * 60, t)));
    CHECK(clock.state().correcting);
    CHECK(clock.state().reason == "skew");
    CHECK(clock.now() == t + 3 * kH + 12 * 60);
    CHECK(describeClockIt(clock.state()) == "Orologio corretto di +3 h 12 min dal server (albo)");
    *local.t += 60;  // the corrected clock runs with the local one
    CHECK(clock.now() == t + 60 + 3 * kH + 12 * 60);

    // A local clock ahead is corrected too; back within the threshold, the correction ends.
    CHECK(clock.observe(sample(*local.t - 600, *local.t)));
    CHECK(clock.now() == *local.t - 600);
    CHECK(clock.observe(sample(*local.t + 5, *local.t)));
    CHECK_FALSE(clock.state().correcting);
    CHECK(clock.now() == *local.t);
}

TEST_CASE(
    "a local clock before the build date is corrected even by a small skew, and floored without a server",
    "[clock]") {
    FakeLocal local;
    *local.t = 86400;  // 1970-01-02: a board with no RTC after a power cut
    TrustedClock clock(120, kBuild, local.fn());
    // No server yet: never before the build date.
    CHECK(clock.now() == kBuild);
    CHECK(clock.state().reason == "floor");
    const UnixSeconds server = kBuild + 40 * 86400;
    CHECK(clock.observe(sample(server, *local.t)));
    CHECK(clock.state().reason == "before-build");
    CHECK(clock.now() == server);
}

TEST_CASE("absurd and missing Date headers are ignored", "[clock]") {
    FakeLocal local;
    TrustedClock clock(120, kBuild, local.fn());
    const UnixSeconds t = *local.t;
    CHECK_FALSE(clock.observe(sample(0, t)));                            // no header
    CHECK_FALSE(clock.observe(sample(kBuild - 86400, t)));               // before this program was built
    CHECK_FALSE(clock.observe(sample(kBuild + 40ll * 365 * 86400, t)));  // decades ahead
    CHECK_FALSE(clock.state().correcting);
    CHECK(clock.state().lastServerTime == 0);
    CHECK(clock.now() == t);
}

TEST_CASE("https answers are preferred over plain http ones", "[clock]") {
    FakeLocal local;
    TrustedClock clock(120, kBuild, local.fn());
    const UnixSeconds t = *local.t;
    // Only a loopback http source: it is used.
    CHECK(clock.observe(sample(t + 2 * kH, t, false, "test")));
    CHECK(clock.now() == t + 2 * kH);
    // An https answer says the local clock is right: it wins...
    CHECK(clock.observe(sample(t + 3, t, true, "albo")));
    CHECK_FALSE(clock.state().correcting);
    // ...and a plain http answer within the day does not override it.
    CHECK_FALSE(clock.observe(sample(t + 2 * kH, t, false, "test")));
    CHECK(clock.now() == t);
    CHECK(clock.state().source == "albo");
    // The latest https answer rules among https ones.
    CHECK(clock.observe(sample(t + kH, t, true, "fleet")));
    CHECK(clock.now() == t + kH);
    CHECK(clock.state().source == "fleet");
}

TEST_CASE("the correction survives a restart without network, and never goes back before the last answer",
          "[clock]") {
    const std::string dir = scratchDir("clock-persist");
    FakeLocal local;
    const UnixSeconds t = *local.t;
    {
        TrustedClock clock(120, kBuild, local.fn());
        clock.setStatePath(dir + "/clock.json");
        CHECK(clock.observe(sample(t + 5 * kH, t)));
    }
    {
        TrustedClock clock(120, kBuild, local.fn());
        clock.setStatePath(dir + "/clock.json");
        REQUIRE(clock.load());
        CHECK(clock.now() == t + 5 * kH);
        const auto saved = TrustedClock::readStateFile(dir + "/clock.json");
        REQUIRE(saved);
        CHECK(saved->offset == 5 * kH);
    }
    // A power cut reset the local clock to 1970: the saved offset means nothing now, but the
    // time cannot be earlier than the last trusted answer (minus the threshold).
    *local.t = 1000;
    TrustedClock clock(120, kBuild, local.fn());
    clock.setStatePath(dir + "/clock.json");
    REQUIRE(clock.load());
    CHECK(clock.now() == t + 5 * kH - 120);
    CHECK(clock.state().reason == "floor");
    *local.t += 30;
    CHECK(clock.now() == t + 5 * kH - 120 + 30);
}

namespace {

// A fault server with a three-act albo feed in dir/www, and dir/kiosk.toml with that one source
// (data in dir/data).
std::unique_ptr<FaultServer> alboServerWithKiosk(const std::string& dir) {
    std::filesystem::create_directories(dir + "/www");
    REQUIRE(writeFileAtomic(dir + "/www/albo.xml", makeAlboFeed(3, "Ora")));
    auto server = std::make_unique<FaultServer>(dir + "/www");
    REQUIRE(writeFileAtomic(dir + "/kiosk.toml",
                            "[paths]\ndata_dir = \"data\"\n[[source]]\nname = \"albo\"\n"
                            "kind = \"albopop\"\nurl = \"" +
                                server->url("albo.xml") + "\"\n"));
    return server;
}

// A second source, first in the list, on the same server named "localhost": another host for the
// clock, so that its Date and the albo's agree as two voices.
void addSecondHost(const std::string& dir, const FaultServer& server) {
    const std::string first = "[[source]]\nname = \"copia\"\nkind = \"albopop\"\nurl = \"http://localhost:" +
                              std::to_string(server.port()) + "/albo.xml\"\n";
    std::string toml = *readFile(dir + "/kiosk.toml");
    toml.insert(toml.find("[[source]]"), first);
    REQUIRE(writeFileAtomic(dir + "/kiosk.toml", toml));
}

}  // namespace

TEST_CASE("the sync engine reports each server's Date and runs on the corrected clock", "[clock][sync]") {
    const std::string dir = scratchDir("clock-sync");
    const auto server = alboServerWithKiosk(dir);
    addSecondHost(dir, *server);
    Config config = loadConfig(dir + "/kiosk.toml");
    std::filesystem::create_directories(config.dataDir);
    // This board's clock is 3 hours behind (and after the build date).
    const UnixSeconds real = std::time(nullptr);
    TrustedClock clock(120, real - 86400 * 30, [real] { return real - 3 * kH; });
    SyncEngine engine(config, Database::open(config.databasePath()));
    engine.setClock(&clock);
    REQUIRE(engine.syncAll(clock.now()).at(0).ok);
    const ClockState s = clock.state();
    CHECK(s.source == "albo");
    CHECK_FALSE(s.https);
    CHECK(s.correcting);
    CHECK(std::llabs(s.offset - 3 * kH) <= 5);
    CHECK(std::llabs(clock.now() - std::time(nullptr)) <= 5);
}

TEST_CASE("vetrina sync --once runs on the kiosk's trusted clock and keeps it up to date",
          "[clock][sync][cli]") {
    const std::string dir = scratchDir("clock-sync-cli");
    const auto server = alboServerWithKiosk(dir);
    addSecondHost(dir, *server);
    std::filesystem::create_directories(dir + "/data");
    // The kiosk had saved a correction of +5 days (its board's clock was behind then); this
    // server's Date says the local clock is right now.
    const UnixSeconds real = std::time(nullptr);
    REQUIRE(writeFileAtomic(
        dir + "/data/clock.json",
        "{\"correcting\": true, \"offset\": 432000, \"reason\": \"saved\", \"source\": \"old\", "
        "\"https\": false, \"last_server_time\": " +
            std::to_string(real - 86400) + ", \"measured_skew\": 432000}\n"));
    std::string out;
    REQUIRE(runCommand(std::string(VETRINA_BINARY) + " sync --once --config " + dir + "/kiosk.toml 2>&1",
                       &out) == 0);
    INFO(out);
    const std::optional<ClockState> after = TrustedClock::readStateFile(dir + "/data/clock.json");
    REQUIRE(after);
    // Before, a manual sync ignored the saved clock and never told it what the server said.
    CHECK(after->source == "albo");
    CHECK_FALSE(after->correcting);
    CHECK(std::llabs(after->lastServerTime - real) <= 60);
}

TEST_CASE("one unsigned Date of 2040 does not move the clock: unconfirmed, said, and deletions keep the time",
          "[clock]") {
    FakeLocal local;
    TrustedClock clock(120, kBuild, local.fn());
    const UnixSeconds t = *local.t;
    const UnixSeconds y2040 = 2208988800;  // 2040-01-01
    // Before, any answer moved the clock: a CAP feed saying 2040 made the next purge empty the albo.
    CHECK_FALSE(clock.observe(unsignedSample(y2040, t, "allerte.example", "allerte")));
    CHECK_FALSE(clock.state().correcting);
    CHECK(clock.now() == t);
    CHECK(clock.safeTime(t) == t);
    REQUIRE(unconfirmedVoices(clock.state()).size() == 1);
    CHECK_THAT(describeClockIt(clock.state()), Catch::Contains("Non confermato: allerte (allerte.example)"));
    CHECK_THAT(describeClockEn(clock.state()), Catch::Contains("Unconfirmed: allerte (allerte.example)"));
    // The same host again is still one voice.
    CHECK_FALSE(clock.observe(unsignedSample(y2040 + 30, t + 30, "allerte.example", "allerte")));
    CHECK(clock.now() == t);
    // A power cut: the unconfirmed answer does not raise the floor either.
    *local.t = 1000;
    CHECK(clock.now() < y2040 - 365 * 86400);
}

TEST_CASE("two hosts agreeing confirm a correction, within what the signed manifest allows", "[clock]") {
    FakeLocal local;
    const UnixSeconds t = *local.t;
    {
        TrustedClock clock(120, kBuild, local.fn());
        CHECK_FALSE(clock.observe(unsignedSample(t + 3 * kH, t, "a.example")));
        CHECK(clock.now() == t);
        CHECK(clock.observe(unsignedSample(t + 3 * kH + 30, t + 1, "b.example", "fleet")));
        CHECK(clock.state().correcting);
        CHECK(std::llabs(clock.now() - (t + 3 * kH)) <= 31);
        CHECK(unconfirmedVoices(clock.state()).empty());
    }
    {
        // The last accepted manifest expires in one hour: two hosts saying "in three hours" would
        // make the town's signed content expired; they are not enough.
        TrustedClock clock(120, kBuild, local.fn());
        ClockSample man = sample(t, t);
        man.signedCreated = t - 86400;
        man.signedExpires = t + kH;
        CHECK(clock.observe(man));
        CHECK_FALSE(clock.observe(unsignedSample(t + 3 * kH, t, "a.example")));
        CHECK_FALSE(clock.observe(unsignedSample(t + 3 * kH, t, "b.example")));
        CHECK(clock.now() == t);
    }
}

TEST_CASE(
    "a verified manifest's Date confirms alone inside its signed window, not outside, and proves a floor",
    "[clock]") {
    FakeLocal local;
    const UnixSeconds t = *local.t;
    TrustedClock clock(120, kBuild, local.fn());
    ClockSample man = sample(t + 3 * kH, t);
    man.signedCreated = t + 2 * kH;
    man.signedExpires = t + 30 * 86400;
    CHECK(clock.observe(man));
    CHECK(clock.now() == t + 3 * kH);
    // Its Date past its own expiry: not confirmed by it.
    ClockSample late = man;
    late.serverTime = t + 40 * 86400;
    CHECK_FALSE(clock.observe(late));
    CHECK(clock.now() == t + 3 * kH);
    // Signed at t + 2 h: no answer can say it is earlier, and a reset clock starts from there.
    CHECK_FALSE(clock.observe(unsignedSample(t, t, "a.example")));
    CHECK(clock.state().notBefore == t + 2 * kH);
    *local.t = 1000;
    CHECK(clock.now() >= t + 2 * kH);
}

TEST_CASE("an unconfirmed voice saying earlier holds deletions back to its time", "[clock]") {
    FakeLocal local;
    const UnixSeconds t = *local.t;
    TrustedClock clock(120, kBuild, local.fn());
    CHECK_FALSE(clock.observe(unsignedSample(t - 10 * 86400, t, "a.example")));
    CHECK(clock.now() == t);                     // the clock in use stays
    CHECK(clock.safeTime(t) == t - 10 * 86400);  // but nothing is purged that it would keep
    CHECK_FALSE(clock.observe(unsignedSample(kBuild + 10, t, "b.example")));
    CHECK(clock.safeTime(t) == kBuild + 10);
}

TEST_CASE("the voices and the signed bounds survive a restart in clock.json", "[clock]") {
    const std::string dir = scratchDir("clock-voices");
    FakeLocal local;
    const UnixSeconds t = *local.t;
    {
        TrustedClock clock(120, kBuild, local.fn());
        clock.setStatePath(dir + "/clock.json");
        ClockSample man = sample(t, t);
        man.signedCreated = t - kH;
        man.signedExpires = t + 86400;
        CHECK(clock.observe(man));
        CHECK_FALSE(clock.observe(unsignedSample(t + 3 * kH, t, "a.example", "allerte")));
    }
    const auto saved = TrustedClock::readStateFile(dir + "/clock.json");
    REQUIRE(saved);
    CHECK(saved->notBefore == t - kH);
    CHECK(saved->notAfter == t + 86400);
    REQUIRE(unconfirmedVoices(*saved).size() == 1);
    CHECK(unconfirmedVoices(*saved)[0].source == "allerte");
}
