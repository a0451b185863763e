#include "ui/filter_chips.h"
#include "ui/i18n.h"

#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace vt {

namespace {
constexpr const char* kCheck = "\xE2\x9C\x93 ";  // ✓
}

float filterChipHeight(const Ui& ui) {
    return std::max(ui.met().touchMin, std::round(ui.fonts().bodyBold->FontSize * 1.6f));
}

int drawFilterChips(Ui& ui, const std::vector<FilterChip>& chips, int selected, float width, bool oneColumn) {
    const Metrics& m = ui.met();
    const Palette& p = ui.pal();
    ImFont* f = ui.fonts().bodyBold;
    const float fs = ui.fonts().body->FontSize;
    const float h = filterChipHeight(ui);
    const float pad = m.mm(4.0f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    float x = origin.x, y = origin.y;
    int tapped = -1;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (size_t i = 0; i < chips.size(); ++i) {
        const bool on = static_cast<int>(i) == selected;
        // Names come from the feed; only the kiosk's own ("Tutti") are in the catalog.
        const std::string name = tr(chips[i].name.c_str());
        const std::string label = (on ? std::string(kCheck) : std::string()) + name;
        const std::string count = std::to_string(chips[i].count);
        const float lw = f->CalcTextSizeA(fs, FLT_MAX, 0, label.c_str()).x;
        const float cw = f->CalcTextSizeA(fs, FLT_MAX, 0, count.c_str()).x;
        const float pillW = cw + m.mm(4.0f);
        const float pillInset = std::round(h * 0.3f);  // clear of the chip's rounded end
        float w = oneColumn ? width : std::min(width, std::ceil(lw + pillW + m.mm(3.0f) + pad + pillInset));
        if (!oneColumn && x > origin.x && x + w > origin.x + width) {
            x = origin.x;
            y += h + m.gap;
        }
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        ImGui::PushID(static_cast<int>(i));
        bool held = false;
        if (widgets::pressArea("##chip", ImVec2(w, h), &held)) tapped = static_cast<int>(i);
        ImGui::PopID();
        const ImVec2 max(x + w, y + h);
        const float round = h * 0.5f;
        if (on) {
            dl->AddRectFilled(ImVec2(x, y), max, held ? p.primaryDark : p.primary, round);
        } else {
            dl->AddRectFilled(ImVec2(x, y), max, held ? p.surfacePressed : p.surface, round);
            dl->AddRect(ImVec2(x, y), max, p.primary, round, 0, std::max(2.0f, m.mm(0.6f)));
        }
        const ImU32 fg = on ? p.textOnPrimary : p.primary;
        const float ty = y + std::floor((h - fs) * 0.5f);
        const float avail = w - pad - pillInset - pillW - m.mm(3.0f);
        widgets::clampedText(dl, f, fg, ImVec2(x + pad, ty), avail, label, 1);
        // The count in a pill of the opposite colours, apart from the name.
        const ImVec2 pmin(max.x - pillInset - pillW, y + m.mm(2.0f));
        const ImVec2 pmax(max.x - pillInset, max.y - m.mm(2.0f));
        dl->AddRectFilled(pmin, pmax, on ? p.surface : p.primary, (pmax.y - pmin.y) * 0.5f);
        dl->AddText(f, fs, ImVec2(pmin.x + std::floor((pillW - cw) * 0.5f), ty),
                    on ? p.primary : p.textOnPrimary, count.c_str());
        const std::string spoken = fillIn(chips[i].count == 1 ? tr("{0} atto") : tr("{0} atti"), {count}) +
                                   (on ? std::string(", ") + tr("selezionato") : "");
        ui.tree.add(Role::Button, name, spoken, widgets::visibleRect(ImVec2(x, y), max), true);
        if (oneColumn)
            y += h + m.gap;
        else
            x += w + m.gap;
    }
    if (!chips.empty() && !oneColumn) y += h + m.gap;
    ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
    ImGui::Dummy(ImVec2(width, 0));
    return tapped;
}

}  // namespace vt
