// Calendar dates, instants and the Europe/Rome wall clock.
//
// The albo's publication window is defined on Europe/Rome calendar days, whatever zone the
// feed's timestamps use. Italy has followed the EU summer-time rule since 1996 (last Sunday of
// March to last Sunday of October, switching at 01:00 UTC), so we compute the offset ourselves
// instead of depending on the machine's tzdata or TZ variable: results are the same on every kiosk.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vt {

using UnixSeconds = std::int64_t;

struct CivilDate {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31

    auto operator<=>(const CivilDate&) const = default;
    bool operator==(const CivilDate&) const = default;
};

struct CivilDateTime {
    CivilDate date;
    int hour = 0, minute = 0, second = 0;
};

// Days since 1970-01-01 for a proleptic Gregorian date, and back (H. Hinnant's algorithms).
std::int64_t daysFromCivil(CivilDate d);
CivilDate civilFromDays(std::int64_t days);
CivilDate addDays(CivilDate d, int days);
int weekday(CivilDate d);  // 0 = Monday .. 6 = Sunday
bool isValidDate(CivilDate d);

// Europe/Rome: UTC offset in seconds at an instant (3600 or 7200).
int romeOffsetAt(UnixSeconds t);
CivilDateTime romeLocal(UnixSeconds t);
CivilDate romeDate(UnixSeconds t);
// The instant of 00:00 of a Rome calendar day (correct on the DST change days).
UnixSeconds romeStartOfDay(CivilDate d);
// The instant of a Rome wall-clock time; in the autumn's repeated hour the first is taken,
// in the spring's skipped hour the time is pushed forward by one hour.
UnixSeconds romeToInstant(const CivilDateTime& local);

// "2026-05-19"
std::string formatDate(CivilDate d);
// Parses "YYYY-MM-DD".
std::optional<CivilDate> parseIsoDate(std::string_view s);
// "2026-05-19T10:00:00Z", "2026-05-19T10:00:00+02:00", "+02", "+0200", or a date alone
// (read as Rome 00:00). A datetime without zone is Rome wall-clock time.
std::optional<UnixSeconds> parseIsoInstant(std::string_view s);
// ISO 8601 in UTC: "2026-05-19T08:00:00Z".
std::string formatIsoUtc(UnixSeconds t);
// ISO 8601 in Rome time with offset: "2026-05-19T10:00:00+02:00".
std::string formatIsoRome(UnixSeconds t);

// RFC 822 / 1123 dates as found in real RSS feeds: optional weekday, any amount of blank space,
// 2- or 4-digit year, zone as +hhmm, +hh:mm, GMT/UT/UTC/Z, CET/CEST or a US zone.
std::optional<UnixSeconds> parseRfc822(std::string_view s);
// "dd/mm/yyyy" (also with '-' or '.'), a calendar date with no zone.
std::optional<CivilDate> parseDayMonthYear(std::string_view s);

}  // namespace vt
