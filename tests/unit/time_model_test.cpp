// The one time model (DESIGN.md "Time"): every command takes "now" from the kiosk's trusted clock,
// --at only moves the instant looked at, and looking never writes a live store.
#include "core/albo/albo_store.h"
#include "core/model/act.h"
#include "core/store/database.h"
#include "core/sync/manifest.h"
#include "core/util/files.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

using namespace vt;
using namespace vt::test;

namespace {

namespace fs = std::filesystem;

// A kiosk whose only source is the demo albo (30 acts written around 23 November 2026).
struct AlboKiosk {
    std::string dir;
    std::string config;
    std::string db;

    explicit AlboKiosk(const std::string& name)
        : dir(scratchDir(name)), config(dir + "/kiosk.toml"), db(dir + "/data/vetrina.db") {
        const std::string src = VETRINA_SOURCE_DIR;
        REQUIRE(runCommand("python3 " + src + "/scripts/demo-albo.py --today 2026-11-23 --in " + src +
                           "/demo/albo-atti.toml --out " + dir + "/albo.xml >/dev/null") == 0);
        REQUIRE(writeFileAtomic(
            config,
            "[town]\nname = \"Comune di Borgo Vetrina (demo)\"\n[paths]\ndata_dir = \"data\"\n"
            "[[source]]\nname = \"albo\"\nkind = \"albopop\"\nurl = \"albo.xml\"\n"));
    }
    int acts() const {
        Database d = Database::open(db, OpenMode::ReadOnly);
        Statement st = d.prepare("SELECT count(*) FROM acts");
        st.step();
        return static_cast<int>(st.integer(0));
    }
    // How many acts `vetrina list albo --at` shows at `instant`.
    size_t shownAt(const std::string& instant) const {
        std::string out;
        REQUIRE(runCommand(std::string(VETRINA_BINARY) + " list albo --json --db " + db + " --at " + instant,
                           &out) == 0);
        return nlohmann::json::parse(out).size();
    }
    // The store's bytes (the database and its write-ahead log): a look must leave them as they were.
    std::string fingerprint() const {
        std::string all;
        for (const std::string& f : {db, db + "-wal"})
            if (auto bytes = readFile(f, 1 << 30)) all += sha256Hex(*bytes);
        return all;
    }
};

}  // namespace

TEST_CASE("a pinned board clock is every command's now, and a bad one is an error naming it", "[time][cli]") {
    AlboKiosk k("time-board");
    REQUIRE(runCommand(vetrinaAt("2026-11-23T10:00:00+01:00") + " sync --once --config " + k.config +
                       " >/dev/null") == 0);
    CHECK(k.acts() == 30);
    const size_t current = k.shownAt("2026-11-23T10:00:00+01:00");
    CHECK(current >= 20);
    std::string out;
    // No --at: list looks at the board clock; the same day, the same acts; a year on, none.
    REQUIRE(runCommand(vetrinaAt("2026-11-23T10:00:00+01:00") + " list albo --json --db " + k.db, &out) == 0);
    CHECK(nlohmann::json::parse(out).size() == current);
    out.clear();
    REQUIRE(runCommand(vetrinaAt("2027-11-23T10:00:00+01:00") + " list albo --json --db " + k.db, &out) == 0);
    CHECK(nlohmann::json::parse(out).empty());
    out.clear();
    CHECK(runCommand(vetrinaAt("ieri") + " list albo --db " + k.db + " 2>&1", &out) != 0);
    CHECK_THAT(out, Catch::Contains("VETRINA_BOARD_CLOCK \"ieri\" is not an ISO 8601 instant"));
}

TEST_CASE("commands read the kiosk's clock correction from the data folder, and do not write it",
          "[time][cli]") {
    AlboKiosk k("time-trusted");
    REQUIRE(runCommand(vetrinaAt("2026-11-23T10:00:00+01:00") + " sync --once --config " + k.config +
                       " >/dev/null") == 0);
    // What a running kiosk saved after a server said its board clock was a year behind.
    const std::string clockJson = k.dir + "/data/clock.json";
    const UnixSeconds year = 365 * 86400;
    REQUIRE(writeFileAtomic(clockJson, "{\"correcting\": true, \"offset\": " + std::to_string(year) +
                                           ", \"reason\": \"skew\", \"source\": \"albo\", \"https\": true, "
                                           "\"last_server_time\": 1795424400, \"measured_skew\": " +
                                           std::to_string(year) + "}\n"));
    const std::string before = *readFile(clockJson);
    std::string out;
    // The board says 23 November 2025; corrected, it is 2026 and the acts are current.
    REQUIRE(runCommand(vetrinaAt("2025-11-23T10:00:00+01:00") + " list albo --json --db " + k.db, &out) == 0);
    CHECK(nlohmann::json::parse(out).size() == k.shownAt("2026-11-23T10:00:00+01:00"));
    out.clear();
    REQUIRE(runCommand(vetrinaAt("2025-11-23T10:00:00+01:00") + " status --json --db " + k.db, &out) == 0);
    CHECK(nlohmann::json::parse(out)["operations"]["clock"]["corrected"] == true);
    CHECK(*readFile(clockJson) == before);
}

