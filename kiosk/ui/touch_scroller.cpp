#include "ui/touch_scroller.h"

#include <imgui_internal.h>

#include <cmath>

namespace vt {

namespace {
constexpr float kDecayPerFrame60 = 0.95f;  // velocity kept per 1/60 s
constexpr float kStopVelocity = 30.0f;     // px/s
constexpr float kMaxVelocity = 6000.0f;
}  // namespace

void TouchScroller::stop() {
    m_state = State::Idle;
    m_velocity = 0;
}

void TouchScroller::update(Ui& ui) {
    ImGuiIO& io = ImGui::GetIO();
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    const ImGuiID id = w->GetID("##touch-scroll");
    // A drag must travel ~4 mm before it scrolls: taps with a trembling finger stay taps.
    const float threshold = ui.met().mm(4.0f);
    const bool inside = w->InnerRect.Contains(io.MousePos) &&
                        ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    const float dt = io.DeltaTime > 0 ? io.DeltaTime : 1.0f / 60.0f;

    if (io.MouseClicked[0] && inside) {
        m_swallow = m_state == State::Kinetic && std::fabs(m_velocity) > 200.0f;
        m_state = State::Pending;
        m_startY = io.MousePos.y;
        m_velocity = 0;
        if (m_swallow) ImGui::SetActiveID(id, w);  // the tap that stops a flick is not a tap
    }
    if ((m_state == State::Pending || m_state == State::Moving) && io.MouseDown[0]) {
        if (m_state == State::Pending && std::fabs(io.MousePos.y - m_startY) > threshold)
            m_state = State::Moving;
        if (m_state == State::Moving || m_swallow) ImGui::SetActiveID(id, w);
        if (m_state == State::Moving) {
            const float dy = io.MouseDelta.y;
            w->Scroll.y = ImClamp(w->Scroll.y - dy, 0.0f, w->ScrollMax.y);
            const float instant = ImClamp(-dy / dt, -kMaxVelocity, kMaxVelocity);
            m_velocity = m_velocity * 0.6f + instant * 0.4f;  // smoothed over the last few frames
            ui.wantsFrames = true;
        }
    }
    if (io.MouseReleased[0] && (m_state == State::Pending || m_state == State::Moving)) {
        m_state = (m_state == State::Moving && std::fabs(m_velocity) > kStopVelocity) ? State::Kinetic
                                                                                      : State::Idle;
        if (ImGui::GetActiveID() == id) ImGui::ClearActiveID();
        m_swallow = false;
    }
    if (m_state == State::Kinetic) {
        const float next = w->Scroll.y + m_velocity * dt;
        w->Scroll.y = ImClamp(next, 0.0f, w->ScrollMax.y);
        m_velocity *= std::pow(kDecayPerFrame60, dt * 60.0f);
        if (next <= 0.0f || next >= w->ScrollMax.y || std::fabs(m_velocity) < kStopVelocity)
            stop();
        else
            ui.wantsFrames = true;
    }
}

}  // namespace vt
