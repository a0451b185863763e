// Dates and numbers as an Italian reader expects them on screen.
#pragma once

#include "core/util/civil_time.h"

#include <string>

namespace vt {

const char* italianWeekday(int weekdayMondayZero);  // "lunedì"
const char* italianMonth(int month);                // "novembre"
std::string formatDateShortIt(CivilDate d);         // "23/11/2026"
std::string formatDateLongIt(CivilDate d);          // "23 novembre 2026"
std::string formatDateWithWeekdayIt(CivilDate d);   // "lunedì 23 novembre 2026"
std::string formatTimeIt(int hour, int minute);     // "8:05" -> "08:05"
std::string formatBytesIt(long long bytes);         // "1,2 MB"

}  // namespace vt
