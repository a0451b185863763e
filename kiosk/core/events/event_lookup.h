// One stored event for its detail screen when it is opened by id (from the search), not from
// the list of a day or week: its next occurrence.
#pragma once

#include "core/events/events.h"

#include <optional>

namespace vt {

// The first occurrence of event row `eventId` ending after `from`, within about a year; nullopt
// when the event is gone or has no occurrence left.
std::optional<EventOccurrence> nextOccurrence(const Database& db, std::int64_t eventId, UnixSeconds from);

}  // namespace vt
