// One act of the albo with every field, its attachments and the official link.
#pragma once

#include "core/model/act.h"
#include "ui/feedback_faces.h"
#include "ui/screen_env.h"
#include "ui/touch_scroller.h"

#include <optional>

namespace vt {

class ActScreen {
public:
    void draw(ScreenEnv& env, std::int64_t actId);

private:
    std::optional<Act> m_act;
    std::int64_t m_loadedId = 0;
    std::uint64_t m_loadedVersion = ~0ull;
    TouchScroller m_scroller;
    FeedbackFaces m_feedback;
};

}  // namespace vt
