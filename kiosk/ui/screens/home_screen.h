// Home: a welcome, one large tile per feature the kiosk has content for, and the newest acts.
#pragma once

#include "ui/act_card.h"
#include "ui/screen_env.h"
#include "ui/touch_scroller.h"

#include <vector>

namespace vt {

class HomeScreen {
public:
    // What the other screens have now, for their tiles (a tile only when there is something).
    struct Counts {
        int notices = 0, events = 0, offices = 0;
    };
    void draw(ScreenEnv& env, const Counts& counts);

private:
    struct AccessBar {
        float left = 0, width = 0, buttonH = 0, height = 0;
        int rows = 3, buttons = 4;
    };
    static AccessBar accessBarLayout(const ScreenEnv& env, float left, float width);
    static void drawAccessBar(ScreenEnv& env, const AccessBar& bar);

    std::uint64_t m_loadedVersion = ~0ull;
    CivilDate m_loadedDay;
    int m_actsToday = 0;
    int m_sheets = 0;
    std::vector<ActCard> m_newest;
    TouchScroller m_scroller;
};

}  // namespace vt
