// When a piece of content is on: a validity window (instants) and optional dayparting windows
// on the Rome wall clock (OpeningHours syntax: weekday sets, ranges past midnight, dated rules).
// Wall-clock semantics, as Anthias does: "07:00-09:00" means 07:00 local on the DST days too.
#pragma once

#include "core/schedule/opening_hours.h"

#include <optional>

namespace vt {

struct Daypart {
    std::optional<UnixSeconds> validFrom;   // inclusive
    std::optional<UnixSeconds> validUntil;  // exclusive
    std::optional<OpeningHours> windows;    // empty: all day

    bool activeAt(UnixSeconds t, const HolidayCalendar& holidays) const;
    // The next instant after t when activeAt changes; empty when it never does (within a year).
    std::optional<UnixSeconds> nextChange(UnixSeconds t, const HolidayCalendar& holidays) const;
};

// The earlier of two optional instants.
std::optional<UnixSeconds> earliest(std::optional<UnixSeconds> a, std::optional<UnixSeconds> b);

}  // namespace vt
