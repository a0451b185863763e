#include "core/config/config.h"
#include "core/offices/office.h"
#include "core/sources/importers.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

using namespace vt;
using vt::test::dataPath;
using vt::test::readAll;
using vt::test::runCommand;
using vt::test::scratchDir;
using vt::test::vetrinaAt;

namespace {
UnixSeconds at(const char* iso) {
    return *parseIsoInstant(iso);
}
const std::string kContent = VETRINA_SOURCE_DIR "/content";
}  // namespace

TEST_CASE("the nine demo offices import, with their status at an instant", "[offices]") {
    Database db = Database::open(scratchDir("offices-demo") + "/v.db");
    int files = 0;
    for (const auto& f : std::filesystem::directory_iterator(kContent + "/offices")) {
        const ImportSummary s = importBuffer(db, "offices", readAll(f.path().string()), f.path().string(),
                                             at("2026-11-01T00:00:00Z"));
        INFO(f.path());
        REQUIRE_FALSE(s.report.fatal);
        CHECK(s.report.issues.empty());
        ++files;
    }
    CHECK(files == 9);
    const auto offices = listOffices(db);
    REQUIRE(offices.size() == 9);
    for (const char* id : {"anagrafe", "tributi", "urp", "polizia-locale", "servizi-sociali", "scuola",
                           "suap", "tecnico", "biblioteca"})
        CHECK(findOffice(db, id));
    const Office anagrafe = *findOffice(db, "anagrafe");
    const HolidayCalendar holidays;
    CHECK(anagrafe.hours.statusAt(at("2026-11-24T16:00:00+01:00"), holidays).open);  // Tuesday afternoon
    CHECK_FALSE(
        anagrafe.hours.statusAt(at("2026-11-25T16:00:00+01:00"), holidays).open);  // Wednesday afternoon
    CHECK_FALSE(anagrafe.hours.statusAt(at("2026-12-24T10:00:00+01:00"), holidays).open);  // dated exception
    const Office library = *findOffice(db, "biblioteca");
    CHECK(library.hours.statusAt(at("2026-12-24T10:00:00+01:00"), holidays).closesAt ==
          at("2026-12-24T12:30:00+01:00"));
}

TEST_CASE("bad office files are reported with their line", "[offices]") {
    ImportReport r;
    CHECK_FALSE(parseOfficeFile("name = \"Ufficio\"\nhours = \"Mo-Fr 8-12\"\n", "x.toml", r));
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].line == 2);
    CHECK(r.issues[0].reason.find("hours: rule 1") != std::string::npos);
    ImportReport r2;
    CHECK_FALSE(parseOfficeFile("phone = \"1\"\n", "y.toml", r2));
    CHECK(r2.issues.at(0).reason == "no \"name\"");
    ImportReport r3;
    CHECK_FALSE(parseOfficeFile("name = \n", "z.toml", r3));
    CHECK(r3.issues.at(0).line == 1);
}

