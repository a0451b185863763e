#include "core/util/civil_time.h"

#include <catch2/catch.hpp>

using namespace vt;

TEST_CASE("civil dates round-trip through day numbers", "[time]") {
    for (std::int64_t d = -1000; d < 30000; d += 7) REQUIRE(daysFromCivil(civilFromDays(d)) == d);
    CHECK(daysFromCivil({1970, 1, 1}) == 0);
    CHECK(weekday({2026, 11, 23}) == 0);  // a Monday
    CHECK(weekday({2026, 3, 29}) == 6);   // a Sunday
    CHECK(addDays({2026, 12, 25}, 15) == CivilDate{2027, 1, 9});
    CHECK(addDays({2028, 2, 20}, 15) == CivilDate{2028, 3, 6});  // leap year
    CHECK_FALSE(isValidDate({2026, 2, 29}));
    CHECK(isValidDate({2028, 2, 29}));
}

TEST_CASE("Europe/Rome offset follows the EU summer-time rule", "[time]") {
    // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
    const UnixSeconds springSwitch = *parseIsoInstant("2026-03-29T01:00:00Z");
    CHECK(romeOffsetAt(springSwitch - 1) == 3600);
    CHECK(romeOffsetAt(springSwitch) == 7200);
    const UnixSeconds autumnSwitch = *parseIsoInstant("2026-10-25T01:00:00Z");
    CHECK(romeOffsetAt(autumnSwitch - 1) == 7200);
    CHECK(romeOffsetAt(autumnSwitch) == 3600);
    // 2027: 28 March and 31 October.
    CHECK(romeOffsetAt(*parseIsoInstant("2027-03-28T00:59:59Z")) == 3600);
    CHECK(romeOffsetAt(*parseIsoInstant("2027-03-28T01:00:00Z")) == 7200);
    CHECK(romeOffsetAt(*parseIsoInstant("2027-10-31T00:59:59Z")) == 7200);
}

TEST_CASE("start of a Rome day is right on DST change days", "[time]") {
    CHECK(formatIsoUtc(romeStartOfDay({2026, 3, 29})) == "2026-03-28T23:00:00Z");
    CHECK(formatIsoUtc(romeStartOfDay({2026, 3, 30})) == "2026-03-29T22:00:00Z");
    CHECK(formatIsoUtc(romeStartOfDay({2026, 10, 25})) == "2026-10-24T22:00:00Z");
    CHECK(formatIsoUtc(romeStartOfDay({2026, 10, 26})) == "2026-10-25T23:00:00Z");
    // The DST days are 23 and 25 hours long.
    CHECK(romeStartOfDay({2026, 3, 30}) - romeStartOfDay({2026, 3, 29}) == 23 * 3600);
    CHECK(romeStartOfDay({2026, 10, 26}) - romeStartOfDay({2026, 10, 25}) == 25 * 3600);
}

TEST_CASE("Rome local time of an instant", "[time]") {
    const auto l = romeLocal(*parseIsoInstant("2026-07-01T22:30:00Z"));
    CHECK(l.date == CivilDate{2026, 7, 2});
    CHECK(l.hour == 0);
    CHECK(l.minute == 30);
    CHECK(romeDate(*parseIsoInstant("2026-01-15T23:00:00Z")) == CivilDate{2026, 1, 16});
    CHECK(romeDate(*parseIsoInstant("2026-01-15T22:59:59Z")) == CivilDate{2026, 1, 15});
    CHECK(formatIsoRome(*parseIsoInstant("2026-07-01T22:30:00Z")) == "2026-07-02T00:30:00+02:00");
}

TEST_CASE("ISO 8601 instants in every shape feeds use", "[time]") {
    CHECK(parseIsoInstant("2026-05-19T10:00:00Z") == parseIsoInstant("2026-05-19T12:00:00+02:00"));
    CHECK(parseIsoInstant("2026-05-19T12:00:00+02") == parseIsoInstant("2026-05-19T10:00:00Z"));
    CHECK(parseIsoInstant("2026-05-19T12:00:00+0200") == parseIsoInstant("2026-05-19T10:00:00Z"));
    CHECK(parseIsoInstant("2026-05-19T12:00:00.250+02:00") == parseIsoInstant("2026-05-19T10:00:00Z"));
    // No zone: Rome wall-clock time.
    CHECK(parseIsoInstant("2026-05-19T12:00:00") == parseIsoInstant("2026-05-19T10:00:00Z"));
    CHECK(parseIsoInstant("2026-01-19") == parseIsoInstant("2026-01-18T23:00:00Z"));
    CHECK_FALSE(parseIsoInstant("2026-02-30"));
    CHECK_FALSE(parseIsoInstant("yesterday"));
    CHECK_FALSE(parseIsoInstant("2026-05-19T25:00:00Z"));
    CHECK_FALSE(parseIsoInstant(""));
}

TEST_CASE("RFC 822 dates with odd spacing and zones", "[time]") {
    CHECK(parseRfc822("Tue, 19 May 2026 00:00:00 +0000") == parseIsoInstant("2026-05-19T00:00:00Z"));
    CHECK(parseRfc822("Fri, 14 Apr 2017 00:00:00  +0200") == parseIsoInstant("2017-04-13T22:00:00Z"));
    CHECK(parseRfc822("  14 Apr 2017 10:00 GMT") == parseIsoInstant("2017-04-14T10:00:00Z"));
    CHECK(parseRfc822("Mon,  2 Mar 2026 09:00:00   +0100") == parseIsoInstant("2026-03-02T08:00:00Z"));
    CHECK(parseRfc822("2 Mar 26 09:00:00 CET") == parseIsoInstant("2026-03-02T08:00:00Z"));
    CHECK(parseRfc822("Sun, 01 Nov 2026 12:00:00 EST") == parseIsoInstant("2026-11-01T17:00:00Z"));
    CHECK_FALSE(parseRfc822("31 Feb 2026 10:00:00 +0000"));
    CHECK_FALSE(parseRfc822("19/05/2026"));
    CHECK_FALSE(parseRfc822("Tue, 19 Mag 2026 10:00:00 +0000"));  // Italian month names are not RFC 822
}

TEST_CASE("dd/mm/yyyy dates", "[time]") {
    CHECK(parseDayMonthYear("19/05/2026") == CivilDate{2026, 5, 19});
    CHECK(parseDayMonthYear("3-6-2026") == CivilDate{2026, 6, 3});
    CHECK(parseDayMonthYear("03.06.2026 ") == CivilDate{2026, 6, 3});
    CHECK_FALSE(parseDayMonthYear("31/06/2026"));
    CHECK_FALSE(parseDayMonthYear("19/05/26"));
    CHECK_FALSE(parseDayMonthYear("2026/05/19"));
}

// Found by the calendar fuzzer: an event in year 2^31 made the summer-time rule step back from
// day 31 forever (signed overflow). Instants outside years 1..9999 are clamped instead.
TEST_CASE("Rome time of instants far outside any real content is defined", "[time][fuzz]") {
    const UnixSeconds huge = 67767976233532800;  // about year 2^31
    CHECK(romeOffsetAt(huge) == 3600);
    CHECK(romeOffsetAt(-huge) == 3600);
    CHECK(romeLocal(huge).date == CivilDate{9999, 12, 31});
    CHECK(romeLocal(INT64_MIN).date.year == 1);
    CHECK(romeLocal(INT64_MAX).date.year == 9999);
}
