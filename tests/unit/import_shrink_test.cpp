// Issue 14, point 7: a document whose items are all bad, that has none, or far fewer than cached
// never replaces good content; it fails naming the source and the kind, and an explicitly empty
// document ("vetrina:empty") or a signed shrink is still possible.
#include "core/sources/importers.h"
#include "core/sources/shrink_guard.h"
#include "core/util/files.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <random>

using namespace vt;
using namespace vt::test;

namespace {

constexpr UnixSeconds kNow = 1795424400;  // 2026-11-23T10:00:00+01:00, kPinnedInstant

int count(const Database& db, const char* table, const std::string& source) {
    Statement st = db.prepare(std::string("SELECT count(*) FROM ") + table + " WHERE source = ?1");
    st.bind(1, source);
    st.step();
    return static_cast<int>(st.integer(0));
}

const ImportIssue& first(const ImportSummary& s) {
    REQUIRE_FALSE(s.report.issues.empty());
    return s.report.issues.front();
}

std::string randomBytes(std::size_t n) {
    std::mt19937 rng(14);  // fixed seed: the same "random" file every run
    std::string out(n, '\0');
    for (char& c : out) c = static_cast<char>(rng() & 0xFF);
    return out;
}

const std::string kCatalogue = dataPath("services/Comunali_serviceTemplates.json");
const std::string kCalendar = VETRINA_SOURCE_DIR "/content/events/borgo-vetrina.ics";
const std::string kSynonyms = VETRINA_SOURCE_DIR "/content/synonyms.txt";

}  // namespace

TEST_CASE("shrink guard rules: nothing usable, mostly rejected, empty, far less", "[import][shrink]") {
    ShrinkFacts f;
    f.kind = "ical";
    f.previous = 15;
    f.rejected = 1;
    CHECK_THAT(*shrinkRefusal(f), Catch::Contains("nothing usable") && Catch::Contains("15 cached"));
    f.previous = 0;  // even a first import: every item was bad
    CHECK(shrinkRefusal(f));
    f = {};
    f.kind = "news";
    f.previous = 20;
    f.accepted = 4;
    f.rejected = 5;
    CHECK_THAT(*shrinkRefusal(f), Catch::Contains("more items rejected (5) than usable (4)"));
    f.rejected = 0;
    CHECK_THAT(*shrinkRefusal(f), Catch::Contains("far less"));
    f.allowShrink = true;
    CHECK_FALSE(shrinkRefusal(f));
    f.accepted = 0;
    CHECK_THAT(*shrinkRefusal(f), Catch::Contains("no items") && Catch::Contains("vetrina:empty"));
    f.explicitEmpty = true;
    CHECK_FALSE(shrinkRefusal(f));
    // Under the floor, or at least half: a normal change.
    f = {};
    f.kind = "ical";
    f.previous = 9;
    f.accepted = 2;
    CHECK_FALSE(shrinkRefusal(f));
    f.previous = 20;
    f.accepted = 10;
    f.rejected = 3;
    CHECK_FALSE(shrinkRefusal(f));
    // Mostly junk is refused even with nothing cached; a few bad items among good ones are not.
    f.previous = 0;
    f.accepted = 2;
    f.rejected = 10;
    CHECK_THAT(*shrinkRefusal(f), Catch::Contains("more items rejected (10) than usable (2)"));
    f.rejected = 9;
    CHECK_FALSE(shrinkRefusal(f));
}

TEST_CASE("a servizi-gov catalogue of [] keeps the 322 cached sheets and says why", "[import][shrink]") {
    Database db = Database::open(scratchDir("shrink-catalogue") + "/v.db");
    REQUIRE(importBuffer(db, "servizi-gov", readAll(kCatalogue), "catalogo", kNow).inserted == 322);
    const ImportSummary s = importBuffer(db, "servizi-gov", "[]", "catalogo", kNow);
    CHECK(s.report.fatal);
    CHECK(s.report.shrinkRefused);
    CHECK(s.updated == 0);
    CHECK(first(s).source == "catalogo");
    CHECK_THAT(first(s).describe(),
               Catch::Contains("kind servizi-gov") && Catch::Contains("no items") && Catch::Contains("322"));
    CHECK(count(db, "sheets", "catalogo") == 322);
    // Every template broken (a vendor changed the format): all rejected, the cache stays.
    const ImportSummary broken =
        importBuffer(db, "servizi-gov", R"([{"name":"a"},{"name":"b"},{"name":"c"}])", "catalogo", kNow);
    CHECK(broken.report.shrinkRefused);
    CHECK_THAT(first(broken).reason, Catch::Contains("nothing usable, all 3 items rejected"));
    CHECK(count(db, "sheets", "catalogo") == 322);
}

