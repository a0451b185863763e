#include "core/schedule/daypart.h"

namespace vt {

std::optional<UnixSeconds> earliest(std::optional<UnixSeconds> a, std::optional<UnixSeconds> b) {
    if (!a) return b;
    if (!b) return a;
    return std::min(*a, *b);
}

bool Daypart::activeAt(UnixSeconds t, const HolidayCalendar& holidays) const {
    if (validFrom && t < *validFrom) return false;
    if (validUntil && t >= *validUntil) return false;
    return !windows || windows->isOpen(t, holidays);
}

std::optional<UnixSeconds> Daypart::nextChange(UnixSeconds t, const HolidayCalendar& holidays) const {
    if (validUntil && t >= *validUntil) return std::nullopt;
    if (validFrom && t < *validFrom) {
        // Nothing shows before the window opens; then it depends on the daypart at that instant.
        if (!windows || windows->isOpen(*validFrom, holidays)) return validFrom;
        return earliest(windows->nextChange(*validFrom, holidays), validUntil);
    }
    if (activeAt(t, holidays))
        return earliest(windows ? windows->nextChange(t, holidays) : std::nullopt, validUntil);
    // Inside the validity window but outside the daypart: on at the next opening, unless it is too late.
    const std::optional<UnixSeconds> next = windows->nextChange(t, holidays);
    if (next && validUntil && *next >= *validUntil) return std::nullopt;
    return next;
}

}  // namespace vt
