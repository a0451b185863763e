// Events from iCalendar (RFC 5545) through libical: recurrences (RRULE, RDATE, EXDATE, moved
// occurrences with RECURRENCE-ID), time zones (VTIMEZONE/TZID, shown on the Rome clock) and
// all-day events (Rome calendar days). Occurrences are expanded at query time, so a kiosk that
// stays offline for months still shows the right dates.
#pragma once

#include "core/model/import_report.h"
#include "core/store/database.h"
#include "core/util/civil_time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vt {

// One VEVENT as stored: its text wrapped in a VCALENDAR with the VTIMEZONEs it needs.
struct CalendarEvent {
    std::string uid;  // UID, or "UID#rid=<unix seconds>" for a moved occurrence
    std::string summary, description, location, url;
    UnixSeconds firstStart = 0;
    std::optional<UnixSeconds> lastEnd;  // empty: recurs forever
    std::string ical;
};

struct CalendarParse {
    std::vector<CalendarEvent> events;
    ImportReport report;
};

CalendarParse parseCalendar(std::string_view bytes, const std::string& sourceName);

struct EventOccurrence {
    std::int64_t eventId = 0;
    std::string uid, summary, description, location, url;
    UnixSeconds start = 0, end = 0;  // [start, end); all-day: Rome midnights
    bool allDay = false;
    bool recurring = false;
};

// Occurrences of one stored event overlapping [from, to).
std::vector<EventOccurrence> expandEvent(const CalendarEvent& e, UnixSeconds from, UnixSeconds to);

struct EventImportResult {
    int inserted = 0, updated = 0, unchanged = 0, removed = 0;
};
EventImportResult storeEvents(Database& db, const std::string& source,
                              const std::vector<CalendarEvent>& events, UnixSeconds now);
// Every occurrence overlapping [from, to), by start time.
std::vector<EventOccurrence> listEvents(const Database& db, UnixSeconds from, UnixSeconds to);

// Rome-calendar ranges for the Events screen: today, this week (Monday to Sunday), this month.
struct TimeRange {
    UnixSeconds from = 0, to = 0;
};
TimeRange todayRange(UnixSeconds t);
TimeRange weekRange(UnixSeconds t);
TimeRange monthRange(UnixSeconds t);

}  // namespace vt
