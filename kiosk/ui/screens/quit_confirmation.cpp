#include "ui/screens/quit_confirmation.h"
#include "ui/i18n.h"

#include "core/util/civil_time.h"
#include "ui/widgets.h"

#include <algorithm>

#include <cmath>
#include <string>

namespace vt {

QuitChoice drawQuitConfirmation(ScreenEnv& env, int pauseMinutes) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    const float width = widgets::readableWidth(ui, env.size.x - 2 * m.margin);
    const float left = env.pos.x + std::floor((env.size.x - width) * 0.5f);
    const std::string minutes = std::to_string(pauseMinutes);
    const CivilDateTime back = romeLocal(ui.now + UnixSeconds(pauseMinutes) * 60);
    ImGui::SetCursorScreenPos(ImVec2(left, env.pos.y + m.mm(8.0f)));
    ImGui::BeginGroup();
    widgets::text(ui, ui.fonts().title, ui.pal().text, tr("Chiudere Vetrina?"), Role::Heading, width);
    widgets::text(ui, ui.fonts().body, ui.pal().textMuted, tr("Chiudere Vetrina?", kOther), Role::Text,
                  width);
    ImGui::Dummy(ImVec2(0, m.mm(3.0f)));
    widgets::text(
        ui, ui.fonts().body, ui.pal().text,
        tr("Vetrina si chiude e lascia lo schermo libero per la manutenzione: nel frattempo nessuno "
           "potr\xC3\xA0 usare il totem."),
        Role::Text, width);
    widgets::text(ui, ui.fonts().bodyBold, ui.pal().text,
                  fillIn(tr("Vetrina torna da sola tra {0} minuti (alle {1}) e a ogni riaccensione."),
                         {minutes, formatTime(back.hour, back.minute)}),
                  Role::Status, width);
    widgets::text(ui, ui.fonts().small, ui.pal().textMuted,
                  tr("Per farla tornare prima: riavvia il totem, o avvia il servizio vetrina."), Role::Text,
                  width);
    ImGui::Dummy(ImVec2(0, m.mm(6.0f)));

    // Cancel first and apart from where "Chiudi Vetrina" was: a double tap lands on "Annulla".
    QuitChoice choice = QuitChoice::Open;
    const float bh = std::max(m.mm(18.0f), ui.fonts().bodyBold->FontSize * 2.4f);
    if (widgets::button(ui, "##quit-cancel", tr("Annulla"), tr("Annulla", kOther), ImVec2(width, bh),
                        widgets::ButtonStyle::Secondary))
        choice = QuitChoice::Cancel;
    ImGui::Dummy(ImVec2(0, m.gap));
    const std::string confirm = fillIn(tr("Chiudi per {0} minuti"), {minutes});
    const std::string confirmOther = fillIn(tr("Chiudi per {0} minuti", kOther), {minutes});
    if (widgets::button(ui, "##quit-confirm", confirm, confirmOther, ImVec2(width, bh),
                        widgets::ButtonStyle::Primary))
        choice = QuitChoice::Confirm;
    ImGui::EndGroup();
    return choice;
}

}  // namespace vt
