#include "core/events/event_lookup.h"

namespace vt {

std::optional<EventOccurrence> nextOccurrence(const Database& db, std::int64_t eventId, UnixSeconds from) {
    constexpr UnixSeconds kHorizon = 400 * 86400;
    // listEvents applies moved and cancelled occurrences; it is sorted by start.
    for (EventOccurrence& o : listEvents(db, from, from + kHorizon))
        if (o.eventId == eventId && o.end > from) return std::move(o);
    return std::nullopt;
}

}  // namespace vt
