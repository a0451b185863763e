#include "ui/kiosk_ui.h"

#include "ui/chrome.h"

namespace vt {

void KioskUi::frame(Ui& ui) {
    ui.tree.beginFrame();
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("##kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    m_nav.consumeChanged();
    const Metrics& m = ui.met();
    const bool atHome = m_nav.current().screen == ScreenId::Home;
    const float headerH = m.headerHeight;
    const float navH = atHome ? 0.0f : m.navHeight;
    ScreenEnv env{ui, m_nav, m_session, m_config, m_db, m_contentVersion, ImVec2(0, headerH),
                  ImVec2(io.DisplaySize.x, io.DisplaySize.y - headerH - navH)};
    drawHeader(env, ImVec2(0, 0), ImVec2(io.DisplaySize.x, headerH));
    const Route route = m_nav.current();
    switch (route.screen) {
        case ScreenId::Home: m_home.draw(env); break;
        case ScreenId::AlboList: m_albo.draw(env); break;
        case ScreenId::ActDetail: m_act.draw(env, route.id); break;
    }
    if (!atHome) drawNavBar(env, ImVec2(0, io.DisplaySize.y - navH), ImVec2(io.DisplaySize.x, navH));
    ImGui::End();
}

}  // namespace vt
