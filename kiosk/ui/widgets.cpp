#include "ui/widgets.h"

#include "core/util/text.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace vt::widgets {

Rect visibleRect(ImVec2 min, ImVec2 max) {
    const ImRect clip = ImGui::GetCurrentWindowRead()->ClipRect;
    const float x0 = std::max(min.x, clip.Min.x), y0 = std::max(min.y, clip.Min.y);
    const float x1 = std::min(max.x, clip.Max.x), y1 = std::min(max.y, clip.Max.y);
    return {x0, y0, std::max(0.0f, x1 - x0), std::max(0.0f, y1 - y0)};
}

bool pressArea(const char* id, ImVec2 size, bool* held, bool* hovered) {
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    const ImGuiID gid = w->GetID(id);
    const ImVec2 pos = w->DC.CursorPos;
    const ImRect bb(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    ImGui::ItemSize(size);
    if (!ImGui::ItemAdd(bb, gid)) {
        if (held) *held = false;
        if (hovered) *hovered = false;
        return false;
    }
    bool h = false, hv = false;
    bool pressed = ImGui::ButtonBehavior(bb, gid, &hv, &h);
    // Belt and braces with the scroller: a press that travelled is a drag, not a tap.
    const float thr = ImGui::GetIO().MouseDragThreshold * 4.0f;
    if (pressed && ImGui::GetIO().MouseDragMaxDistanceSqr[0] > thr * thr) pressed = false;
    if (held) *held = h;
    if (hovered) *hovered = hv;
    return pressed;
}

bool card(Ui& ui, const char* id, ImVec2 size, CardStyle style) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    bool held = false, pressed = false;
    if (style == CardStyle::Static)
        ImGui::Dummy(size);
    else
        pressed = pressArea(id, size, &held);
    if (!ImGui::IsItemVisible()) return pressed;
    const Palette& p = ui.pal();
    const Metrics& m = ui.met();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    dl->AddRectFilled(pos, max, held ? p.surfacePressed : p.surface, m.radius);
    if (style == CardStyle::Outlined) {
        dl->AddRect(pos, max, p.primary, m.radius, 0, std::max(2.0f, m.mm(0.6f)));
        return pressed;
    }
    dl->AddRect(pos, max, p.border, m.radius, 0, std::max(1.0f, m.mm(0.3f)));
    if (style == CardStyle::List)
        dl->AddRectFilled(pos, ImVec2(pos.x + m.mm(1.5f), max.y), p.primary, m.radius,
                          ImDrawFlags_RoundCornersLeft);
    return pressed;
}

bool button(Ui& ui, const char* id, std::string_view label, std::string_view english, ImVec2 size,
            ButtonStyle style, std::string_view icon) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    size.y = std::max(size.y, ui.met().touchMin);
    bool held = false;
    const bool pressed = pressArea(id, size, &held);
    const Palette& p = ui.pal();
    ImU32 bg = p.primary, fg = p.textOnPrimary, border = 0;
    if (style == ButtonStyle::Primary)
        bg = held ? p.primaryDark : p.primary;
    else if (style == ButtonStyle::Secondary)
        bg = held ? p.surfacePressed : p.surface, fg = p.primary, border = p.primary;
    else
        bg = held ? p.surfacePressed : p.primaryLight, fg = p.primaryDark;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    dl->AddRectFilled(pos, max, bg, ui.met().radius);
    if (border) dl->AddRect(pos, max, border, ui.met().radius, 0, std::max(2.0f, ui.met().mm(0.6f)));
    ImFont* f1 = ui.fonts().bodyBold;
    ImFont* f2 = ui.fonts().small;
    const std::string shown =
        icon.empty() ? std::string(label) : std::string(icon) + "  " + std::string(label);
    ImVec2 s1 = f1->CalcTextSizeA(f1->FontSize, FLT_MAX, 0, shown.data(), shown.data() + shown.size());
    if (s1.x > size.x - ui.met().mm(4.0f)) {  // a long label in a narrow button: the smaller type
        f1 = ui.fonts().small;
        s1 = f1->CalcTextSizeA(f1->FontSize, FLT_MAX, 0, shown.data(), shown.data() + shown.size());
    }
    const ImVec2 s2 = english.empty() ? ImVec2(0, 0)
                                      : f2->CalcTextSizeA(f2->FontSize, FLT_MAX, 0, english.data(),
                                                          english.data() + english.size());
    const float total = s1.y + (english.empty() ? 0 : s2.y * 0.9f);
    float y = pos.y + (size.y - total) * 0.5f;
    dl->AddText(f1, f1->FontSize, ImVec2(pos.x + (size.x - s1.x) * 0.5f, y), fg, shown.data(),
                shown.data() + shown.size());
    if (!english.empty()) {
        y += s1.y * 0.92f;
        dl->AddText(f2, f2->FontSize, ImVec2(pos.x + (size.x - s2.x) * 0.5f, y), fg, english.data(),
                    english.data() + english.size());
    }
    ui.tree.add(Role::Button, label, english, visibleRect(pos, max), true);
    return pressed;
}

