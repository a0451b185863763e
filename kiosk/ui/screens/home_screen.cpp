#include "ui/screens/home_screen.h"

#include "core/albo/albo_store.h"
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
        env.nav.open({ScreenId::AlboList, 0});

    if (!m_newest.empty()) {
        ImGui::Dummy(ImVec2(0, m.mm(6.0f)));
        widgets::text(ui, ui.fonts().bodyBold, ui.pal().text, "Ultimi atti pubblicati \xC2\xB7 Latest acts",
                      Role::Heading, width);
        const float cardH = actCardHeight(ui);
        const float bottom = env.pos.y + env.size.y - m.mm(4.0f);
        for (const ActCard& card : m_newest) {
            if (ImGui::GetCursorScreenPos().y + cardH > bottom) break;  // never cut a card in half
            if (drawActCard(ui, card, ImVec2(width, cardH))) env.nav.open({ScreenId::ActDetail, card.id});
        }
    }
    ImGui::EndGroup();
}

}  // namespace vt
