#include "ui/act_card.h"

#include "core/util/italian_format.h"
#include "ui/i18n.h"
#include "ui/widgets.h"

#include <cmath>

namespace vt {

ActCard ActCard::from(const Act& a, CivilDate today) {
    ActCard c;
    c.id = a.id;
    std::string type = a.type.empty() ? tr("Atto") : a.type;
    for (auto& ch : type)
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 32);
    c.type = widgets::displayable(type);
    c.number = "N. " + a.uid;
    c.subject = widgets::displayable(a.subject);
    c.pubStart = a.pubStart;
    c.pubEnd = a.pubEnd;
    c.endsToday = a.pubEnd == today;
    c.annulled = a.annulled;
    return c;
}

float actCardHeight(const Ui& ui) {
    const Metrics& m = ui.met();
    return std::round(m.mm(8.0f) + ui.fonts().small->FontSize * 2.3f + ui.fonts().body->FontSize * 2.0f +
                      m.mm(2.0f));
}

bool drawActCard(Ui& ui, const ActCard& card, ImVec2 size) {
    const Palette& p = ui.pal();
    const Metrics& m = ui.met();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushID(static_cast<int>(card.id));
    const bool pressed = widgets::card(ui, "##act", size, widgets::CardStyle::List);
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);

    const float pad = m.mm(4.0f);
    const float x = pos.x + pad + m.mm(1.5f);
    const float innerW = size.x - 2 * pad - m.mm(1.5f);
    float y = pos.y + pad;
    ImFont* fs = ui.fonts().small;
    ImFont* fb = ui.fonts().body;
    ImFont* fbb = ui.fonts().bodyBold;
    const ImVec2 ns = fbb->CalcTextSizeA(fs->FontSize, FLT_MAX, 0, card.number.c_str());
    dl->AddText(fbb, fs->FontSize, ImVec2(max.x - pad - ns.x, y), p.text, card.number.c_str());
    widgets::clampedText(dl, fbb, p.primary, ImVec2(x, y), innerW - ns.x - m.mm(4.0f), card.type, 1);
    y += fs->FontSize * 1.15f;
    widgets::clampedText(dl, fb, p.text, ImVec2(x, y), innerW, card.subject, 2);
    y += fb->FontSize * 2.0f + m.mm(2.0f);
    const std::string dates = fillIn(tr("Dal {0} al {1}"), {formatDateShort(card.pubStart, uiLanguage()),
                                                            formatDateShort(card.pubEnd, uiLanguage())});
    dl->AddText(fs, fs->FontSize, ImVec2(x, y), p.textMuted, dates.c_str());
    if (card.annulled) {
        // An outlined badge with a cross and the word: not colour alone, and unlike "Ultimo giorno".
        const std::string word = std::string("\xE2\x9C\x97 ") + tr("ANNULLATO");  // ✗
        const ImVec2 ls = fbb->CalcTextSizeA(fs->FontSize, FLT_MAX, 0, word.c_str());
        const ImVec2 bmin(max.x - pad - ls.x - m.mm(3.0f), y - m.mm(0.5f));
        const ImVec2 bmax(max.x - pad, y + ls.y + m.mm(0.5f));
        dl->AddRectFilled(bmin, bmax, p.background, m.radius);
        dl->AddRect(bmin, bmax, p.text, m.radius, 0, std::max(2.0f, m.mm(0.6f)));
        dl->AddText(fbb, fs->FontSize, ImVec2(bmin.x + m.mm(1.5f), y), p.text, word.c_str());
    } else if (card.endsToday) {
        // Said in words, not by colour alone.
        const char* last = tr("Ultimo giorno");
        const ImVec2 ls = fbb->CalcTextSizeA(fs->FontSize, FLT_MAX, 0, last);
        const ImVec2 bmin(max.x - pad - ls.x - m.mm(3.0f), y - m.mm(0.5f));
        dl->AddRectFilled(bmin, ImVec2(max.x - pad, y + ls.y + m.mm(0.5f)), p.warning, m.radius);
        dl->AddText(fbb, fs->FontSize, ImVec2(bmin.x + m.mm(1.5f), y), p.textOnPrimary, last);
    }
    const std::string spoken =
        (card.annulled ? std::string(tr("Annullato")) + ". " : std::string()) + card.type + ", " +
        card.number + ". " + dates +
        (card.endsToday && !card.annulled ? std::string(". ") + tr("Ultimo giorno") : "");
    ui.tree.add(Role::ListItem, card.subject, spoken, widgets::visibleRect(pos, max), true);
    return pressed;
}

}  // namespace vt
