// Dates, times and numbers as a reader of the visitor's language expects them. Both languages
// use the 24-hour clock (Europe) and day-month-year; English writes "Monday 23 November 2026"
// and a decimal point, Italian "lunedì 23 novembre 2026" and a decimal comma.
#pragma once

#include "core/i18n/language.h"
#include "core/offices/office.h"
#include "core/util/civil_time.h"

#include <initializer_list>
#include <string>
#include <string_view>

namespace vt {

const char* weekdayName(int weekdayMondayZero, Language l);  // "lunedì" / "Monday"
const char* monthName(int month, Language l);                // "novembre" / "November"
std::string formatDateShort(CivilDate d, Language l);        // "23/11/2026" in both
std::string formatDateLong(CivilDate d, Language l);         // "23 novembre 2026" / "23 November 2026"
std::string formatDateWithWeekday(CivilDate d,
                                  Language l);  // "lunedì 23 novembre 2026" / "Monday 23 November 2026"
std::string formatDayMonth(CivilDate d, Language l);  // "lunedì 23 novembre" / "Monday 23 November"
std::string formatTime(int hour, int minute);         // "08:05" (24 h in both)
std::string formatDecimal(double value, int decimals, Language l);  // "1,5" / "1.5"
std::string formatBytes(long long bytes, Language l);               // "1,2 MB" / "1.2 MB"
// "Aperto ora · chiude alle 13:00" / "Open now · closes at 13:00".
std::string formatOpenStatus(const OpenStatus& s, UnixSeconds now, Language l);

// Fills "{0}", "{1}"... in a translated pattern: the translation may move the values around
// ("Apre {0} alle {1}" / "Opens {0} at {1}").
std::string fillIn(std::string_view pattern, std::initializer_list<std::string_view> values);

}  // namespace vt
