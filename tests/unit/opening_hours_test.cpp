#include "core/schedule/opening_hours.h"
#include "core/offices/office.h"
#include "core/schedule/daypart.h"
#include "core/schedule/holidays.h"

#include <catch2/catch.hpp>

using namespace vt;

namespace {
UnixSeconds at(const char* iso) {
    return *parseIsoInstant(iso);
}
const HolidayCalendar kItaly;
}  // namespace

TEST_CASE("Easter and the Italian public holidays, patron saint included", "[schedule][holidays]") {
    CHECK(easterSunday(2026) == CivilDate{2026, 4, 5});
    CHECK(easterSunday(2027) == CivilDate{2027, 3, 28});
    CHECK(easterSunday(2024) == CivilDate{2024, 3, 31});
    CHECK(kItaly.isHoliday({2027, 3, 29}));  // Easter Monday 2027
    CHECK(kItaly.isHoliday({2026, 4, 6}));
    CHECK_FALSE(kItaly.isHoliday({2027, 3, 30}));
    for (CivilDate d : {CivilDate{2026, 1, 6}, CivilDate{2026, 4, 25}, CivilDate{2026, 6, 2},
                        CivilDate{2026, 12, 8}, CivilDate{2026, 12, 26}})
        CHECK(kItaly.isHoliday(d));
    const HolidayCalendar withPatron(CivilDate{2000, 12, 6});
    CHECK(withPatron.isHoliday({2026, 12, 6}));
    CHECK_FALSE(kItaly.isHoliday({2026, 12, 6}));
}

TEST_CASE("opening hours: several intervals, next opening over a weekend and a holiday",
          "[schedule][hours]") {
    const OpeningHours oh = OpeningHours::parse("Mo-Fr 08:30-12:30,14:30-17:00; PH off");
    OpenStatus s = oh.statusAt(at("2026-11-23T10:00:00+01:00"), kItaly);  // Monday
    CHECK(s.open);
    CHECK(s.closesAt == at("2026-11-23T12:30:00+01:00"));
    CHECK(formatOpenStatusIt(s, at("2026-11-23T10:00:00+01:00")) == "Aperto ora · chiude alle 12:30");
    s = oh.statusAt(at("2026-11-23T13:00:00+01:00"), kItaly);
    CHECK_FALSE(s.open);
    CHECK(s.opensAt == at("2026-11-23T14:30:00+01:00"));
    CHECK(formatOpenStatusIt(s, at("2026-11-23T13:00:00+01:00")) == "Apre oggi alle 14:30");
    s = oh.statusAt(at("2026-11-27T18:00:00+01:00"), kItaly);  // Friday evening
    CHECK(s.opensAt == at("2026-11-30T08:30:00+01:00"));
    CHECK(formatOpenStatusIt(s, at("2026-11-27T18:00:00+01:00")) == "Apre lunedì alle 8:30");
    // Easter Monday 2027 is closed: from Saturday, the next opening is Tuesday.
    s = oh.statusAt(at("2027-03-27T10:00:00+01:00"), kItaly);
    CHECK(s.opensAt == at("2027-03-30T08:30:00+02:00"));
    CHECK(formatOpenStatusIt(oh.statusAt(at("2027-03-29T20:00:00+02:00"), kItaly),
                             at("2027-03-29T20:00:00+02:00")) == "Apre domani alle 8:30");
}

TEST_CASE("opening hours: dated exceptions, a month off, later rules override", "[schedule][hours]") {
    const OpeningHours oh =
        OpeningHours::parse("Mo-Fr 08:30-12:30; PH off; 2026 Dec 24 off; Dec 31 09:00-11:00; Aug off");
    CHECK(oh.rangesOn({2026, 12, 24}, kItaly).empty());
    CHECK(oh.rangesOn({2027, 12, 24}, kItaly).size() == 1);  // only 2026 is excepted
    REQUIRE(oh.rangesOn({2026, 12, 31}, kItaly).size() == 1);
    CHECK(oh.rangesOn({2026, 12, 31}, kItaly)[0].start == 9 * 60);
    CHECK(oh.rangesOn({2026, 8, 3}, kItaly).empty());
    // Christmas Eve 2026 (Thursday): 25 and 26 are holidays, then the weekend.
    const OpenStatus s = oh.statusAt(at("2026-12-24T10:00:00+01:00"), kItaly);
    CHECK_FALSE(s.open);
    CHECK(s.opensAt == at("2026-12-28T08:30:00+01:00"));
    const OpenStatus far = oh.statusAt(at("2026-07-31T13:00:00+02:00"), kItaly);
    CHECK(formatOpenStatusIt(far, at("2026-07-31T13:00:00+02:00")) == "Apre il 1 settembre alle 8:30");
    CHECK(formatOpenStatusIt(OpeningHours::parse("24/7").statusAt(at("2026-07-31T13:00:00+02:00"), kItaly),
                             at("2026-07-31T13:00:00+02:00")) == "Aperto 24 ore su 24");
    CHECK(formatOpenStatusIt(OpeningHours::parse("off").statusAt(at("2026-07-31T13:00:00+02:00"), kItaly),
                             at("2026-07-31T13:00:00+02:00")) == "Chiuso");
}