bool tile(Ui& ui, const char* id, std::string_view title, std::string_view english, std::string_view detail,
          ImVec2 size) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    bool held = false;
    const bool pressed = pressArea(id, size, &held);
    const Palette& p = ui.pal();
    const Metrics& m = ui.met();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    dl->AddRectFilled(pos, max, held ? p.primaryDark : p.primary, m.radius);
    const float pad = m.mm(5.0f);
    float y = pos.y + pad;
    ImFont* ft = ui.fonts().title;
    clampedText(dl, ft, p.textOnPrimary, ImVec2(pos.x + pad, y), size.x - 2 * pad, title, 2);
    y += ft->FontSize * 1.15f;
    if (!english.empty()) {
        ImFont* fs = ui.fonts().small;
        dl->AddText(fs, fs->FontSize, ImVec2(pos.x + pad, y), p.textOnPrimary, english.data(),
                    english.data() + english.size());
    }
    if (!detail.empty()) {
        ImFont* fb = ui.fonts().bodyBold;
        const float dy = max.y - pad - fb->FontSize;
        dl->AddText(fb, fb->FontSize, ImVec2(pos.x + pad, dy), p.textOnPrimary, detail.data(),
                    detail.data() + detail.size());
    }
    // An arrow says "this goes somewhere".
    ImFont* fa = ui.fonts().title;
    const char* arrow = "\xE2\x96\xB6";  // ▶
    const ImVec2 as = fa->CalcTextSizeA(fa->FontSize * 0.7f, FLT_MAX, 0, arrow);
    dl->AddText(fa, fa->FontSize * 0.7f, ImVec2(max.x - pad - as.x, max.y - pad - as.y), p.textOnPrimary,
                arrow);
    std::string spoken(english);
    if (!detail.empty()) spoken += spoken.empty() ? std::string(detail) : ". " + std::string(detail);
    ui.tree.add(Role::Tile, title, spoken, visibleRect(pos, max), true);
    return pressed;
}

void text(Ui& ui, ImFont* font, ImU32 color, std::string_view s, Role role, float wrapWidth) {
    if (wrapWidth <= 0) wrapWidth = ImGui::GetContentRegionAvail().x;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size =
        font->CalcTextSizeA(font->FontSize, FLT_MAX, wrapWidth, s.data(), s.data() + s.size());
    ImGui::ItemSize(size);
    const ImRect bb(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    if (ImGui::ItemAdd(bb, 0)) {
        ImGui::GetWindowDrawList()->AddText(font, font->FontSize, pos, color, s.data(), s.data() + s.size(),
                                            wrapWidth);
        ui.tree.add(role, s, s, visibleRect(bb.Min, bb.Max), false);
    }
}

float clampedText(ImDrawList* dl, ImFont* font, ImU32 color, ImVec2 pos, float width, std::string_view s,
                  int maxLines) {
    const char* p = s.data();
    const char* end = s.data() + s.size();
    const float lineH = font->FontSize;
    int line = 0;
    while (p < end && line < maxLines) {
        while (p < end && (*p == ' ' || *p == '\n')) ++p;
        if (p >= end) break;
        const char* brk = font->CalcWordWrapPositionA(1.0f, p, end, width);
        const char* nl = static_cast<const char*>(memchr(p, '\n', static_cast<size_t>(brk - p)));
        if (nl) brk = nl;
        if (brk == p) brk = p + 1;
        const bool last = line == maxLines - 1;
        if (last && brk < end) {
            // Shorten the last line until it fits with an ellipsis.
            std::string cut(p, brk);
            while (!cut.empty() && cut.back() == ' ') cut.pop_back();
            const char* ell = "\xE2\x80\xA6";
            while (!cut.empty()) {
                std::string withEll = cut + ell;
                if (font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, withEll.c_str()).x <= width) {
                    dl->AddText(font, font->FontSize, ImVec2(pos.x, pos.y + static_cast<float>(line) * lineH),
                                color, withEll.c_str());
                    break;
                }
                // Drop one UTF-8 code point.
                do cut.pop_back();
                while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80);
                if (!cut.empty()) cut.pop_back();
            }
            ++line;
            break;
        }
        dl->AddText(font, font->FontSize, ImVec2(pos.x, pos.y + static_cast<float>(line) * lineH), color, p,
                    brk);
        p = brk;
        ++line;
    }
    return static_cast<float>(line) * lineH;
}

float readableWidth(const Ui& ui, float available) {
    return std::min(available, std::floor(ui.fonts().body->FontSize * 38.0f));
}

std::string displayable(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        const std::uint32_t cp = nextCodepoint(s, i);
        if (cp > 0xFFFF || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x200D) continue;
        appendUtf8(out, cp);
    }
    return trim(out);  // an emoji dropped at the start must not leave a space behind
}

}  // namespace vt::widgets
