// Every signage parser on every prefix of real inputs: no crash, and either a result or a report.
#include "core/alerts/alert_templates.h"
#include "core/alerts/cap.h"
#include "core/events/events.h"
#include "core/notices/news_feed.h"
#include "core/notices/notice_parser.h"
#include "core/offices/office.h"
#include "test_support.h"

#include <catch2/catch.hpp>

using namespace vt;
using vt::test::dataPath;
using vt::test::readAll;

TEST_CASE("truncated inputs are rejected or reported, never crash", "[robustness][signage]") {
    const std::string content = VETRINA_SOURCE_DIR "/content";
    const std::string cap = readAll(dataPath("cap/01_oasis_severe_thunderstorm_polygon_cap12.xml"));
    const std::string ics = readAll(dataPath("signage/events_tz.ics"));
    const std::string rss = readAll(dataPath("signage/news_rss.xml"));
    const std::string notice = readAll(content + "/notices/scuolabus-mattina.md");
    const std::string office = readAll(content + "/offices/anagrafe.toml");
    const auto prefixes = [](const std::string& s, auto&& check) {
        for (size_t n = 0; n < s.size(); n += 13) check(std::string_view(s).substr(0, n));
    };
    prefixes(cap, [](std::string_view b) {
        const CapParseResult r = parseCap(b, "cap");
        CHECK((r.alert.has_value() || r.report.fatal));
    });
    prefixes(ics, [](std::string_view b) {
        const CalendarParse r = parseCalendar(b, "ics");
        CHECK((r.report.fatal || r.events.size() + r.report.issues.size() > 0));
    });
    prefixes(rss, [](std::string_view b) {
        const NewsFeed r = parseNewsFeed(b, "rss");
        CHECK((r.report.fatal || r.items.size() <= 1));
    });
    prefixes(notice, [](std::string_view b) {
        ImportReport rep;
        const ParsedNotice p = parseNoticeFile(b, "n.md", nullptr, {}, rep);
        CHECK((p.notice.has_value() || !rep.issues.empty()));
    });
    prefixes(office, [](std::string_view b) {
        ImportReport rep;
        const auto o = parseOfficeFile(b, "o.toml", rep);
        CHECK((o.has_value() || !rep.issues.empty()));
    });
    std::string error;
    const std::string trigger =
        R"({"template": "x", "sent": "2026-11-23T10:00:00Z", "expires": "2026-11-23T12:00:00Z"})";
    for (size_t n = 0; n + 1 < trigger.size(); ++n)
        CHECK_FALSE(parseAlertTrigger(trigger.substr(0, n), error));
    CHECK(parseAlertTrigger(trigger, error));
}
