// Offices: a card per office with address, phone, e-mail, whether it is open now (in words) and
// the hours of this week.
#pragma once

#include "core/offices/office.h"
#include "ui/screen_env.h"
#include "ui/touch_scroller.h"

#include <vector>

namespace vt {

// "Aperto ora · chiude alle 12:30", "Chiuso ora · Apre lunedì alle 8:30", "Orari non pubblicati".
std::string officeStatusLine(const Office& o, UnixSeconds now, const HolidayCalendar& holidays);
// "08:30–12:30, 14:30–17:00" or "chiuso" for one day.
std::string officeDayHours(const Office& o, CivilDate d, const HolidayCalendar& holidays);

class OfficesScreen {
public:
    // `only`: one office's uid ("office:anagrafe", opened from the search); empty: all of them.
    void draw(ScreenEnv& env, const std::string& only = {});
    int count(ScreenEnv& env);

private:
    void reloadIfNeeded(ScreenEnv& env);

    std::vector<Office> m_offices;
    std::uint64_t m_loadedVersion = ~0ull;
    TouchScroller m_scroller;
};

}  // namespace vt