TEST_CASE("opening hours: ranges past midnight belong to the day they start", "[schedule][hours]") {
    const OpeningHours oh = OpeningHours::parse("Fr,Sa 22:00-02:00");
    CHECK(oh.isOpen(at("2026-11-28T01:00:00+01:00"), kItaly));        // Saturday night, from Friday
    CHECK(oh.isOpen(at("2026-11-29T01:59:00+01:00"), kItaly));        // Sunday night, from Saturday
    CHECK_FALSE(oh.isOpen(at("2026-11-30T01:00:00+01:00"), kItaly));  // Monday
    CHECK_FALSE(oh.isOpen(at("2026-11-27T21:59:00+01:00"), kItaly));
    const OpenStatus s = oh.statusAt(at("2026-11-27T23:00:00+01:00"), kItaly);
    CHECK(s.closesAt == at("2026-11-28T02:00:00+01:00"));
    CHECK(formatOpenStatusIt(s, at("2026-11-27T23:00:00+01:00")) == "Aperto ora · chiude sabato alle 2:00");
    CHECK(oh.nextChange(at("2026-11-28T03:00:00+01:00"), kItaly) == at("2026-11-28T22:00:00+01:00"));
}

TEST_CASE("opening hours on the DST days are wall-clock times", "[schedule][hours][dst]") {
    const OpeningHours night = OpeningHours::parse("Mo-Su 01:00-04:00");
    // 29 March 2026: 02:00 CET jumps to 03:00 CEST, so the window lasts two hours.
    auto spans = night.spans(at("2026-03-29T00:00:00+01:00"), at("2026-03-29T12:00:00+02:00"), kItaly);
    REQUIRE(spans.size() == 1);
    CHECK(spans[0].start == at("2026-03-29T01:00:00+01:00"));
    CHECK(spans[0].end == at("2026-03-29T04:00:00+02:00"));
    CHECK(spans[0].end - spans[0].start == 2 * 3600);
    // 25 October 2026: 03:00 CEST falls back to 02:00 CET, so it lasts four hours.
    spans = night.spans(at("2026-10-25T00:00:00+02:00"), at("2026-10-25T12:00:00+01:00"), kItaly);
    REQUIRE(spans.size() == 1);
    CHECK(spans[0].end - spans[0].start == 4 * 3600);
    // A window starting inside the skipped hour starts when the clock shows 03:00.
    const OpeningHours skipped = OpeningHours::parse("Su 02:00-03:30");
    spans = skipped.spans(at("2026-03-29T00:00:00+01:00"), at("2026-03-30T00:00:00+02:00"), kItaly);
    REQUIRE(spans.size() == 1);
    CHECK(spans[0].start == at("2026-03-29T03:00:00+02:00"));
    CHECK(spans[0].end == at("2026-03-29T03:30:00+02:00"));
    // The daily 08:30 opening is at 08:30 local on both sides of the change.
    const OpeningHours office = OpeningHours::parse("Mo-Su 08:30-12:30");
    CHECK(office.statusAt(at("2026-03-28T20:00:00+01:00"), kItaly).opensAt ==
          at("2026-03-29T08:30:00+02:00"));
    CHECK(office.statusAt(at("2026-10-24T20:00:00+02:00"), kItaly).opensAt ==
          at("2026-10-25T08:30:00+01:00"));
}

TEST_CASE("opening hours: blanks around commas are tolerated", "[schedule][hours]") {
    const OpeningHours oh = OpeningHours::parse("Mo , We 08:30-12:30, 14:30-17:00 ; PH off;");
    const auto ranges = oh.rangesOn({2026, 11, 25}, kItaly);  // Wednesday
    REQUIRE(ranges.size() == 2);
    CHECK(ranges[1].start == 14 * 60 + 30);
    CHECK(oh.rangesOn({2026, 11, 24}, kItaly).empty());
}

TEST_CASE("opening hours syntax errors name the rule and the word", "[schedule][hours]") {
    for (const char* bad : {"Mo-Fr 8.30-12.30", "Xx 08:00-12:00", "Mo-Fr 08:00-25:00", "Dec 32 off",
                            "Mo-Fr 08:00-12:00 extra", ""}) {
        INFO(bad);
        CHECK_THROWS_AS(OpeningHours::parse(bad), OpeningHoursError);
    }
    try {
        OpeningHours::parse("Mo-Fr 08:30-12:30; Tu 14:30-1700");
        FAIL("no error");
    } catch (const OpeningHoursError& e) {
        CHECK(std::string(e.what()) == "rule 2 (\"Tu 14:30-1700\"): cannot read \"14:30-1700\"");
    }
}

TEST_CASE("daypart: validity window combined with weekday windows", "[schedule][daypart]") {
    Daypart d;
    d.validFrom = at("2026-12-01T00:00:00+01:00");
    d.validUntil = at("2026-12-05T00:00:00+01:00");
    d.windows = OpeningHours::parse("Mo-Fr 07:00-09:00");
    CHECK_FALSE(d.activeAt(at("2026-11-30T08:00:00+01:00"), kItaly));  // before validity
    CHECK(d.activeAt(at("2026-12-01T08:00:00+01:00"), kItaly));
    CHECK_FALSE(d.activeAt(at("2026-12-01T10:00:00+01:00"), kItaly));
    CHECK(d.nextChange(at("2026-11-20T10:00:00+01:00"), kItaly) == at("2026-12-01T07:00:00+01:00"));
    CHECK(d.nextChange(at("2026-12-01T08:00:00+01:00"), kItaly) == at("2026-12-01T09:00:00+01:00"));
    CHECK(d.nextChange(at("2026-12-04T10:00:00+01:00"), kItaly) ==
          std::nullopt);  // next window is after the end
    CHECK(d.nextChange(at("2026-12-06T10:00:00+01:00"), kItaly) == std::nullopt);
    Daypart always;
    always.validUntil = at("2026-12-05T00:00:00+01:00");
    CHECK(always.nextChange(at("2026-12-01T08:00:00+01:00"), kItaly) == always.validUntil);
}
