#include "ui/screens/offices_screen.h"
#include "ui/i18n.h"

#include "ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace vt {

std::string officeStatusLine(const Office& o, UnixSeconds now, const HolidayCalendar& holidays) {
    if (o.hours.empty()) return tr("Orari non pubblicati");
    const OpenStatus s = o.hours.statusAt(now, holidays);
    const std::string words = formatOpenStatus(s, now, uiLanguage());
    // "Apre lunedì…" alone could be read as "open": say it is closed first.
    return s.open || !s.opensAt ? words : tr("Chiuso ora") + (" \xC2\xB7 " + words);
}

std::string officeDayHours(const Office& o, CivilDate d, const HolidayCalendar& holidays) {
    const std::vector<MinuteRange> ranges = o.hours.rangesOn(d, holidays);
    if (ranges.empty()) return tr("chiuso");
    std::string s;
    for (const MinuteRange& r : ranges) {
        if (!s.empty()) s += ", ";
        s += formatTime(r.start / 60, r.start % 60) + "\xE2\x80\x93" + formatTime(r.end / 60, r.end % 60);
    }
    return s;
}

void OfficesScreen::reloadIfNeeded(ScreenEnv& env) {
    if (m_loadedVersion == env.contentVersion) return;
    m_offices = listOffices(env.db);
    m_loadedVersion = env.contentVersion;
}

int OfficesScreen::count(ScreenEnv& env) {
    reloadIfNeeded(env);
    return static_cast<int>(m_offices.size());
}

