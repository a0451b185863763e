#include "core/events/events.h"
#include "core/sources/importers.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace vt;
using vt::test::dataPath;
using vt::test::readAll;
using vt::test::scratchDir;

namespace {

UnixSeconds at(const char* iso) {
    return *parseIsoInstant(iso);
}

std::vector<EventOccurrence> named(const std::vector<EventOccurrence>& all, const std::string& uid) {
    std::vector<EventOccurrence> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out),
                 [&](const EventOccurrence& e) { return e.uid == uid; });
    return out;
}

Database importedCalendar(const char* name) {
    Database db = Database::open(scratchDir(name) + "/v.db");
    const ImportSummary s = importBuffer(db, "ical", readAll(dataPath("signage/events_tz.ics")),
                                         "events_tz.ics", at("2026-11-01T00:00:00Z"));
    REQUIRE_FALSE(s.report.fatal);
    return db;
}

}  // namespace

TEST_CASE("iCalendar: bad events are reported, the rest imported", "[events]") {
    const CalendarParse cal = parseCalendar(readAll(dataPath("signage/events_tz.ics")), "events_tz.ics");
    REQUIRE_FALSE(cal.report.fatal);
    CHECK(cal.events.size() == 7);
    REQUIRE(cal.report.issues.size() == 2);
    CHECK(cal.report.issues[0].reason == "no UID");
    CHECK(cal.report.issues[1].item == "no-start@test");
    CHECK(cal.report.issues[1].line > 70);
    CHECK(parseCalendar("hello", "x.ics").report.fatal);
}

TEST_CASE("iCalendar: an event in New York is shown at the right Rome time", "[events][tz]") {
    Database db = importedCalendar("events-ny");
    const auto all = listEvents(db, at("2026-11-18T00:00:00+01:00"), at("2026-11-19T00:00:00+01:00"));
    const auto webinar = named(all, "ny-webinar@test");
    REQUIRE(webinar.size() == 1);
    CHECK(formatIsoRome(webinar[0].start) == "2026-11-18T18:00:00+01:00");  // 12:00 EST
    CHECK(webinar[0].end - webinar[0].start == 3600);
    CHECK(webinar[0].location == "Online");
}

TEST_CASE("iCalendar: weekly recurrence across both DST changes, with an EXDATE", "[events][tz]") {
    Database db = importedCalendar("events-weekly");
    const auto weekly =
        named(listEvents(db, at("2026-10-01T00:00:00Z"), at("2026-12-31T00:00:00Z")), "ny-weekly@test");
    REQUIRE(weekly.size() == 5);  // COUNT=6 minus the excluded 28 October
    std::vector<std::string> starts;
    for (const auto& e : weekly) starts.push_back(formatIsoRome(e.start));
    // 09:00 in New York is 15:00 in Rome except between the European and the US change.
    CHECK(starts == std::vector<std::string>{"2026-10-14T15:00:00+02:00", "2026-10-21T15:00:00+02:00",
                                             "2026-11-04T15:00:00+01:00", "2026-11-11T15:00:00+01:00",
                                             "2026-11-18T15:00:00+01:00"});
    CHECK(weekly[0].recurring);
}

TEST_CASE("iCalendar: all-day, UTC, DURATION, floating times and a moved occurrence", "[events]") {
    Database db = importedCalendar("events-misc");
    const auto all = listEvents(db, at("2026-03-01T00:00:00Z"), at("2027-01-01T00:00:00Z"));
    const auto fiera = named(all, "fiera@test");
    REQUIRE(fiera.size() == 1);
    CHECK(fiera[0].allDay);
    CHECK(fiera[0].start == romeStartOfDay({2026, 10, 24}));
    CHECK(fiera[0].end == romeStartOfDay({2026, 10, 26}));  // 49 hours: the day of the change has 25
    CHECK(fiera[0].end - fiera[0].start == 49 * 3600);
    const auto talk = named(all, "utc-talk@test");
    REQUIRE(talk.size() == 1);
    CHECK(formatIsoRome(talk[0].start) == "2026-03-29T10:00:00+02:00");
    CHECK(talk[0].end - talk[0].start == 90 * 60);
    const auto floating = named(all, "floating@test");
    REQUIRE(floating.size() == 1);
    CHECK(formatIsoRome(floating[0].start) == "2026-03-29T09:00:00+02:00");
    const auto course = named(all, "moved@test");
    REQUIRE(course.size() == 3);
    CHECK(formatIsoRome(course[0].start) == "2026-12-02T00:00:00+01:00");
    CHECK(course[1].summary == "Corso serale (spostato)");
    CHECK(formatIsoRome(course[1].start) == "2026-12-03T02:00:00+01:00");
    CHECK(formatIsoRome(course[2].start) == "2026-12-04T00:00:00+01:00");
}

