#include "ui/alert_view.h"
#include "ui/i18n.h"

#include "core/util/italian_format.h"
#include "ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace vt {

namespace {

constexpr size_t kBannerMax = 3;

std::string whenIt(UnixSeconds t) {
    const CivilDateTime l = romeLocal(t);
    return fillIn(tr("{0} alle {1}"),
                  {formatDateWithWeekday(l.date, uiLanguage()), formatTime(l.hour, l.minute)});
}

std::string urgencyIt(const std::string& u) {
    if (u == "Immediate") return tr("immediata");
    if (u == "Expected") return tr("attesa a breve");
    if (u == "Future") return tr("futura");
    if (u == "Past") return tr("passata");
    return "";
}

std::string labelLine(const ShownAlert& a) {
    if (a.label.empty()) return "";
    return a.label + (a.alert.status == "Exercise" ? " \xC2\xB7 EXERCISE" : " \xC2\xB7 TEST");
}

}  // namespace

std::string severityIt(const std::string& s) {
    if (s == "Extreme") return tr("estrema");
    if (s == "Severe") return tr("grave");
    if (s == "Moderate") return tr("moderata");
    if (s == "Minor") return tr("lieve");
    return "";
}

bool AlertView::drawTakeover(Ui& ui, const ShownAlert& a, double shownFor, ImVec2 pos, ImVec2 size) {
    const Metrics& m = ui.met();
    const Palette& p = ui.pal();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    dl->AddRectFilled(pos, max, p.background);
    // The band says what this is in words; the colour only adds to it.
    ImFont* ft = ui.fonts().title;
    ImFont* fs = ui.fonts().small;
    const std::string label = labelLine(a);
    const float bandH = std::round(m.mm(10.0f) + ft->FontSize * 1.1f + fs->FontSize * 1.1f +
                                   (label.empty() ? 0 : ft->FontSize * 1.1f));
    dl->AddRectFilled(pos, ImVec2(max.x, pos.y + bandH), p.warning);
    float y = pos.y + m.mm(5.0f);
    const float x = pos.x + m.margin;
    if (!label.empty()) {
        dl->AddText(ft, ft->FontSize, ImVec2(x, y), p.textOnPrimary, label.c_str());
        ui.tree.add(Role::Banner, a.label, label,
                    widgets::visibleRect(ImVec2(x, y), ImVec2(max.x, y + ft->FontSize)), false);
        y += ft->FontSize * 1.1f;
    }
    const std::string kind =
        std::string("\xE2\x96\xB2 ") + tr("ALLERTA") + " \xC2\xB7 " + tr("ALLERTA", kOther);
    dl->AddText(ft, ft->FontSize, ImVec2(x, y), p.textOnPrimary, kind.c_str());
    y += ft->FontSize * 1.1f;
    std::string grade;
    if (const std::string s = severityIt(a.info.severity); !s.empty())
        grade = fillIn(tr("Gravit\xC3\xA0: {0}"), {s});
    if (const std::string u = urgencyIt(a.info.urgency); !u.empty())
        grade += (grade.empty() ? "" : " \xC2\xB7 ") + fillIn(tr("Urgenza: {0}"), {u});
    dl->AddText(fs, fs->FontSize, ImVec2(x, y), p.textOnPrimary, grade.c_str());
    ui.tree.add(Role::Banner, tr("Allerta"), kind + ". " + grade,
                widgets::visibleRect(pos, ImVec2(max.x, pos.y + bandH)), false);

    // The button row is fixed at the bottom; the text scrolls above it if it is long.
    const bool canClose = shownFor >= kTakeoverReadSeconds;
    const float buttonH = std::max(m.touchMin * 1.6f, ui.fonts().bodyBold->FontSize * 3.0f);
    const float footH = buttonH + 2 * m.mm(5.0f);
    const float width = widgets::readableWidth(ui, size.x - 2 * m.margin);
    const float left = pos.x + std::floor((size.x - width) * 0.5f);
    const ImVec2 bodyPos(pos.x, pos.y + bandH);
    const ImVec2 bodySize(size.x, size.y - bandH - footH);
    ImGui::SetCursorScreenPos(bodyPos);
    ImGui::BeginChild("##alert-body", bodySize, false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoMove);
    ImGui::SetCursorScreenPos(ImVec2(left, bodyPos.y + m.mm(5.0f)));
    ImGui::BeginGroup();
    const std::string headline =
        widgets::displayable(a.info.headline.empty() ? a.info.event : a.info.headline);
    widgets::text(ui, ft, p.text, headline, Role::Heading, width);
    ImGui::Dummy(ImVec2(0, m.mm(2.0f)));
    if (!a.info.description.empty())
        widgets::text(ui, ui.fonts().body, p.text, widgets::displayable(a.info.description), Role::Text,
                      width);
    if (!a.info.instruction.empty()) {
        ImGui::Dummy(ImVec2(0, m.mm(3.0f)));
        widgets::text(ui, fs, p.textMuted,
                      std::string(tr("Cosa fare")) + " \xC2\xB7 " + tr("Cosa fare", kOther), Role::Text,
                      width);
        widgets::text(ui, ui.fonts().bodyBold, p.text, widgets::displayable(a.info.instruction), Role::Text,
                      width);
    }
    ImGui::Dummy(ImVec2(0, m.mm(3.0f)));
    const std::string sender =
        widgets::displayable(a.info.senderName.empty() ? a.alert.sender : a.info.senderName);
    widgets::text(ui, fs, p.textMuted,
                  fillIn(tr("Emessa da {0}"), {sender}) + " \xC2\xB7 " + whenIt(a.alert.sent), Role::Text,
                  width);
    if (a.until > 0)
        widgets::text(ui, fs, p.textMuted, fillIn(tr("Valida fino a {0}"), {whenIt(a.until)}), Role::Text,
                      width);
    if (!a.info.web.empty())
        widgets::text(ui, fs, p.textMuted, fillIn(tr("Informazioni: {0}"), {a.info.web}), Role::Text, width);
    ImGui::Dummy(ImVec2(0, m.mm(4.0f)));
    ImGui::EndGroup();
    m_scroller.update(ui);
    ImGui::EndChild();

    const float by = max.y - footH + m.mm(5.0f);
    dl->AddLine(ImVec2(pos.x, max.y - footH), ImVec2(max.x, max.y - footH), p.border,
                std::max(1.0f, m.mm(0.4f)));
    if (!canClose) {
        const std::string wait =
            std::string(tr("Leggi con attenzione")) + " \xC2\xB7 " + tr("Leggi con attenzione", kOther);
        widgets::clampedText(dl, ui.fonts().bodyBold, p.textMuted,
                             ImVec2(left, by + (buttonH - ui.fonts().bodyBold->FontSize) * 0.5f), width, wait,
                             1);
        ui.tree.add(Role::Text, wait, wait,
                    widgets::visibleRect(ImVec2(left, by), ImVec2(left + width, by + buttonH)), false);
        ui.requestFrameIn(kTakeoverReadSeconds - shownFor);
        return false;
    }
    ImGui::SetCursorScreenPos(ImVec2(left, by));
    return widgets::button(ui, "##alert-ok", tr("Ho capito"), tr("Ho capito", kOther), ImVec2(width, buttonH),
                           widgets::ButtonStyle::Primary, "\xE2\x9C\x93");
}