void OfficesScreen::draw(ScreenEnv& env, const std::string& only) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    const Palette& p = ui.pal();
    reloadIfNeeded(env);
    const HolidayCalendar holidays(env.config.town.patronDay);
    const float width = widgets::readableWidth(ui, env.size.x - 2 * m.margin);
    const float left = env.pos.x + std::floor((env.size.x - width) * 0.5f);
    ImGui::SetCursorScreenPos(ImVec2(left, env.pos.y + m.mm(5.0f)));
    ImGui::BeginGroup();
    widgets::text(ui, ui.fonts().title, p.text, tr("Uffici e orari"), Role::Heading, width);
    widgets::text(ui, ui.fonts().small, p.textMuted, tr("Uffici e orari di apertura", kOther), Role::Text,
                  width);
    ImGui::EndGroup();

    const float top = ImGui::GetCursorScreenPos().y + m.mm(3.0f);
    ImGui::SetCursorScreenPos(ImVec2(env.pos.x, top));
    ImGui::BeginChild("##offices", ImVec2(env.size.x, env.pos.y + env.size.y - top), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoMove);
    const bool none = only.empty() ? m_offices.empty()
                                   : std::none_of(m_offices.begin(), m_offices.end(),
                                                  [&](const Office& o) { return o.uid == only; });
    if (none) {
        ImGui::SetCursorScreenPos(ImVec2(left, top + m.mm(6.0f)));
        widgets::text(
            ui, ui.fonts().body, p.text,
            std::string(tr("Nessun ufficio pubblicato.")) + "\n" + tr("Nessun ufficio pubblicato.", kOther),
            Role::Text, width);
    }
    const CivilDate today = romeDate(ui.now);
    const CivilDate monday = addDays(today, -weekday(today));
    const float pad = m.mm(4.0f);
    const float innerW = width - 2 * pad;
    ImFont* fs = ui.fonts().small;
    for (const Office& o : m_offices) {
        if (!only.empty() && o.uid != only) continue;
        ImGui::SetCursorPosX(left - env.pos.x);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        // Content first on the upper channel, the card behind it once its height is known.
        dl->ChannelsSplit(2);
        dl->ChannelsSetCurrent(1);
        ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, pos.y + pad));
        ImGui::BeginGroup();
        widgets::text(ui, ui.fonts().bodyBold, p.text, widgets::displayable(o.name), Role::Heading, innerW);
        const std::string status = officeStatusLine(o, ui.now, holidays);
        const bool open = status.rfind(tr("Aperto"), 0) == 0;
        widgets::text(ui, ui.fonts().bodyBold, open ? p.primary : p.text,
                      std::string(open ? "\xE2\x9C\x93 " : "\xE2\x96\xA0 ") + status, Role::Status, innerW);
        ImGui::Dummy(ImVec2(0, m.mm(1.0f)));
        if (!o.address.empty())
            widgets::text(ui, ui.fonts().body, p.text,
                          fillIn(tr("Indirizzo: {0}"), {widgets::displayable(o.address)}), Role::Text,
                          innerW);
        if (!o.phone.empty())
            widgets::text(ui, ui.fonts().body, p.text, fillIn(tr("Telefono: {0}"), {o.phone}), Role::Text,
                          innerW);
        if (!o.email.empty())
            widgets::text(ui, ui.fonts().body, p.text, fillIn(tr("E-mail: {0}"), {o.email}), Role::Text,
                          innerW);
        if (!o.hours.empty()) {
            ImGui::Dummy(ImVec2(0, m.mm(2.0f)));
            widgets::text(ui, fs, p.textMuted, tr("Orari di questa settimana", kBoth), Role::Text, innerW);
            const std::string longest = std::string(weekdayName(2, uiLanguage())) + " " + tr("(oggi)") + "  ";
            const float dayCol = fs->CalcTextSizeA(fs->FontSize, FLT_MAX, 0, longest.c_str()).x;
            for (int i = 0; i < 7; ++i) {
                const CivilDate d = addDays(monday, i);
                const bool isToday = d == today;
                ImFont* f = isToday ? ui.fonts().bodyBold : ui.fonts().body;
                const float rowY = ImGui::GetCursorScreenPos().y;
                const float rowX = ImGui::GetCursorScreenPos().x;
                const std::string day = std::string(weekdayName(i, uiLanguage())) +
                                        (isToday ? std::string(" ") + tr("(oggi)") : "");
                const std::string hours = officeDayHours(o, d, holidays);
                dl->AddText(f, fs->FontSize * 1.1f, ImVec2(rowX, rowY), p.text, day.c_str());
                dl->AddText(f, fs->FontSize * 1.1f, ImVec2(rowX + dayCol * 1.1f, rowY), p.text,
                            hours.c_str());
                ImGui::Dummy(ImVec2(innerW, fs->FontSize * 1.25f));
                ui.tree.add(Role::Text, day, day + ": " + hours,
                            widgets::visibleRect(ImVec2(rowX, rowY),
                                                 ImVec2(rowX + innerW, rowY + fs->FontSize * 1.2f)),
                            false);
            }
        }
        if (!o.notes.empty()) {
            ImGui::Dummy(ImVec2(0, m.mm(1.0f)));
            widgets::text(ui, fs, p.textMuted, widgets::displayable(o.notes), Role::Text, innerW);
        }
        ImGui::EndGroup();
        const float bottom = ImGui::GetItemRectMax().y + pad;
        dl->ChannelsSetCurrent(0);
        const ImVec2 max(pos.x + width, bottom);
        dl->AddRectFilled(pos, max, p.surface, m.radius);
        dl->AddRect(pos, max, p.border, m.radius, 0, std::max(1.0f, m.mm(0.3f)));
        dl->AddRectFilled(pos, ImVec2(pos.x + m.mm(1.5f), max.y), open ? p.primary : p.border, m.radius,
                          ImDrawFlags_RoundCornersLeft);
        dl->ChannelsMerge();
        ImGui::SetCursorScreenPos(ImVec2(pos.x, bottom + m.gap * 2));
        ImGui::Dummy(ImVec2(0, 0));
    }
    ImGui::Dummy(ImVec2(0, m.mm(4.0f)));
    m_scroller.update(ui);
    ImGui::EndChild();
}

}  // namespace vt
