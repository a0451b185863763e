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
    ScreenEnv env{ui, m_nav, m_session, m_actions, m_config, m_db, m_contentVersion, ImVec2(0, headerH),
                  ImVec2(io.DisplaySize.x, io.DisplaySize.y - headerH - navH)};
    if (m_startedAt == 0) m_startedAt = ui.now;
    drawHeader(env, ImVec2(0, 0), ImVec2(io.DisplaySize.x, headerH));
    detectMaintenanceGesture(ui);
    const Route route = m_nav.current();
    if (route.screen != m_lastScreen) {
        // Leaving the search finishes its query; going home forgets this visitor's choices.
        if (m_lastScreen == ScreenId::Search) m_search.leave(m_actions);
        if (route.screen == ScreenId::Home) {
            m_search.reset();
            m_services.reset();
        }
        m_lastScreen = route.screen;
    }
    if (m_keypadOpen) {
        // Nothing else on screen answers while the keypad is open.
        env.size.y += navH;
        const PinKeypad::Outcome o = m_keypad.draw(env, m_pin);
        if (o != PinKeypad::Outcome::Open) m_keypadOpen = false;
        if (o == PinKeypad::Outcome::Granted) m_nav.open({ScreenId::Maintenance, 0, {}});
        ImGui::End();
        return;
    }
    switch (route.screen) {
        case ScreenId::Home: m_home.draw(env); break;
        case ScreenId::AlboList: m_albo.draw(env); break;
        case ScreenId::ActDetail: m_act.draw(env, route.id); break;
        case ScreenId::Services: m_services.draw(env); break;
        case ScreenId::SheetList: m_sheetList.draw(env, route.key); break;
        case ScreenId::SheetDetail: m_sheet.draw(env, route.key); break;
        case ScreenId::Search: m_search.draw(env, route.key); break;
        case ScreenId::Maintenance:
            env.size.y += navH;
            if (m_maintenance.draw(env, m_startedAt)) m_nav.home();
            break;
    }
    if (!atHome && route.screen != ScreenId::Maintenance)
        drawNavBar(env, ImVec2(0, io.DisplaySize.y - navH), ImVec2(io.DisplaySize.x, navH));
    ImGui::End();
}

void KioskUi::detectMaintenanceGesture(Ui& ui) {
    const ImGuiIO& io = ImGui::GetIO();
    const float corner = ui.met().mm(25.0f);
    const ImVec2 start = io.MouseClickedPos[0];
    const bool inCorner = io.MouseDown[0] && start.x >= 0 && start.y >= 0 && start.x < corner &&
                          start.y < std::max(corner, ui.met().headerHeight) && io.MouseDragMaxDistanceSqr[0] < corner * corner;
    if (!inCorner || m_keypadOpen) return;
    ui.wantsFrames = true;  // keep time running while the finger rests there
    // Without a configured PIN nothing happens: there is no default way in.
    if (io.MouseDownDuration[0] >= 5.0f && m_pin.configured()) {
        m_keypadOpen = true;
        m_keypad.reset();
    }
}

}  // namespace vt
