// Our own pointer layer: SDL finger and mouse events (and injected ones, for tests and
// `vetrina play`) become Dear ImGui 1.86 mouse state, one transition per frame, so that a tap
// whose press and release arrive together is still a press on one frame and a release on the
// next, and the pointer leaves the screen after a release so nothing stays "hovered".
#pragma once

#include <SDL.h>

#include <deque>

struct ImGuiIO;

namespace vt {

struct PointerEvent {
    enum class Type { Down, Move, Up } type;
    float x, y;
};

class TouchInput {
public:
    // Handles finger events (the first finger only) and real mouse events (mouse events that SDL
    // synthesised from touches are ignored). Returns true when the event was pointer input.
    bool handleSdlEvent(const SDL_Event& e, int windowW, int windowH);
    void inject(PointerEvent e) { m_queue.push_back(e); }
    // Writes io.MousePos and io.MouseDown[0] for this frame; call before ImGui::NewFrame().
    void applyToImGui(ImGuiIO& io);
    // More frames are needed to deliver queued input or to clear the pointer after a release.
    bool hasPending() const { return !m_queue.empty() || m_clearNext; }
    bool isDown() const { return m_down; }
    // Drops everything (e.g. when the screen wakes from sleep with a touch).
    void reset();

private:
    std::deque<PointerEvent> m_queue;
    bool m_down = false;
    bool m_clearNext = false;
    float m_x = -1, m_y = -1;
    SDL_FingerID m_finger = -1;
    bool m_fingerActive = false;
};

}  // namespace vt
