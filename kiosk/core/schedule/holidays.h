// Italian public holidays (national ones, Easter Monday, and the town's patron saint), used by
// opening hours ("PH off") and by the screen schedule.
#pragma once

#include "core/util/civil_time.h"

#include <optional>

namespace vt {

// Easter Sunday of a Gregorian year (anonymous Gregorian algorithm).
CivilDate easterSunday(int year);

class HolidayCalendar {
public:
    HolidayCalendar() = default;
    // The patron saint's day (month, day), a holiday in that town only.
    explicit HolidayCalendar(std::optional<CivilDate> patronDay) : m_patron(patronDay) {}
    bool isHoliday(CivilDate d) const;

private:
    std::optional<CivilDate> m_patron;  // year ignored
};

}  // namespace vt
