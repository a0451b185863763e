#include "ui/screens/sheet_list_screen.h"
#include "ui/i18n.h"

#include "core/sheets/taxonomy.h"
#include "ui/screens/services_screen.h"
#include "ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace vt {

float sheetCardHeight(const Ui& ui) {
    const Metrics& m = ui.met();
    return std::round(m.mm(8.0f) + ui.fonts().bodyBold->FontSize * 2.1f + ui.fonts().small->FontSize * 1.3f);
}

bool drawSheetCard(Ui& ui, const SheetSummary& s, ImVec2 size) {
    const Palette& p = ui.pal();
    const Metrics& m = ui.met();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushID(s.id.c_str());
    const bool pressed = widgets::card(ui, "##sheet", size, widgets::CardStyle::List);
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    const float pad = m.mm(4.0f);
    const float x = pos.x + pad + m.mm(1.5f);
    const float innerW = size.x - 2 * pad - m.mm(1.5f);
    ImFont* fb = ui.fonts().bodyBold;
    ImFont* fs = ui.fonts().small;
    const std::string title = widgets::displayable(s.title);
    widgets::clampedText(dl, fb, p.text, ImVec2(x, pos.y + pad), innerW, title, 2);
    const float y = max.y - pad - fs->FontSize * 1.1f;
    float bodyW = innerW;
    if (!s.active) {
        // Said in words, not by colour alone.
        const char* badge = tr("Non attivo");
        const ImVec2 bs = fb->CalcTextSizeA(fs->FontSize, FLT_MAX, 0, badge);
        const ImVec2 bmin(max.x - pad - bs.x - m.mm(3.0f), y - m.mm(0.5f));
        dl->AddRectFilled(bmin, ImVec2(max.x - pad, y + bs.y + m.mm(0.5f)), p.warning, m.radius);
        dl->AddText(fb, fs->FontSize, ImVec2(bmin.x + m.mm(1.5f), y), p.textOnPrimary, badge);
        bodyW -= bs.x + m.mm(6.0f);
    }
    const std::string body = fillIn(tr("Ente: {0}"), {widgets::displayable(s.bodyName)});
    widgets::clampedText(dl, fs, p.textMuted, ImVec2(x, y), bodyW, body, 1);
    ui.tree.add(Role::ListItem, title,
                body + (s.active ? std::string() : std::string(". ") + tr("Non attivo")),
                widgets::visibleRect(pos, max), true);
    return pressed;
}

void SheetListScreen::reload(ScreenEnv& env, const std::string& filterKey) {
    const std::string lang = env.session.language == Language::English ? "en" : "it";
    const size_t colon = filterKey.find(':');
    const std::string kind = filterKey.substr(0, colon);
    const std::string value = colon == std::string::npos ? "" : filterKey.substr(colon + 1);
    SheetFilter f;
    if (kind == "topic")
        f.topic = value, m_title = value;
    else if (kind == "event")
        f.lifeEvent = value, m_title = lifeEventLabel(value);
    else if (kind == "body")
        f.bodyId = value, m_title = value;
    else if (kind == "initial")
        f.initial = value, m_title = fillIn(tr("Lettera {0}"), {value});
    m_sheets = value.empty() ? std::vector<SheetSummary>{} : listSheets(env.db, f, lang);
    if (kind == "body" && !m_sheets.empty()) m_title = m_sheets.front().bodyName;
    m_title = widgets::displayable(m_title);
    m_loadedKey = filterKey;
    m_loadedLang = lang;
    m_loadedVersion = env.contentVersion;
    m_scroller.stop();
}

void SheetListScreen::draw(ScreenEnv& env, const std::string& filterKey) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    const std::string lang = env.session.language == Language::English ? "en" : "it";
    if (m_loadedKey != filterKey || m_loadedVersion != env.contentVersion || m_loadedLang != lang)
        reload(env, filterKey);

    const float width = widgets::readableWidth(ui, env.size.x - 2 * m.margin);
    const float left = env.pos.x + std::floor((env.size.x - width) * 0.5f);
    ImGui::SetCursorScreenPos(ImVec2(left, env.pos.y + m.mm(5.0f)));
    ImGui::BeginGroup();
    widgets::text(ui, ui.fonts().small, ui.pal().textMuted, tr("Servizi", kBoth), Role::Text, width);
    widgets::text(ui, ui.fonts().title, ui.pal().text, m_title, Role::Heading, width);
    widgets::text(ui, ui.fonts().small, ui.pal().textMuted, sheetCountIt(static_cast<int>(m_sheets.size())),
                  Role::Text, width);
    ImGui::EndGroup();

    const float top = ImGui::GetCursorScreenPos().y + m.mm(3.0f);
    const ImVec2 listSize(env.size.x, env.pos.y + env.size.y - top);
    ImGui::SetCursorScreenPos(ImVec2(env.pos.x, top));
    ImGui::BeginChild("##sheet-list", listSize, false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoMove);
    if (m_sheets.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(left, top + m.mm(4.0f)));
        widgets::text(ui, ui.fonts().body, ui.pal().text,
                      std::string(tr("Nessuna scheda in questo elenco.")) + "\n" +
                          tr("Nessuna scheda in questo elenco.", kOther),
                      Role::Text, width);
    } else {
        const float cardH = sheetCardHeight(ui);
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(m_sheets.size()), cardH + m.gap);
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                ImGui::SetCursorPosX(left - env.pos.x);
                const SheetSummary& s = m_sheets[static_cast<size_t>(i)];
                if (drawSheetCard(ui, s, ImVec2(width, cardH)))
                    env.nav.open({ScreenId::SheetDetail, 0, s.id});
            }
        }
        ImGui::Dummy(ImVec2(0, m.mm(4.0f)));
    }
    m_scroller.update(ui);
    ImGui::EndChild();
}

}  // namespace vt
