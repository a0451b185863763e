#include "platform/touch_input.h"

#include <imgui.h>

#include <cfloat>

namespace vt {

bool TouchInput::handleSdlEvent(const SDL_Event& e, int windowW, int windowH) {
    switch (e.type) {
        case SDL_FINGERDOWN:
            if (m_fingerActive) return true;  // a second finger is ignored
            m_fingerActive = true;
            m_finger = e.tfinger.fingerId;
            inject({PointerEvent::Type::Down, e.tfinger.x * static_cast<float>(windowW),
                    e.tfinger.y * static_cast<float>(windowH)});
            return true;
        case SDL_FINGERMOTION:
            if (m_fingerActive && e.tfinger.fingerId == m_finger)
                inject({PointerEvent::Type::Move, e.tfinger.x * static_cast<float>(windowW),
                        e.tfinger.y * static_cast<float>(windowH)});
            return true;
        case SDL_FINGERUP:
            if (m_fingerActive && e.tfinger.fingerId == m_finger) {
                m_fingerActive = false;
                inject({PointerEvent::Type::Up, e.tfinger.x * static_cast<float>(windowW),
                        e.tfinger.y * static_cast<float>(windowH)});
            }
            return true;
        case SDL_MOUSEBUTTONDOWN:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) return true;
            inject({PointerEvent::Type::Down, float(e.button.x), float(e.button.y)});
            return true;
        case SDL_MOUSEMOTION:
            if (e.motion.which == SDL_TOUCH_MOUSEID) return true;
            if (e.motion.state & SDL_BUTTON_LMASK)
                inject({PointerEvent::Type::Move, float(e.motion.x), float(e.motion.y)});
            return true;
        case SDL_MOUSEBUTTONUP:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) return true;
            inject({PointerEvent::Type::Up, float(e.button.x), float(e.button.y)});
            return true;
        default:
            return false;
    }
}

void TouchInput::applyToImGui(ImGuiIO& io) {
    if (m_clearNext && (m_queue.empty() || m_queue.front().type != PointerEvent::Type::Down)) {
        // The frame after a release: take the pointer away so no widget stays hovered.
        m_clearNext = false;
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        io.MouseDown[0] = false;
        return;
    }
    m_clearNext = false;
    // Moves are merged; a press or a release ends this frame's share of the queue.
    while (!m_queue.empty()) {
        const PointerEvent ev = m_queue.front();
        m_queue.pop_front();
        m_x = ev.x;
        m_y = ev.y;
        if (ev.type == PointerEvent::Type::Down) {
            m_down = true;
            break;
        }
        if (ev.type == PointerEvent::Type::Up) {
            m_down = false;
            m_clearNext = true;
            break;
        }
    }
    if (m_down || m_clearNext)
        io.MousePos = ImVec2(m_x, m_y);
    else
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    io.MouseDown[0] = m_down;
}

void TouchInput::reset() {
    m_queue.clear();
    m_down = false;
    m_clearNext = false;
    m_fingerActive = false;
}

}  // namespace vt
