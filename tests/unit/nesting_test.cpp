// Issue 14 point 1: a document nested tens of thousands of levels deep crashed the kiosk (stack
// overflow in our walkers, nlohmann's dump/copy, libical's free). Every parser of outside input now
// refuses it up front, naming the source and saying "nested deeper than N levels", and what was
// cached stays.
#include "core/util/nesting.h"
#include "core/alerts/alert_templates.h"
#include "core/alerts/cap.h"
#include "core/events/events.h"
#include "core/feeds/albopop_json.h"
#include "core/feeds/albopop_rss.h"
#include "core/feeds/mapped_feed.h"
#include "core/feeds/wp_albo.h"
#include "core/notices/news_feed.h"
#include "core/sheets/catalogue_import.h"
#include "core/sheets/sheet_store.h"
#include "core/sources/importers.h"
#include "core/store/database.h"
#include "core/sync/manifest.h"
#include "core/util/files.h"
#include "test_support.h"

#include <pugixml.hpp>

#include <catch2/catch.hpp>

using namespace vt;
using namespace vt::test;

namespace {

// Deep enough to overflow an 8 MB stack in the recursive code paths of the old parsers.
constexpr int kHostile = 200000;

std::string repeat(std::string_view s, int n) {
    std::string out;
    out.reserve(s.size() * static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) out += s;
    return out;
}
std::string deepArray(int n) {
    std::string s = repeat("[", n);
    s += repeat("]", n);
    return s;
}
std::string deepCalendar(int n) {
    return std::string(
               "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:s\r\n"
               "DTSTART:20260101T100000Z\r\n") +
           repeat("BEGIN:VALARM\r\n", n) + repeat("END:VALARM\r\n", n) + "END:VEVENT\r\nEND:VCALENDAR\r\n";
}

bool saysTooDeep(const ImportReport& r, int limit) {
    for (const ImportIssue& i : r.issues)
        if (i.reason.find(nestingReason(limit)) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("nesting: the JSON scan counts arrays and objects, not brackets inside strings", "[nesting]") {
    CHECK_FALSE(jsonNestingError(deepArray(kMaxJsonNesting)));
    const auto deep = jsonNestingError(std::string("{\"a\":\n") + deepArray(kMaxJsonNesting));
    REQUIRE(deep);
    CHECK(deep->reason == "nested deeper than 100 levels");
    CHECK(deep->line == 2);
    CHECK_FALSE(jsonNestingError(std::string("[\"") + repeat("[", 500) + "\\\"" + repeat("{", 500) + "\"]"));
}

TEST_CASE("nesting: the XML walk measures element depth without recursion", "[nesting]") {
    pugi::xml_document doc;
    const std::string ok = repeat("<a>", kMaxXmlNesting) + repeat("</a>", kMaxXmlNesting);
    REQUIRE(doc.load_buffer(ok.data(), ok.size()));
    CHECK_FALSE(xmlNestingError(doc, ok));
    const std::string deep =
        std::string("<r>\n") + repeat("<a>", kHostile) + repeat("</a>", kHostile) + "</r>";
    REQUIRE(doc.load_buffer(deep.data(), deep.size()));
    const auto e = xmlNestingError(doc, deep);
    REQUIRE(e);
    CHECK(e->line == 2);
    CHECK(e->reason == "nested deeper than 100 levels");
}

TEST_CASE("nesting: every JSON importer refuses a hostile depth and keeps what was cached", "[nesting]") {
    const std::string dir = scratchDir("nesting-json");
    Database db = Database::open(dir + "/s.db");
    const std::string good =
        readAll(dataPath("services/example_scheda_servizio_iscrizione_scuola_infanzia.json"));
    REQUIRE_FALSE(importBuffer(db, "jsonld", good, "servizi.json", 0).report.fatal);
    const int sheets = countSheets(db);
    REQUIRE(sheets > 0);
    const std::string deep = deepArray(kHostile);
    ImportOptions mapped;
    mapped.mapping = {{"format", "json"},      {"items", "/atti"}, {"year", "/Anno"}, {"number", "/Numero"},
                      {"subject", "/Oggetto"}, {"start", "/Dal"},  {"end", "/Al"}};
    REQUIRE(checkMapping(mapped.mapping).empty());
    for (const char* kind : {"jsonld", "servizi-gov", "albopop-json", "wp-albo", "mapped", "alert-trigger"}) {
        INFO(kind);
        const ImportSummary s = importBuffer(db, kind, deep, "servizi.json", 0, mapped);
        CHECK(s.report.fatal);
        REQUIRE_FALSE(s.report.issues.empty());
        CHECK(s.report.issues[0].source == "servizi.json");
        CHECK(s.report.issues[0].reason.find("nested deeper than 100 levels") != std::string::npos);
    }
    // Deep inside an otherwise good catalogue item (its dump() recursed).
    const std::string item = "[{\"publicService\":{\"name\":\"x\",\"d\":" + deep + "}}]";
    CHECK(saysTooDeep(importBuffer(db, "servizi-gov", item, "servizi.json", 0).report, kMaxJsonNesting));
    CHECK(countSheets(db) == sheets);
}

TEST_CASE("nesting: a deep signed manifest is refused with the reason", "[nesting]") {
    std::string error;
    CHECK_FALSE(parseManifest(
        std::string("{\"format\":\"vetrina-manifest-1\",\"files\":") + deepArray(kHostile) + "}", error));
    CHECK(error == "the manifest is nested deeper than 100 levels");
}

TEST_CASE("nesting: every XML importer refuses a hostile depth", "[nesting]") {
    const std::string deep = std::string("<rss><channel><title>t</title><item><title>") +
                             repeat("<b>", kHostile) + "x" + repeat("</b>", kHostile) +
                             "</title></item></channel></rss>";
    CHECK(saysTooDeep(parseAlboPopRss(deep, "albo.xml").report, kMaxXmlNesting));
    CHECK(saysTooDeep(parseNewsFeed(deep, "news.xml").report, kMaxXmlNesting));
    CHECK(saysTooDeep(parseWpAlbo(deep, "wp.xml").report, kMaxXmlNesting));
    const FieldMapping m{{"format", "xml"},    {"items", "//item"}, {"year", "title"}, {"number", "title"},
                         {"subject", "title"}, {"start", "title"},  {"end", "title"}};
    REQUIRE(checkMapping(m).empty());
    CHECK(saysTooDeep(parseMappedFeed(deep, m, "vendor.xml").report, kMaxXmlNesting));
    const std::string cap =
        std::string("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>i</identifier>") +
        repeat("<info>", kHostile) + repeat("</info>", kHostile) + "</alert>";
    const CapParseResult r = parseCap(cap, "allerta.xml");
    CHECK(r.report.fatal);
    CHECK(saysTooDeep(r.report, kMaxXmlNesting));
}

TEST_CASE("nesting: a calendar nested deeper than 16 components is refused, not freed recursively",
          "[nesting]") {
    const CalendarParse p = parseCalendar(deepCalendar(kHostile), "eventi.ics");
    CHECK(p.report.fatal);
    REQUIRE(p.report.issues.size() == 1);
    CHECK(p.report.issues[0].source == "eventi.ics");
    CHECK(p.report.issues[0].line == 22);
    CHECK(p.report.issues[0].reason == "nested deeper than 16 levels");
    CHECK(p.events.empty());
    // A VALARM inside a VEVENT is what real calendars nest: level 3.
    CHECK_FALSE(parseCalendar(deepCalendar(1), "eventi.ics").report.fatal);
}

TEST_CASE("nesting: deep Markdown needs no limit (md4c keeps its containers on the heap)", "[nesting]") {
    const std::string dir = scratchDir("nesting-md");
    Database db = Database::open(dir + "/s.db");
    const std::string head = "+++\nid = \"profondo\"\ntitle = \"Avviso profondo\"\n+++\n";
    for (const std::string& body :
         {repeat(">", kHostile) + " x\n", repeat("[x](", 50000) + "u" + repeat(")", 50000),
          repeat("*", kHostile) + "x" + repeat("*", kHostile)}) {
        const ImportSummary s = importBuffer(db, "notices", head + body, dir + "/profondo.md", 0);
        CHECK_FALSE(s.report.fatal);
    }
}

TEST_CASE("nesting: import --kind jsonld of a 50,000-level array exits 1 with the reason, no crash",
          "[nesting][cli]") {
    const std::string dir = scratchDir("nesting-cli");
    REQUIRE(writeFileAtomic(dir + "/n.json", deepArray(50000) + "\n"));
    REQUIRE(writeFileAtomic(dir + "/e.ics", deepCalendar(kHostile)));
    std::string out;
    CHECK(runCommand(vetrinaAt() + " import --kind jsonld --db " + dir + "/x.db " + dir + "/n.json 2>&1",
                     &out) == 1);
    CHECK(out.find(dir + "/n.json:1: nested deeper than 100 levels") != std::string::npos);
    out.clear();
    CHECK(runCommand(vetrinaAt() + " import --kind ical --db " + dir + "/x.db " + dir + "/e.ics 2>&1",
                     &out) == 1);
    CHECK(out.find(dir + "/e.ics:22: nested deeper than 16 levels") != std::string::npos);
}