float alertBannerHeight(const Ui& ui, size_t count) {
    if (count == 0) return 0;
    const float line = std::max(ui.met().touchMin, ui.fonts().bodyBold->FontSize * 2.4f);
    return std::round(static_cast<float>(std::min(count, kBannerMax)) * line + ui.met().mm(2.0f));
}

int drawAlertBanner(Ui& ui, const std::vector<ShownAlert>& alerts, ImVec2 pos, float width) {
    const Metrics& m = ui.met();
    const Palette& p = ui.pal();
    const float h = alertBannerHeight(ui, alerts.size());
    if (h <= 0) return -1;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), p.warning);
    // Two lines per alert: a headline cut after three words would not warn anybody.
    const float line = std::max(m.touchMin, ui.fonts().bodyBold->FontSize * 2.4f);
    ImFont* f = ui.fonts().bodyBold;
    int tapped = -1;
    for (size_t i = 0; i < std::min(alerts.size(), kBannerMax); ++i) {
        const ShownAlert& a = alerts[i];
        const ImVec2 at(pos.x, pos.y + m.mm(1.0f) + static_cast<float>(i) * line);
        ImGui::SetCursorScreenPos(at);
        ImGui::PushID(static_cast<int>(i));
        const bool pressed = widgets::pressArea("##banner", ImVec2(width, line));
        ImGui::PopID();
        if (pressed) tapped = static_cast<int>(i);
        std::string s = "\xE2\x96\xB2 ";
        if (!a.label.empty()) s += a.label + " \xE2\x80\x93 ";
        s += std::string(tr("ALLERTA")) + ": " +
             widgets::displayable(a.info.headline.empty() ? a.info.event : a.info.headline);
        if (i + 1 == kBannerMax && alerts.size() > kBannerMax)
            // Appended in place: "..." + a temporary string trips GCC 12's -Wrestrict false positive at -O3.
            s += ' ';
        s += fillIn(tr("(e altre {0})"), {std::to_string(alerts.size() - kBannerMax)});
        const std::string more = std::string(tr("Tocca per leggere")) + " \xE2\x96\xB6";
        const float moreW =
            ui.fonts().small->CalcTextSizeA(ui.fonts().small->FontSize, FLT_MAX, 0, more.c_str()).x;
        const float textW = width - 2 * m.margin - moreW - m.mm(4.0f);
        const float textH =
            std::min(2.0f,
                     std::ceil(f->CalcTextSizeA(f->FontSize, FLT_MAX, textW, s.c_str()).y / f->FontSize)) *
            f->FontSize;
        widgets::clampedText(dl, f, p.textOnPrimary, ImVec2(at.x + m.margin, at.y + (line - textH) * 0.5f),
                             textW, s, 2);
        dl->AddText(
            ui.fonts().small, ui.fonts().small->FontSize,
            ImVec2(pos.x + width - m.margin - moreW, at.y + (line - ui.fonts().small->FontSize) * 0.5f),
            p.textOnPrimary, more.c_str());
        ui.tree.add(Role::Banner, s, s, widgets::visibleRect(at, ImVec2(at.x + width, at.y + line)), true);
    }
    return tapped;
}

}  // namespace vt
