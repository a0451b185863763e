// A common subset of the OpenStreetMap `opening_hours` syntax, evaluated on the Europe/Rome wall
// clock. Offices use it for their hours; notices use it for dayparting and the screen schedule
// for its sleep hours, so staff learn one syntax. Supported:
//   "Mo-Fr 08:30-12:30,14:30-17:00; Sa 09:00-12:00; PH off; 2026 Dec 24 off; Dec 25 off"
//   "Fr,Sa 22:00-02:00" (a range past midnight belongs to the day it starts), "24/7",
//   a selector alone ("Mo-Fr": all day), times alone (every day), "off"/"closed".
// Later rules replace earlier ones on the days they select (OSM semantics).
#pragma once

#include "core/schedule/holidays.h"
#include "core/util/civil_time.h"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vt {

class OpeningHoursError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Minutes since local midnight; `end` may exceed 1440 when the range runs past midnight.
struct MinuteRange {
    int start = 0;
    int end = 0;
};

struct OpeningRule {
    std::uint8_t weekdays = 0;  // bit 0 = Monday; 0 with no other selector = every day
    bool publicHolidays = false;
    struct DateSel {
        int year = 0;  // 0 = every year
        int month = 0;
        int dayFrom = 0, dayTo = 0;
    };
    std::vector<DateSel> dates;
    bool off = false;
    std::vector<MinuteRange> ranges;  // empty and not off: all day
};

// An open (or active) period as instants, [start, end).
struct Span {
    UnixSeconds start = 0;
    UnixSeconds end = 0;
};

struct OpenStatus {
    bool open = false;
    std::optional<UnixSeconds> closesAt;  // when open; empty = does not close within a year
    std::optional<UnixSeconds> opensAt;   // when closed; empty = does not open within a year
};

class OpeningHours {
public:
    OpeningHours() = default;
    // Throws OpeningHoursError naming the rule and the word it did not understand.
    static OpeningHours parse(std::string_view text);

    const std::string& text() const { return m_text; }
    bool empty() const { return m_rules.empty(); }
    // Local ranges of a calendar day (after the rule overrides).
    std::vector<MinuteRange> rangesOn(CivilDate d, const HolidayCalendar& holidays) const;
    OpenStatus statusAt(UnixSeconds t, const HolidayCalendar& holidays) const;
    bool isOpen(UnixSeconds t, const HolidayCalendar& holidays) const { return statusAt(t, holidays).open; }
    // The next instant after t when isOpen changes (empty: no change within a year).
    std::optional<UnixSeconds> nextChange(UnixSeconds t, const HolidayCalendar& holidays) const;
    // Open spans overlapping [from, to), merged.
    std::vector<Span> spans(UnixSeconds from, UnixSeconds to, const HolidayCalendar& holidays) const;

private:
    std::string m_text;
    std::vector<OpeningRule> m_rules;
};

// Rome instant of a day plus minutes (minutes may be >= 1440).
UnixSeconds romeInstantAt(CivilDate d, int minutes);
// "08:30" -> 510; "24:00" -> 1440.
std::optional<int> parseClockMinutes(std::string_view s);

}  // namespace vt
