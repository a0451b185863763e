#include "ui/kiosk_ui.h"

#include "core/a11y/reach.h"
#include "ui/chrome.h"

#include <cfloat>

namespace vt {

void KioskUi::frame(Ui& ui) {
    ui.tree.beginFrame();
    const ImGuiIO& io = ImGui::GetIO();
    // The kiosk's area: the whole picture, or in reach mode only the band 380-1220 mm above the
    // floor, so a seated user can reach every control; above it, a plain panel says why.
    ImVec2 origin(0, 0), area = io.DisplaySize;
    if (m_session.reach) {
        const ReachBand band = reachBand(static_cast<int>(io.DisplaySize.y), ui.met().pxPerMm,
                                         m_config.display.mountBottomMm);
        if (!band.whole) {
            origin.y = band.top;
            area.y = band.bottom - band.top;
            ImDrawList* bg = ImGui::GetBackgroundDrawList();
            bg->AddRectFilled(ImVec2(0, 0), ImVec2(io.DisplaySize.x, band.top), ui.pal().primaryLight);
            if (band.bottom < io.DisplaySize.y)
                bg->AddRectFilled(ImVec2(0, band.bottom), io.DisplaySize, ui.pal().primaryLight);
            const char* note = "Modalit\xC3\xA0 a portata di mano \xE2\x86\x93 \xC2\xB7 Within reach";
            ImFont* f = ui.fonts().bodyBold;
            const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, note);
            if (band.top > ts.y + ui.met().mm(4.0f))
                bg->AddText(f, f->FontSize, ImVec2((io.DisplaySize.x - ts.x) * 0.5f, band.top - ts.y - ui.met().mm(3.0f)),
                            ui.pal().primaryDark, note);
        }
    }
    ImGui::SetNextWindowPos(origin);
    ImGui::SetNextWindowSize(area);
    ImGui::Begin("##kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    m_nav.consumeChanged();
    const Metrics& m = ui.met();
    const bool atHome = m_nav.current().screen == ScreenId::Home;
    const float headerH = m.headerHeight;
    const float navH = atHome ? 0.0f : m.navHeight;
    if (m_actions.syncOverview && (m_syncDirty || ui.now / 60 != m_syncMinute)) {
        m_sync = m_actions.syncOverview();
        m_syncDirty = false;
        m_syncMinute = ui.now / 60;
    }
    ScreenEnv env{ui, m_nav, m_session, m_actions, m_sync, m_config, m_db, m_contentVersion,
                  ImVec2(origin.x, origin.y + headerH), ImVec2(area.x, area.y - headerH - navH)};
    if (m_startedAt == 0) m_startedAt = ui.now;
    drawHeader(env, origin, ImVec2(area.x, headerH));
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
        case ScreenId::AlboList: m_albo.draw(env, route); break;
        case ScreenId::ActDetail: m_act.draw(env, route.id); break;
        case ScreenId::PdfViewer: m_pdf.draw(env, route); break;
        case ScreenId::Services: m_services.draw(env); break;
        case ScreenId::SheetList: m_sheetList.draw(env, route.key); break;
        case ScreenId::SheetDetail: m_sheet.draw(env, route.key); break;
        case ScreenId::Search: m_search.draw(env, route.key); break;
        case ScreenId::Maintenance:
            env.size.y += navH;
            if (m_maintenance.draw(env, m_startedAt)) m_nav.home();
            break;
    }
    if (route.screen != ScreenId::PdfViewer) m_pdf.leave(ui);
    if (!atHome && route.screen != ScreenId::Maintenance)
        drawNavBar(env, ImVec2(origin.x, origin.y + area.y - navH), ImVec2(area.x, navH));
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
