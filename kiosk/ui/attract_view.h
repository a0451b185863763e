// The attract loop shown when nobody uses the kiosk: notice slides (by priority, validity and
// daypart), today's events and a large clock, crossfading, with "Tocca lo schermo per iniziare".
// Static elements move by a few pixels every minute against burn-in; between crossfades it asks
// for one frame per slide change or minute, so an idle kiosk draws almost nothing.
#pragma once

#include "core/events/events.h"
#include "core/schedule/signage.h"
#include "ui/screen_env.h"

#include <vector>

namespace vt {

constexpr double kCrossfadeSeconds = 0.8;
constexpr double kCrossfadeFps = 25.0;

class AttractView {
public:
    // The slides for a playlist and today's events (call when either changes).
    void setContent(const AttractPlaylist& playlist, std::vector<EventOccurrence> todayEvents);
    // Draws the loop, `elapsed` seconds after it started, over the area of `env`.
    void draw(ScreenEnv& env, double elapsed);
    size_t slideCount() const { return m_slides.size(); }

private:
    enum class Kind { Notice, Events, Clock };
    struct Item {
        Kind kind = Kind::Clock;
        size_t notice = 0;  // index into m_notices
        double seconds = 8;
    };
    void drawSlide(ScreenEnv& env, const Item& s, ImVec2 pos, ImVec2 size, float alpha, bool announce);

    std::vector<Notice> m_notices;
    std::vector<EventOccurrence> m_events;
    std::vector<Item> m_slides;
};

}  // namespace vt
