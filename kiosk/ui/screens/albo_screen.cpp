#include "ui/screens/albo_screen.h"

#include "core/albo/albo_store.h"
#include "ui/widgets.h"

#include <cmath>

#include <imgui_internal.h>

namespace vt {

void AlboScreen::reload(ScreenEnv& env) {
    m_cards.clear();
    const CivilDate today = romeDate(env.ui.now);
    for (const Act& a : listActsAt(env.db, env.ui.now, 0, WithAttachments::No)) m_cards.push_back(ActCard::from(a, today));
    m_loadedVersion = env.contentVersion;
    m_loadedDay = today;
}

void AlboScreen::draw(ScreenEnv& env) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    if (m_loadedVersion != env.contentVersion || !(m_loadedDay == romeDate(ui.now))) reload(env);

    const float width = widgets::readableWidth(ui, env.size.x - 2 * m.margin);
    const float left = env.pos.x + std::floor((env.size.x - width) * 0.5f);
    ImGui::SetCursorScreenPos(ImVec2(left, env.pos.y + m.mm(5.0f)));
    ImGui::BeginGroup();
    widgets::text(ui, ui.fonts().title, ui.pal().text, "Albo pretorio", Role::Heading, width);
    const std::string count = m_cards.size() == 1 ? "1 atto in pubblicazione oggi"
                                                  : std::to_string(m_cards.size()) + " atti in pubblicazione oggi";
    widgets::text(ui, ui.fonts().small, ui.pal().textMuted, count + " \xC2\xB7 Official notice board", Role::Text,
                  width);
    ImGui::EndGroup();

    const float top = ImGui::GetCursorScreenPos().y + m.mm(3.0f);
    const ImVec2 listSize(env.size.x, env.pos.y + env.size.y - top);
    ImGui::SetCursorScreenPos(ImVec2(env.pos.x, top));
    ImGui::BeginChild("##albo-list", listSize, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoMove);
    if (m_cards.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(left, top + m.mm(6.0f)));
        widgets::text(ui, ui.fonts().body, ui.pal().text,
                      "Nessun atto in pubblicazione oggi.\nNo acts are being published today.", Role::Text, width);
    } else {
        const float cardH = actCardHeight(ui);
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(m_cards.size()), cardH + m.gap);
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                ImGui::SetCursorPosX(left - env.pos.x);
                const ActCard& card = m_cards[static_cast<size_t>(i)];
                if (drawActCard(ui, card, ImVec2(width, cardH))) env.nav.open({ScreenId::ActDetail, card.id, {}});
            }
        }
        ImGui::Dummy(ImVec2(0, m.mm(4.0f)));
    }
    m_scroller.update(ui);
    ImGui::EndChild();
}

}  // namespace vt
