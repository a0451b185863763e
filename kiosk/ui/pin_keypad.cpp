#include "ui/pin_keypad.h"
#include "ui/i18n.h"

#include "ui/widgets.h"

#include <cmath>

namespace vt {

void PinKeypad::reset() {
    m_digits.clear();
    m_message.clear();
}

PinKeypad::Outcome PinKeypad::draw(ScreenEnv& env, PinGuard& guard) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    const float width = std::min(env.size.x - 2 * m.margin, m.mm(140.0f));
    const float left = env.pos.x + std::floor((env.size.x - width) * 0.5f);
    ImGui::SetCursorScreenPos(ImVec2(left, env.pos.y + m.mm(8.0f)));
    ImGui::BeginGroup();
    widgets::text(ui, ui.fonts().title, ui.pal().text, tr("Manutenzione"), Role::Heading, width);
    widgets::text(ui, ui.fonts().body, ui.pal().textMuted,
                  std::string(tr("Inserisci il PIN")) + " \xC2\xB7 " + tr("Inserisci il PIN", kOther),
                  Role::Text, width);
    std::string dots;
    for (size_t i = 0; i < m_digits.size(); ++i) dots += "\xE2\x97\x8F ";  // ●
    widgets::text(ui, ui.fonts().title, ui.pal().text, dots.empty() ? " " : dots, Role::Status, width);
    if (!m_message.empty())
        widgets::text(ui, ui.fonts().bodyBold, ui.pal().danger, m_message, Role::Status, width);
    ImGui::Dummy(ImVec2(0, m.mm(4.0f)));

    Outcome outcome = Outcome::Open;
    const float kw = (width - 2 * m.gap) / 3.0f;
    const float kh = std::max(m.mm(18.0f), ui.fonts().title->FontSize * 1.6f);
    static const char* kKeys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", tr("Cancella", kMarkOnly),
                                  "0", "OK"};
    const bool locked = guard.lockedAt(ui.now);
    for (int i = 0; i < 12; ++i) {
        if (i % 3) ImGui::SameLine(0, m.gap);
        const std::string id = std::string("##key") + kKeys[i];
        const bool isDigit = i != 9 && i != 11;
        if (!widgets::button(ui, id.c_str(), tr(kKeys[i]), "", ImVec2(kw, kh),
                             isDigit ? widgets::ButtonStyle::Secondary : widgets::ButtonStyle::Primary) ||
            locked)
            continue;
        if (isDigit) {
            if (m_digits.size() < 12) m_digits += kKeys[i];
            m_message.clear();
        } else if (i == 9) {
            m_digits.clear();
        } else {
            switch (guard.check(m_digits, ui.now)) {
                case PinGuard::Result::Ok:
                    outcome = Outcome::Granted;
                    break;
                case PinGuard::Result::Wrong:
                    m_message = fillIn(tr("PIN errato: ancora {0} tentativi"),
                                       {std::to_string(guard.attemptsLeft())});
                    break;
                case PinGuard::Result::LockedOut:
                case PinGuard::Result::NotConfigured:
                    break;
            }
            m_digits.clear();
        }
    }
    if (guard.lockedAt(ui.now)) {
        const long minutes = (guard.lockedUntil() - ui.now + 59) / 60;
        m_message = fillIn(minutes == 1 ? tr("Troppi tentativi: riprova tra {0} minuto")
                                        : tr("Troppi tentativi: riprova tra {0} minuti"),
                           {std::to_string(minutes)});
    }
    ImGui::Dummy(ImVec2(0, m.mm(4.0f)));
    if (widgets::button(ui, "##pin-cancel", tr("Annulla"), tr("Annulla", kOther), ImVec2(width, kh),
                        widgets::ButtonStyle::Quiet))
        outcome = Outcome::Cancelled;
    ImGui::EndGroup();
    if (outcome != Outcome::Open) reset();
    return outcome;
}

}  // namespace vt