TEST_CASE("demo calendar: something this week whatever the date", "[events][demo]") {
    Database db = Database::open(scratchDir("events-demo") + "/v.db");
    const std::string file = VETRINA_SOURCE_DIR "/content/events/borgo-vetrina.ics";
    const ImportSummary s = importBuffer(db, "ical", readAll(file), file, at("2026-11-01T00:00:00Z"));
    REQUIRE_FALSE(s.report.fatal);
    CHECK(s.report.issues.empty());
    CHECK(s.report.itemsImported == 15);
    for (const char* when : {"2026-03-30T12:00:00+02:00", "2026-11-23T10:00:00+01:00",
                             "2027-08-16T10:00:00+02:00", "2029-12-31T10:00:00+01:00"}) {
        INFO(when);
        const TimeRange week = weekRange(at(when));
        CHECK(listEvents(db, week.from, week.to).size() >= 8);
        const TimeRange month = monthRange(at(when));
        CHECK(listEvents(db, month.from, month.to).size() > listEvents(db, week.from, week.to).size());
    }
    // The reading for children skips Boxing Day (EXDATE).
    const auto dec = listEvents(db, at("2026-12-26T00:00:00+01:00"), at("2026-12-27T00:00:00+01:00"));
    CHECK(std::none_of(dec.begin(), dec.end(), [](const EventOccurrence& e) {
        return e.uid == "letture-bambini@borgovetrina.example";
    }));
    // Re-import: nothing rewritten.
    CHECK(importBuffer(db, "ical", readAll(file), file, at("2026-11-02T00:00:00Z")).unchanged == 15);
}

TEST_CASE("week and month ranges follow the Rome calendar", "[events]") {
    const UnixSeconds t = at("2026-11-23T10:00:00+01:00");  // a Monday
    CHECK(weekRange(t).from == at("2026-11-23T00:00:00+01:00"));
    CHECK(weekRange(t).to == at("2026-11-30T00:00:00+01:00"));
    CHECK(monthRange(t).from == at("2026-11-01T00:00:00+01:00"));
    CHECK(monthRange(t).to == at("2026-12-01T00:00:00+01:00"));
    CHECK(todayRange(at("2026-10-25T12:00:00+01:00")).to - todayRange(at("2026-10-25T12:00:00+01:00")).from ==
          25 * 3600);
}

TEST_CASE("iCalendar: Europe/Rome times keep their wall clock across both clock changes", "[events][tz]") {
    Database db = Database::open(scratchDir("events-rome") + "/v.db");
    const ImportSummary s = importBuffer(db, "ical", readAll(dataPath("signage/events_rome.ics")),
                                         "events_rome.ics", at("2026-01-01T00:00:00Z"));
    REQUIRE_FALSE(s.report.fatal);
    const auto all = listEvents(db, at("2026-03-01T00:00:00Z"), at("2026-12-31T00:00:00Z"));
    const auto market = named(all, "mercato@test");
    REQUIRE(market.size() == 4);
    std::vector<std::string> starts;
    for (const auto& e : market) starts.push_back(formatIsoRome(e.start));
    // 08:00 in Rome every Saturday, before and after the change of 25 October.
    CHECK(starts == std::vector<std::string>{"2026-10-17T08:00:00+02:00", "2026-10-24T08:00:00+02:00",
                                             "2026-10-31T08:00:00+01:00", "2026-11-07T08:00:00+01:00"});
    CHECK(market[2].end - market[2].start == 5 * 3600);
    const auto night = named(all, "notte-bianca@test");
    REQUIRE(night.size() == 1);
    CHECK(formatIsoRome(night[0].start) == "2026-03-28T22:00:00+01:00");
    CHECK(formatIsoRome(night[0].end) == "2026-03-29T04:00:00+02:00");
    CHECK(night[0].end - night[0].start == 5 * 3600);  // the night of the change has an hour less
}
