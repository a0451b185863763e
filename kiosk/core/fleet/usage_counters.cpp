#include "core/fleet/usage_counters.h"

namespace vt {

void UsageCounters::screenOpened(const std::string& screen) {
    std::lock_guard lock(m_mutex);
    if (m_pending.screensOpened.size() < 64 || m_pending.screensOpened.count(screen))
        ++m_pending.screensOpened[screen];
}

void UsageCounters::searchWithoutResult() {
    std::lock_guard lock(m_mutex);
    ++m_pending.searchesWithoutResult;
}

void UsageCounters::feedback(int face) {
    std::lock_guard lock(m_mutex);
    if (face == 1)
        ++m_pending.feedbackNo;
    else if (face == 2)
        ++m_pending.feedbackPartly;
    else if (face == 3)
        ++m_pending.feedbackYes;
}

UsageSnapshot UsageCounters::take() {
    std::lock_guard lock(m_mutex);
    UsageSnapshot out = std::move(m_pending);
    m_pending = {};
    out.framesTotal = m_frames.load();
    out.frames = out.framesTotal - m_framesTaken;
    m_framesTaken = out.framesTotal;
    return out;
}

}  // namespace vt
