#include "ui/screens/home_screen.h"

#include "core/albo/albo_store.h"
#include "core/sheets/sheet_store.h"
#include "ui/screens/services_screen.h"
#include "ui/chrome.h"
#include "ui/widgets.h"

#include <cmath>

#include <algorithm>

namespace vt {

void HomeScreen::draw(ScreenEnv& env) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    const CivilDate today = romeDate(ui.now);
    if (m_loadedVersion != env.contentVersion || !(m_loadedDay == today)) {
        m_actsToday = countActsAt(env.db, ui.now);
        // As the Services screen counts them: one per sheet, whatever its languages.
        m_sheets = static_cast<int>(listSheets(env.db, {}, env.session.language == Language::English ? "en" : "it").size());
        m_newest.clear();
        for (const Act& a : listActsAt(env.db, ui.now, 3, WithAttachments::No)) m_newest.push_back(ActCard::from(a, today));
        m_loadedVersion = env.contentVersion;
        m_loadedDay = today;
    }

    const float width = widgets::readableWidth(ui, env.size.x - 2 * m.margin);
    const float left = env.pos.x + std::floor((env.size.x - width) * 0.5f);
    ImGui::SetCursorScreenPos(ImVec2(left, env.pos.y + m.mm(8.0f)));
    ImGui::BeginGroup();
    widgets::text(ui, ui.fonts().title, ui.pal().text, "Benvenuti \xC2\xB7 Welcome", Role::Heading, width);
    widgets::text(ui, ui.fonts().body, ui.pal().textMuted, "Tocca un riquadro per iniziare", Role::Text, width);
    ImGui::Dummy(ImVec2(0, m.mm(4.0f)));

    // Tiles only for what exists: a tile leading to an empty screen would be a broken promise.
    const float tileH = std::max(m.mm(50.0f), ui.fonts().title->FontSize * 3.2f);
    const std::string detail = m_actsToday == 1 ? "1 atto in pubblicazione"
                                                : std::to_string(m_actsToday) + " atti in pubblicazione";
    if (widgets::tile(ui, "##tile-albo", "Albo pretorio", "Official notice board", detail, ImVec2(width, tileH)))
        env.nav.open({ScreenId::AlboList, 0, {}});

    // Services and search side by side: the citizen's need, by browsing or by words.
    const bool services = m_sheets > 0;
    const bool searchable = services || m_actsToday > 0;
    if (services || searchable) {
        const float half = std::floor((width - m.gap) * 0.5f);
        const float w = services && searchable ? half : width;
        if (services &&
            widgets::tile(ui, "##tile-services", "Servizi", "Services for citizens", sheetCountIt(m_sheets), ImVec2(w, tileH)))
            env.nav.open({ScreenId::Services, 0, {}});
        if (services && searchable) ImGui::SameLine(0, m.gap);
        if (searchable && widgets::tile(ui, "##tile-search", "Cerca", "Search", "Scrivi che cosa ti serve", ImVec2(w, tileH)))
            env.nav.open({ScreenId::Search, 0, {}});
    }

    if (!m_newest.empty()) {
        ImGui::Dummy(ImVec2(0, m.mm(6.0f)));
        widgets::text(ui, ui.fonts().bodyBold, ui.pal().text, "Ultimi atti pubblicati \xC2\xB7 Latest acts",
                      Role::Heading, width);
        const float cardH = actCardHeight(ui);
        const float bottom = env.pos.y + env.size.y - accessBarHeight(ui) - m.mm(4.0f);
        for (const ActCard& card : m_newest) {
            if (ImGui::GetCursorScreenPos().y + cardH > bottom) break;  // never cut a card in half
            if (drawActCard(ui, card, ImVec2(width, cardH))) env.nav.open({ScreenId::ActDetail, card.id, {}});
        }
    }
    ImGui::EndGroup();
    drawAccessBar(env, left, width);
}

float HomeScreen::accessBarHeight(const Ui& ui) {
    // Two rows of two buttons.
    return 2 * std::max(ui.met().touchMin, ui.fonts().bodyBold->FontSize * 2.2f) + ui.met().gap + 2 * ui.met().mm(4.0f);
}

void HomeScreen::drawAccessBar(ScreenEnv& env, float left, float width) {
    // Accessibility on the home screen, at the bottom (within reach seated), always in words:
    // the current state is written on the button, not shown by colour.
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    const float h = (accessBarHeight(ui) - 2 * m.mm(4.0f) - m.gap) * 0.5f;
    const float y0 = env.pos.y + env.size.y - 2 * h - m.gap - m.mm(4.0f);
    const float bw = std::floor((width - m.gap) * 0.5f);
    auto at = [&](int col, int row) { ImGui::SetCursorScreenPos(ImVec2(left + float(col) * (bw + m.gap), y0 + float(row) * (h + m.gap))); };
    static const char* kSizes[] = {"Testo normale", "Testo grande", "Testo molto grande"};
    Session& s = env.session;
    at(0, 0);
    if (widgets::button(ui, "##text-size", kSizes[static_cast<int>(s.textSize)], "Text size", ImVec2(bw, h),
                        widgets::ButtonStyle::Quiet, "Aa"))
        s.textSize = s.textSize == TextSize::Normal  ? TextSize::Large
                     : s.textSize == TextSize::Large ? TextSize::Larger
                                                     : TextSize::Normal;
    at(1, 0);
    if (widgets::button(ui, "##contrast", s.highContrast ? "Alto contrasto: s\xC3\xAC" : "Alto contrasto: no",
                        "High contrast", ImVec2(bw, h), widgets::ButtonStyle::Quiet, "\xE2\x97\x90"))
        s.highContrast = !s.highContrast;
    at(0, 1);
    if (widgets::button(ui, "##reach", s.reach ? "A portata di mano: s\xC3\xAC" : "A portata di mano: no",
                        "Within reach (seated)", ImVec2(bw, h), widgets::ButtonStyle::Quiet, "\xE2\x86\x93"))
        s.reach = !s.reach;
    if (hasReadAloud(env)) {
        at(1, 1);
        listenButton(env, ImVec2(bw, h));
    }
}

}  // namespace vt
