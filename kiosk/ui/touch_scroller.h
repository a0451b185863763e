// Drag and flick scrolling for a child window on a touch screen (Dear ImGui 1.86 has none).
// A press goes Pending; past a threshold along the axis it becomes a drag that steals the active
// item from the button under the finger (so no tap fires); on release it keeps its velocity and
// decelerates, stopping cleanly at the ends. A tap during a flick stops it and is swallowed.
#pragma once

#include "ui/ui_context.h"

namespace vt {

class TouchScroller {
public:
    // Call between BeginChild and EndChild, after the contents.
    void update(Ui& ui);
    void stop();
    bool isDragging() const { return m_state == State::Moving; }

private:
    enum class State { Idle, Pending, Moving, Kinetic };
    State m_state = State::Idle;
    float m_startY = 0;
    float m_velocity = 0;  // px/s, positive scrolls down
    bool m_swallow = false;
};

}  // namespace vt