TEST_CASE("a calendar whose only event has no UID keeps the 15 cached events", "[import][shrink]") {
    Database db = Database::open(scratchDir("shrink-calendar") + "/v.db");
    REQUIRE(importBuffer(db, "ical", readAll(kCalendar), "eventi", kNow).inserted == 15);
    const std::string noUid =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//IT\r\nBEGIN:VEVENT\r\nSUMMARY:Senza UID\r\n"
        "DTSTART:20261201T100000Z\r\nDTEND:20261201T110000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    const ImportSummary s = importBuffer(db, "ical", noUid, "eventi", kNow);
    CHECK(s.report.shrinkRefused);
    CHECK_THAT(first(s).describe(), Catch::Contains("eventi") && Catch::Contains("kind ical"));
    CHECK(count(db, "events", "eventi") == 15);
    // An explicitly empty calendar does empty the source.
    const std::string empty =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//IT\r\nX-VETRINA:EMPTY\r\n"
        "END:VCALENDAR\r\n";
    const ImportSummary e = importBuffer(db, "ical", empty, "eventi", kNow);
    CHECK_FALSE(e.report.fatal);
    CHECK(count(db, "events", "eventi") == 0);
}

TEST_CASE("an empty synonyms file keeps them, vetrina:empty removes them", "[import][shrink]") {
    Database db = Database::open(scratchDir("shrink-synonyms") + "/v.db");
    const ImportSummary good = importBuffer(db, "synonyms", readAll(kSynonyms), "sinonimi", kNow);
    REQUIRE_FALSE(good.report.fatal);
    const int rows = count(db, "search_synonyms", "sinonimi");
    REQUIRE(rows > 30);
    for (const char* doc : {"", "\n\n# solo commenti\n"}) {
        const ImportSummary s = importBuffer(db, "synonyms", doc, "sinonimi", kNow);
        CHECK(s.report.shrinkRefused);
        CHECK(count(db, "search_synonyms", "sinonimi") == rows);
    }
    // Alone in the file, or as a comment of a file with no groups.
    CHECK_FALSE(importBuffer(db, "synonyms", " vetrina:empty\n", "sinonimi", kNow).report.fatal);
    CHECK(count(db, "search_synonyms", "sinonimi") == 0);
    REQUIRE_FALSE(importBuffer(db, "synonyms", readAll(kSynonyms), "sinonimi", kNow).report.fatal);
    CHECK_FALSE(importBuffer(db, "synonyms", "# vetrina:empty\n", "sinonimi", kNow).report.fatal);
    CHECK(count(db, "search_synonyms", "sinonimi") == 0);
}

TEST_CASE("random bytes as synonyms are rejected line by line and store nothing", "[import][shrink]") {
    Database db = Database::open(scratchDir("shrink-junk") + "/v.db");
    const std::string junk = randomBytes(1u << 20);
    const ImportSummary first = importBuffer(db, "synonyms", junk, "sinonimi", kNow);
    CHECK(first.report.fatal);
    CHECK(count(db, "search_synonyms", "sinonimi") == 0);
    REQUIRE(first.report.issues.size() > 1);
    const ImportIssue& line = first.report.issues[1];
    CHECK(line.line > 0);
    CHECK((line.reason.find("UTF-8") != std::string::npos ||
           line.reason.find("control") != std::string::npos ||
           line.reason.find("longer") != std::string::npos));
    // Over a good list, the junk changes nothing.
    REQUIRE_FALSE(importBuffer(db, "synonyms", readAll(kSynonyms), "sinonimi", kNow).report.fatal);
    const int rows = count(db, "search_synonyms", "sinonimi");
    CHECK(importBuffer(db, "synonyms", junk, "sinonimi", kNow).report.shrinkRefused);
    CHECK(count(db, "search_synonyms", "sinonimi") == rows);
    // One bad line among good ones is still only that line.
    const ImportSummary mixed =
        importBuffer(db, "synonyms", "cie = carta d'identità\nbad \x01 line = x\n", "altri", kNow);
    CHECK_FALSE(mixed.report.fatal);
    REQUIRE(mixed.report.issues.size() == 1);
    CHECK(mixed.report.issues[0].line == 2);
}

TEST_CASE("vetrina import: a shrinking file exits 1 naming source and kind, --allow-shrink accepts it",
          "[import][shrink][cli]") {
    const std::string dir = scratchDir("shrink-cli");
    const std::string db = dir + "/v.db";
    std::string out;
    REQUIRE(runCommand(vetrinaAt() + " import --kind ical --db " + db + " " + kCalendar, &out) == 0);
    // Three of the fifteen events: far less, refused unless the operator says it is meant.
    std::string three = readAll(kCalendar);
    for (int cut = 0; cut < 12; ++cut) {
        const size_t b = three.rfind("BEGIN:VEVENT");
        const size_t e = three.find("END:VEVENT", b);
        three.erase(b, e + std::string("END:VEVENT").size() - b);
    }
    // The file keeps the calendar's name: it is the same source.
    const std::string shrunk = dir + "/borgo-vetrina.ics";
    REQUIRE(writeFileAtomic(shrunk, three));
    const std::string cmd = vetrinaAt() + " import --kind ical --db " + db + " --source " + kCalendar + " " +
                            shrunk + " 2>" + dir + "/err.txt";
    CHECK(runCommand(cmd) != 0);
    const std::string err = readAll(dir + "/err.txt");
    CHECK_THAT(err, Catch::Contains("far less") && Catch::Contains("kind ical") &&
                        Catch::Contains("cache is unchanged"));
    Database check = Database::open(db);
    CHECK(count(check, "events", kCalendar) == 15);
    CHECK(runCommand(vetrinaAt() + " import --allow-shrink --kind ical --db " + db + " --source " +
                     kCalendar + " " + shrunk) == 0);
    CHECK(count(check, "events", kCalendar) == 3);
}
