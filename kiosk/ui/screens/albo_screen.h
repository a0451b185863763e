// The albo pretorio: the acts inside their publication window now, newest first.
#pragma once

#include "ui/act_card.h"
#include "ui/screen_env.h"
#include "ui/touch_scroller.h"

#include <vector>

namespace vt {

class AlboScreen {
public:
    void draw(ScreenEnv& env);

private:
    void reload(ScreenEnv& env);

    std::vector<ActCard> m_cards;
    std::uint64_t m_loadedVersion = ~0ull;
    CivilDate m_loadedDay;
    TouchScroller m_scroller;
};

}  // namespace vt
