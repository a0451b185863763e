#include "core/schedule/holidays.h"

namespace vt {

CivilDate easterSunday(int y) {
    const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
    const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return {y, month, day};
}

bool HolidayCalendar::isHoliday(CivilDate d) const {
    // Fixed national holidays: Capodanno, Epifania, Liberazione, Lavoro, Repubblica, Ferragosto,
    // Ognissanti, Immacolata, Natale, Santo Stefano.
    static constexpr int kFixed[][2] = {{1, 1},  {1, 6},  {4, 25}, {5, 1},   {6, 2},
                                        {8, 15}, {11, 1}, {12, 8}, {12, 25}, {12, 26}};
    for (const auto& md : kFixed)
        if (d.month == md[0] && d.day == md[1]) return true;
    const CivilDate easter = easterSunday(d.year);
    if (d == easter || d == addDays(easter, 1)) return true;
    return m_patron && m_patron->month == d.month && m_patron->day == d.day;
}

}  // namespace vt
