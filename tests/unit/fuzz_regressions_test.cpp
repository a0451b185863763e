// Inputs found by fuzzing (tests/data/fuzz-regressions): each parser must report them, not
// throw something unexpected or crash.
#include "core/config/config.h"
#include "core/events/events.h"
#include "core/feeds/albopop_json.h"
#include "core/feeds/albopop_rss.h"
#include "core/feeds/mapped_feed.h"
#include "core/feeds/wp_albo.h"
#include "core/schedule/opening_hours.h"
#include "core/sheets/catalogue_import.h"
#include "test_support.h"

#include <catch2/catch.hpp>

using namespace vt;
using namespace vt::test;

namespace {
std::string regression(const std::string& name) {
    return readAll(dataPath("fuzz-regressions/" + name));
}
}  // namespace

TEST_CASE("catalogue: fields of the wrong JSON type are treated as missing, not thrown",
          "[fuzz][catalogue]") {
    SheetBatch b;
    REQUIRE_NOTHROW(b = parseServiziGovCatalogue(regression("catalogue-non-string-fields.json"), "c.json"));
    REQUIRE(b.sheets.size() == 1);
    CHECK(b.sheets[0].title == "Servizio di prova");
    CHECK(b.sheets[0].bodyName == "Ente non indicato");
    CHECK(b.sheets[0].id == "gov-1");
}

TEST_CASE("opening hours: a day number beyond int is an OpeningHoursError", "[fuzz][opening-hours]") {
    CHECK_THROWS_AS(OpeningHours::parse(regression("opening-hours-huge-day.txt")), OpeningHoursError);
}

TEST_CASE("calendar: events dated before 1900 or lasting to 9999 expand without overflow", "[fuzz][events]") {
    const CalendarParse p = parseCalendar(regression("calendar-year-1800.ics"), "antica.ics");
    REQUIRE(p.events.size() == 2);
    CHECK(p.events[0].summary == "Fiera antica");
    const UnixSeconds from = 1767222000;  // 2026-01-01 Europe/Rome, as the calendar fuzz target
    // The yearly fair of 1800 still recurs in 2026; the long event covers the whole year.
    CHECK(expandEvent(p.events[0], from, from + 365 * 86400).size() == 1);
    CHECK(expandEvent(p.events[1], from, from + 366 * 86400).size() == 1);
}

TEST_CASE("JSON feeds: a number too large for a double is a clear error, not an exception", "[fuzz][albo]") {
    const std::string bytes = regression("json-number-overflow.json");
    const FieldMapping mapping{{"format", "json"},    {"items", "/atti"},      {"year", "/Anno"},
                               {"number", "/Numero"}, {"subject", "/Oggetto"}, {"start", "/Dal"},
                               {"end", "/Al"}};
    for (const AlboFeed& f : {parseWpAlbo(bytes, "wp.json"), parseAlboPopJson(bytes, "albopop.json"),
                              parseMappedFeed(bytes, mapping, "vendor.json")}) {
        REQUIRE(f.report.fatal);
        REQUIRE(f.report.issues.size() == 1);
        INFO(f.report.issues[0].describe());
        CHECK(f.report.issues[0].reason.find("not valid JSON") == 0);
        CHECK(f.report.issues[0].reason.find("number overflow") != std::string::npos);
        CHECK(f.acts.empty());
    }
}

TEST_CASE("config: a float where an integer is expected is a ConfigError, never a conversion",
          "[fuzz][config]") {
    CHECK_THROWS_WITH(parseConfig(regression("config-float-width.toml"), "k.toml"),
                      Catch::Contains("k.toml:3") && Catch::Contains("width") && Catch::Contains("integer"));
    CHECK_THROWS_WITH(parseConfig("[display]\nwidth = 1080.5\n", "k.toml"), Catch::Contains("integer"));
    CHECK_THROWS_WITH(parseConfig("[display]\nwidth = 4294968616\n", "k.toml"),
                      Catch::Contains("between 320 and 8192"));
    CHECK_THROWS_WITH(
        parseConfig("[[source]]\nname = \"a\"\nkind = \"albopop\"\nurl = \"x\"\npoll_seconds = 1e300\n",
                    "k.toml"),
        Catch::Contains("poll_seconds"));
    CHECK(parseConfig("[display]\nwidth = 1080\nheight = 1920\ndiagonal_inches = 32\n", "k.toml")
              .display.width == 1080);
}

TEST_CASE("deep seeds: 2,000 levels of JSON, XML or calendar components are refused by depth",
          "[fuzz][nesting]") {
    const std::string json = regression("json-deep-array.json");
    for (const AlboFeed& f : {parseWpAlbo(json, "wp.json"), parseAlboPopJson(json, "albopop.json")}) {
        REQUIRE(f.report.fatal);
        REQUIRE(f.report.issues.size() == 1);
        CHECK(f.report.issues[0].reason == "nested deeper than 100 levels");
    }
    for (const SheetBatch& b :
         {parseServiziGovCatalogue(json, "c.json"), parseGovernmentServiceJsonLd(json, "l.json")}) {
        REQUIRE(b.report.fatal);
        CHECK(b.report.issues.at(0).reason == "nested deeper than 100 levels");
    }
    const AlboFeed rss = parseAlboPopRss(regression("xml-deep-elements.xml"), "albo.xml");
    REQUIRE(rss.report.fatal);
    CHECK(rss.report.issues.at(0).reason == "nested deeper than 100 levels");
    const CalendarParse cal = parseCalendar(regression("calendar-deep-components.ics"), "eventi.ics");
    REQUIRE(cal.report.fatal);
    CHECK(cal.report.issues.at(0).reason == "nested deeper than 16 levels");
}
