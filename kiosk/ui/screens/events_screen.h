// Events: today / this week / this month as three large tabs, a card per occurrence (day, time,
// place) and the detail of one.
#pragma once

#include "core/events/events.h"
#include "ui/screen_env.h"
#include "ui/touch_scroller.h"

#include <vector>

namespace vt {

// "sabato 28 novembre", "ore 21:00 – 23:00" / "tutto il giorno": shared with the attract loop.
std::string eventDayIt(const EventOccurrence& e);
std::string eventTimeIt(const EventOccurrence& e);

class EventsScreen {
public:
    enum class Range { Today, Week, Month };
    void drawList(ScreenEnv& env);
    // `eventKey`: an event's row id when opened from the search ("event:7"): its next occurrence.
    // Empty: the occurrence chosen on the list.
    void drawDetail(ScreenEnv& env, const std::string& eventKey = {});
    // Occurrences this month from now on (for the Home tile); loads when needed.
    int upcomingCount(ScreenEnv& env);
    // Back to "today" at the top (a new visitor).
    void reset();

private:
    void reloadIfNeeded(ScreenEnv& env);

    Range m_range = Range::Today;
    std::vector<EventOccurrence> m_events;
    std::uint64_t m_loadedVersion = ~0ull;
    CivilDate m_loadedDay;
    Range m_loadedRange = Range::Today;
    int m_monthCount = 0;
    EventOccurrence m_selected;
    bool m_found = true;  // false: the event opened by key has no occurrence left
    std::string m_openedKey;
    std::uint64_t m_openedVersion = ~0ull;
    TouchScroller m_listScroller, m_detailScroller;
};

}  // namespace vt