TEST_CASE("config: kiosk area, exercises, patron saint and sleep hours, then errors name file and line",
          "[config][signage]") {
    const Config c = parseConfig(R"TOML([town]
name = "Comune di Borgo Vetrina (demo)"
patron_day = "12-06"
[kiosk]
language = "it"
geocodes = ["ISTAT=999001", "EMMA_ID=IT003"]
latitude = 45.1333
longitude = 10.0333
show_exercises = true
[screen]
sleep = "Mo-Su 23:00-06:30"
)TOML",
                                 "/tmp/k.toml");
    CHECK(c.kiosk.geocodes.size() == 2);
    CHECK(c.kiosk.latitude == 45.1333);
    CHECK(c.kiosk.showExercises);
    CHECK(c.town.patronDay->month == 12);
    CHECK(c.screen.sleep == "Mo-Su 23:00-06:30");
    const auto error = [](const char* text) {
        try {
            parseConfig(text, "k.toml");
        } catch (const ConfigError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    CHECK(error("[kiosk]\nlatitude = 95.0\nlongitude = 10.0\n").rfind("k.toml:2:", 0) == 0);
    CHECK(error("[kiosk]\nlatitude = 45.0\n").rfind("k.toml:1:", 0) == 0);
    CHECK(error("[kiosk]\ngeocodes = [\"\"]\n").rfind("k.toml:2:", 0) == 0);
    CHECK(error("[town]\n\npatron_day = \"6 dicembre\"\n").rfind("k.toml:3:", 0) == 0);
    CHECK(error("[screen]\nsleep = \"tutte le notti\"\n").find("k.toml:2: sleep: rule 1") == 0);
}

TEST_CASE("vetrina import and list: notices, alerts (takeover), events, offices as JSON", "[cli][signage]") {
    const std::string dir = scratchDir("cli-signage");
    // Imports run at the board clock (the CAP alert expires on 23 November 2026 at 20:00): pinned.
    const std::string db = dir + "/v.db", bin = vetrinaAt();
    REQUIRE(runCommand(bin + " import --quiet --kind offices --db " + db + " " + kContent +
                       "/offices/*.toml") == 0);
    REQUIRE(runCommand(bin + " import --quiet --kind notices --db " + db + " " + kContent +
                       "/notices/*.md") == 0);
    REQUIRE(runCommand(bin + " import --quiet --kind ical --db " + db + " " + kContent + "/events/*.ics") ==
            0);
    REQUIRE(runCommand(bin + " import --quiet --kind cap --db " + db + " " + dataPath("cap/it_alert.xml") +
                       " " + dataPath("cap/it_other_area.xml")) == 0);
    std::string config = dir + "/kiosk.toml";
    {
        std::FILE* f = std::fopen(config.c_str(), "w");
        std::fputs("[kiosk]\ngeocodes = [\"EMMA_ID=IT003\"]\n", f);
        std::fclose(f);
    }
    std::string out;
    REQUIRE(runCommand(bin + " list alerts --db " + db + " --config " + config +
                           " --at 2026-11-23T10:00:00+01:00 --json",
                       &out) == 0);
    auto alerts = nlohmann::json::parse(out);
    REQUIRE(alerts.size() == 1);
    for (const char* key :
         {"id", "sender", "sent", "msg_type", "severity", "urgency", "headline", "expires", "takeover"})
        CHECK(alerts[0].contains(key));
    CHECK(alerts[0]["takeover"] == true);
    CHECK(alerts[0]["headline"] == "Allerta arancione per temporali");
    CHECK(alerts[0]["expires"] == "2026-11-23T20:00:00+01:00");
    out.clear();
    REQUIRE(runCommand(bin + " list alerts --db " + db + " --at 2026-11-23T10:00:00+01:00 --json", &out) ==
            0);
    CHECK(nlohmann::json::parse(out).size() == 2);  // no config: every area
    out.clear();
    REQUIRE(runCommand(bin + " list offices --db " + db + " --at 2026-11-23T10:00:00+01:00 --json", &out) ==
            0);
    auto offices = nlohmann::json::parse(out);
    REQUIRE(offices.size() == 9);
    const auto anagrafe =
        std::find_if(offices.begin(), offices.end(), [](const auto& o) { return o["id"] == "anagrafe"; });
    REQUIRE(anagrafe != offices.end());
    CHECK((*anagrafe)["status"] == "Aperto ora · chiude alle 12:30");
    CHECK((*anagrafe)["closes_at"] == "2026-11-23T12:30:00+01:00");
    out.clear();
    REQUIRE(runCommand(bin + " list events --db " + db + " --at 2026-11-23T10:00:00+01:00 --json", &out) ==
            0);
    auto events = nlohmann::json::parse(out);
    CHECK(events.size() >= 10);
    CHECK(events[0].contains("this_week"));
    out.clear();
    REQUIRE(runCommand(bin + " list notices --db " + db + " --at 2026-11-23T07:30:00+01:00 --json", &out) ==
            0);
    auto notices = nlohmann::json::parse(out);
    REQUIRE(notices.size() == 4);
    CHECK(notices[0]["id"] == "lavori-piazza");
    CHECK(notices[0]["image"]["width"] == 1080);
    CHECK(runCommand(bin + " import --kind cap --db " + db + " " + dataPath("cap/bad_xml.xml") +
                     " 2>/dev/null") == 1);
    CHECK(runCommand(bin + " list parcheggi --db " + db + " 2>/dev/null") == 2);
}

TEST_CASE("clearSource removes every signage kind of a source, and only that source", "[signage][store]") {
    Database db = Database::open(scratchDir("signage-clear") + "/v.db");
    const UnixSeconds now = at("2026-11-23T08:00:00Z");
    const std::string office = kContent + "/offices/urp.toml",
                      notice = kContent + "/notices/lavori-piazza.md",
                      events = kContent + "/events/borgo-vetrina.ics",
                      tpl = kContent + "/alerts/templates/evacuazione.xml",
                      cap = dataPath("cap/it_update.xml");
    REQUIRE_FALSE(importBuffer(db, "offices", readAll(office), "manifest", now).report.fatal);
    REQUIRE_FALSE(importBuffer(db, "notices", readAll(notice), notice, now).report.fatal);
    REQUIRE_FALSE(importBuffer(db, "ical", readAll(events), "manifest", now).report.fatal);
    REQUIRE_FALSE(importBuffer(db, "cap-template", readAll(tpl), "manifest", now).report.fatal);
    REQUIRE_FALSE(importBuffer(db, "cap", readAll(cap), "manifest", now).report.fatal);
    const auto count = [&](const char* table) {
        Statement st = db.prepare(std::string("SELECT count(*) FROM ") + table);
        st.step();
        return st.integer(0);
    };
    CHECK(count("media") == 1);
    clearSource(db, "manifest");
    for (const char* table : {"offices", "events", "alert_templates", "alerts", "alert_refs"}) {
        INFO(table);
        CHECK(count(table) == 0);
    }
    CHECK(count("notices") == 1);  // another source
    CHECK(count("media") == 1);
    clearSource(db, notice);
    CHECK(count("notices") == 0);
    CHECK(count("media") == 0);
}

TEST_CASE("an item dropped from a feed disappears on the next import, then unchanged ones are not rewritten",
          "[signage][store]") {
    Database db = Database::open(scratchDir("signage-rows") + "/v.db");
    const std::string two = R"(<rss version="2.0"><channel>
<item><title>Uno</title><guid>1</guid></item><item><title>Due</title><guid>2</guid></item></channel></rss>)";
    const std::string one =
        R"(<rss version="2.0"><channel><item><title>Uno</title><guid>1</guid></item></channel></rss>)";
    ImportSummary s = importBuffer(db, "news", two, "news", at("2026-11-23T08:00:00Z"));
    CHECK(s.inserted == 2);
    s = importBuffer(db, "news", one, "news", at("2026-11-23T09:00:00Z"));
    CHECK(s.unchanged == 1);
    CHECK(s.removed == 1);
    CHECK(s.changed());
    CHECK_FALSE(importBuffer(db, "news", one, "news", at("2026-11-23T10:00:00Z")).changed());
    Statement st = db.prepare("SELECT count(*) FROM notices");
    REQUIRE(st.step());
    CHECK(st.integer(0) == 1);
}