TEST_CASE("looking never writes: shoot, play, list, search and status leave a live store as it was",
          "[time][cli]") {
    AlboKiosk k("time-look");
    REQUIRE(runCommand(vetrinaAt("2026-11-23T10:00:00+01:00") + " sync --once --config " + k.config +
                       " >/dev/null") == 0);
    REQUIRE(k.acts() == 30);
    const std::string before = k.fingerprint();
    const std::string bin = vetrinaAt("2026-11-23T10:00:00+01:00");
    // Two years on, every act's window is long over: a look must show that, and purge nothing.
    const std::string later = " --at 2028-11-23T10:00:00+01:00";
    CHECK(runCommand("SDL_VIDEODRIVER=dummy " + bin + " shoot --config " + k.config +
                     " --screen albo --size 540x960" + later + " --out " + k.dir + "/albo.png >/dev/null") ==
          0);
    CHECK(fs::exists(k.dir + "/albo.png"));
    REQUIRE(writeFileAtomic(k.dir + "/look.play", "tap \"Albo pretorio\"\nshot albo\n"));
    CHECK(runCommand("SDL_VIDEODRIVER=dummy " + bin + " play --config " + k.config + " --script " + k.dir +
                     "/look.play --size 540x960 --out " + k.dir + "/play" + later + " >/dev/null") == 0);
    CHECK(runCommand(bin + " list albo --json --db " + k.db + later + " >/dev/null") == 0);
    // A query that finds nothing: the kiosk records it for the staff, a technician's search does not.
    CHECK(runCommand(bin + " search zzzqqq --db " + k.db + later + " >/dev/null") == 0);
    CHECK(runCommand(bin + " status --db " + k.db + " >/dev/null") == 0);
    CHECK(k.acts() == 30);
    CHECK(k.fingerprint() == before);
    Database d = Database::open(k.db, OpenMode::ReadOnly);
    Statement misses = d.prepare("SELECT count(*) FROM search_misses");
    misses.step();
    CHECK(misses.integer(0) == 0);
}

TEST_CASE("shoot --sync syncs at the kiosk's clock, not at the instant it looks at", "[time][cli]") {
    AlboKiosk k("time-shoot-sync");
    std::string out;
    REQUIRE(runCommand("SDL_VIDEODRIVER=dummy " + vetrinaAt("2026-11-23T10:00:00+01:00") +
                           " shoot --sync --config " + k.config +
                           " --screen albo --size 540x960 --at 2028-11-23T10:00:00+01:00 --out " + k.dir +
                           "/albo.png 2>&1",
                       &out) == 0);
    INFO(out);
    CHECK(k.acts() == 30);  // synced on 23 November 2026: nothing purged by the 2028 look
    CHECK(runCommand(std::string(VETRINA_BINARY) + " shoot --sync --cached --config " + k.config +
                     " --screen albo --out x.png 2>/dev/null") == 2);
}

TEST_CASE("import has no --at: it writes at the kiosk's clock", "[time][cli]") {
    const std::string dir = scratchDir("time-import");
    std::string out;
    CHECK(runCommand(std::string(VETRINA_BINARY) + " import --kind albopop --at 2026-11-23 --db " + dir +
                         "/v.db " + dataPath("albo/ladispoli_albopop_feed.xml") + " 2>&1",
                     &out) == 2);
    CHECK_THAT(out, Catch::Contains("import has no --at"));
    CHECK_FALSE(fs::exists(dir + "/v.db"));
}

TEST_CASE(
    "the albo's window rule: the store's query and the C++ rule agree at every hour around the DST changes",
    "[time][albo]") {
    Database db = Database::open(scratchDir("time-window") + "/v.db");
    // One act a day, each on the albo for one calendar day, around both 2026 clock changes.
    std::vector<Act> acts;
    for (const CivilDate first : {CivilDate{2026, 3, 27}, CivilDate{2026, 10, 23}})
        for (int i = 0; i < 5; ++i) {
            Act a;
            a.source = "t";
            a.year = 2026;
            a.number = std::to_string(first.month * 100 + i);
            a.uid = "2026/" + a.number;
            a.subject = "Atto " + a.number;
            a.type = "Avviso";
            a.pubStart = a.pubEnd = addDays(first, i);
            acts.push_back(a);
        }
    storeActs(db, acts, ImportReport{}, romeToInstant({{2026, 3, 1}, 12, 0, 0}));
    for (const CivilDate first : {CivilDate{2026, 3, 27}, CivilDate{2026, 10, 23}})
        for (UnixSeconds t = romeStartOfDay(first); t < romeStartOfDay(addDays(first, 5)); t += 1800) {
            INFO(formatIsoRome(t));
            const std::vector<Act> shown = listActsAt(db, t, 0, WithAttachments::No);
            size_t expected = 0;
            for (const Act& a : acts) expected += isInPublicationWindow(a, t) ? 1 : 0;
            CHECK(shown.size() == expected);
            CHECK(expected == 1);
            CHECK(countActsAt(db, t) == 1);
        }
}
