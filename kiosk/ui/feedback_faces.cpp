#include "ui/feedback_faces.h"
#include "ui/i18n.h"

#include "ui/widgets.h"

#include <imgui_internal.h>

namespace vt {

namespace {

// A face drawn with lines (emoji cannot be drawn by this ImGui build): mood -1 sad, 0 flat, 1 glad.
void drawFace(ImDrawList* dl, ImVec2 c, float r, ImU32 col, int mood, float thick) {
    dl->AddCircle(c, r, col, 32, thick);
    dl->AddCircleFilled(ImVec2(c.x - r * 0.35f, c.y - r * 0.25f), r * 0.1f, col);
    dl->AddCircleFilled(ImVec2(c.x + r * 0.35f, c.y - r * 0.25f), r * 0.1f, col);
    const ImVec2 a(c.x - r * 0.45f, c.y + r * 0.35f), b(c.x + r * 0.45f, c.y + r * 0.35f);
    if (mood == 0)
        dl->AddLine(a, b, col, thick);
    else
        dl->AddBezierQuadratic(a, ImVec2(c.x, c.y + r * (mood > 0 ? 0.85f : -0.15f)), b, col, thick, 16);
}

}  // namespace

void FeedbackFaces::draw(Ui& ui, const KioskActions& actions, const std::string& kind,
                         const std::string& item, float width) {
    if (!actions.recordFeedback) return;
    const Metrics& m = ui.met();
    const Palette& p = ui.pal();
    widgets::text(ui, ui.fonts().bodyBold, p.text, tr("Hai trovato quello che cercavi?"), Role::Heading,
                  width);
    widgets::text(ui, ui.fonts().small, p.textMuted, tr("Hai trovato quello che cercavi?", kOther),
                  Role::Text, width);
    const std::string key = kind + "/" + item;
    if (m_answered == key) {
        widgets::text(ui, ui.fonts().body, p.text,
                      std::string(tr("Grazie per la risposta!")) + " \xC2\xB7 " + tr("Grazie!", kOther),
                      Role::Status, width);
        return;
    }
    const char* kLabels[] = {tr("No"), tr("In parte"), tr("S\xC3\xAC")};
    const char* kEnglish[] = {tr("No", kOther), tr("In parte", kOther), tr("S\xC3\xAC", kOther)};
    const float bw = (width - 2 * m.gap) / 3.0f;
    const float bh = std::max(m.mm(30.0f), ui.fonts().body->FontSize * 3.2f);
    for (int i = 0; i < 3; ++i) {
        if (i) ImGui::SameLine(0, m.gap);
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::PushID(i);
        const bool pressed = widgets::card(ui, "##face", ImVec2(bw, bh), widgets::CardStyle::Outlined);
        ImGui::PopID();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 max(pos.x + bw, pos.y + bh);
        const float r = std::min(bw, bh) * 0.2f;
        drawFace(dl, ImVec2(pos.x + bw * 0.5f, pos.y + m.mm(3.0f) + r), r, p.primary, i - 1,
                 std::max(2.0f, m.mm(0.7f)));
        ImFont* f = ui.fonts().bodyBold;
        const std::string label = std::string_view(kLabels[i]) == kEnglish[i]
                                      ? std::string(kLabels[i])
                                      : std::string(kLabels[i]) + " \xC2\xB7 " + kEnglish[i];
        const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, label.c_str());
        ImFont* used = ts.x > bw - m.mm(2.0f) ? ui.fonts().small : f;
        const ImVec2 us = used->CalcTextSizeA(used->FontSize, FLT_MAX, 0, label.c_str());
        dl->AddText(used, used->FontSize, ImVec2(pos.x + (bw - us.x) * 0.5f, max.y - m.mm(2.0f) - us.y),
                    p.primary, label.c_str());
        ui.tree.add(Role::Button, kLabels[i], kEnglish[i], widgets::visibleRect(pos, max), true);
        if (pressed) {
            actions.recordFeedback(kind, item, i + 1);
            m_answered = key;
        }
    }
}

}  // namespace vt
