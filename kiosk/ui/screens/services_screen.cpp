#include "ui/screens/services_screen.h"
#include "ui/i18n.h"

#include "ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace vt {

std::string sheetCountIt(int n) {
    return fillIn(n == 1 ? tr("{0} scheda") : tr("{0} schede"), {std::to_string(n)});
}

namespace {

std::string langOf(const ScreenEnv& env) {
    return env.session.language == Language::English ? "en" : "it";
}

// A full-width row: the name on the left, the count and an arrow on the right.
bool facetRow(Ui& ui, const char* id, const std::string& label, const std::string& detail, ImVec2 size) {
    const Palette& p = ui.pal();
    const Metrics& m = ui.met();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool pressed = widgets::card(ui, id, size, widgets::CardStyle::Outlined);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    const float pad = m.mm(4.0f);
    ImFont* fb = ui.fonts().bodyBold;
    ImFont* fs = ui.fonts().small;
    const char* arrow = "\xE2\x96\xB6";
    const ImVec2 as = fb->CalcTextSizeA(fs->FontSize, FLT_MAX, 0, arrow);
    const ImVec2 ds = fs->CalcTextSizeA(fs->FontSize, FLT_MAX, 0, detail.c_str());
    const float right = max.x - pad;
    dl->AddText(fb, fs->FontSize, ImVec2(right - as.x, pos.y + (size.y - as.y) * 0.5f), p.primary, arrow);
    dl->AddText(fs, fs->FontSize, ImVec2(right - as.x - m.mm(3.0f) - ds.x, pos.y + (size.y - ds.y) * 0.5f),
                p.textMuted, detail.c_str());
    const float textW = size.x - 2 * pad - as.x - ds.x - m.mm(6.0f);
    const float lines =
        fb->CalcTextSizeA(fb->FontSize, FLT_MAX, textW, label.c_str()).y > fb->FontSize * 1.5f ? 2.0f : 1.0f;
    widgets::clampedText(dl, fb, p.text, ImVec2(pos.x + pad, pos.y + (size.y - lines * fb->FontSize) * 0.5f),
                         textW, label, 2);
    ui.tree.add(Role::Button, label, detail, widgets::visibleRect(pos, max), true);
    return pressed;
}

}  // namespace

void ServicesScreen::reload(ScreenEnv& env) {
    const std::string lang = langOf(env);
    m_topics = listTopics(env.db, lang);
    m_events = listLifeEvents(env.db, lang);
    m_bodies = listBodies(env.db, lang);
    m_initials = listInitials(env.db, lang);
    m_count = static_cast<int>(listSheets(env.db, {}, lang).size());
    m_loadedVersion = env.contentVersion;
    m_loadedLang = lang;
}

void ServicesScreen::drawFacetRows(ScreenEnv& env, const std::vector<Facet>& facets, const char* prefix,
                                   float width) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    const float rowH = std::round(std::max(m.mm(20.0f), ui.fonts().bodyBold->FontSize * 2.4f));
    std::string lastGroup;
    for (const Facet& f : facets) {
        // Life events come in two groups: people, then businesses.
        if (std::string_view(prefix) == "event:") {
            const std::string group = f.key.substr(0, f.key.find('/'));
            if (group != lastGroup) {
                ImGui::Dummy(ImVec2(0, m.mm(2.0f)));
                widgets::text(ui, ui.fonts().bodyBold, ui.pal().text,
                              group == "imprese" ? tr("Per le imprese", kBoth) : tr("Per le persone", kBoth),
                              Role::Heading, width);
                lastGroup = group;
            }
        }
        ImGui::PushID(f.key.c_str());
        if (facetRow(ui, "##facet", f.label, sheetCountIt(f.count), ImVec2(width, rowH)))
            env.nav.open({ScreenId::SheetList, 0, prefix + f.key});
        ImGui::PopID();
    }
}

void ServicesScreen::drawInitials(ScreenEnv& env, float width) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    // Letter keys wide enough for their count ("12 schede"), as many per row as fit.
    ImFont* fsm = ui.fonts().small;
    const float minW = std::max(
        m.mm(30.0f), fsm->CalcTextSizeA(fsm->FontSize, FLT_MAX, 0, sheetCountIt(99).c_str()).x + m.mm(5.0f));
    const int perRow = std::max(2, static_cast<int>((width + m.gap) / (minW + m.gap)));
    const float w = std::floor((width - float(perRow - 1) * m.gap) / float(perRow));
    const float h = std::round(std::max(m.mm(24.0f), ui.fonts().title->FontSize * 1.9f));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    for (size_t i = 0; i < m_initials.size(); ++i) {
        const Facet& f = m_initials[i];
        const int col = static_cast<int>(i) % perRow, row = static_cast<int>(i) / perRow;
        ImGui::SetCursorScreenPos(
            ImVec2(origin.x + float(col) * (w + m.gap), origin.y + float(row) * (h + m.gap)));
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::PushID(f.key.c_str());
        const bool pressed = widgets::card(ui, "##initial", ImVec2(w, h), widgets::CardStyle::Outlined);
        ImGui::PopID();
        const Palette& p = ui.pal();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 max(pos.x + w, pos.y + h);
        ImFont* ft = ui.fonts().title;
        ImFont* fs = ui.fonts().small;
        const std::string count = sheetCountIt(f.count);
        const ImVec2 ls = ft->CalcTextSizeA(ft->FontSize, FLT_MAX, 0, f.label.c_str());
        const ImVec2 cs = fs->CalcTextSizeA(fs->FontSize, FLT_MAX, 0, count.c_str());
        const float top = pos.y + (h - ls.y - cs.y * 0.9f) * 0.5f;
        dl->AddText(ft, ft->FontSize, ImVec2(pos.x + (w - ls.x) * 0.5f, top), p.primary, f.label.c_str());
        dl->AddText(fs, fs->FontSize, ImVec2(pos.x + (w - cs.x) * 0.5f, top + ls.y * 0.9f), p.textMuted,
                    count.c_str());
        ui.tree.add(Role::Button, fillIn(tr("Lettera {0}"), {f.label}), count, widgets::visibleRect(pos, max),
                    true);
        if (pressed) env.nav.open({ScreenId::SheetList, 0, "initial:" + f.key});
    }
    const int rows = (static_cast<int>(m_initials.size()) + perRow - 1) / perRow;
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + float(rows) * (h + m.gap)));
    ImGui::Dummy(ImVec2(width, 0));
}

void ServicesScreen::draw(ScreenEnv& env) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    if (m_loadedVersion != env.contentVersion || m_loadedLang != langOf(env)) reload(env);

    const float width = widgets::readableWidth(ui, env.size.x - 2 * m.margin);
    const float left = env.pos.x + std::floor((env.size.x - width) * 0.5f);
    ImGui::SetCursorScreenPos(ImVec2(left, env.pos.y + m.mm(5.0f)));
    ImGui::BeginGroup();
    widgets::text(ui, ui.fonts().title, ui.pal().text, tr("Servizi"), Role::Heading, width);
    widgets::text(ui, ui.fonts().small, ui.pal().textMuted,
                  sheetCountIt(m_count) + " \xC2\xB7 " + tr("Servizi per i cittadini", kOther), Role::Text,
                  width);
    ImGui::Dummy(ImVec2(0, m.mm(2.0f)));

    // The four ways in, as a 2×2 block of large buttons; the chosen one says so with a tick.
    struct WayButton {
        Way way;
        const char* id;
        const char* label;
    };
    static const WayButton kWays[] = {{Way::LifeEvent, "##way-event", tr("Per evento della vita", kMarkOnly)},
                                      {Way::Topic, "##way-topic", tr("Per argomento", kMarkOnly)},
                                      {Way::Body, "##way-body", tr("Per ente", kMarkOnly)},
                                      {Way::Initial, "##way-az", tr("Dalla A alla Z", kMarkOnly)}};
    const float bw = std::floor((width - m.gap) * 0.5f);
    const float bh = std::round(std::max(m.touchMin * 1.4f, ui.fonts().bodyBold->FontSize * 2.3f));
    for (int i = 0; i < 4; ++i) {
        const WayButton& b = kWays[i];
        ImGui::SetCursorScreenPos(ImVec2(left + float(i % 2) * (bw + m.gap), ImGui::GetCursorScreenPos().y));
        const bool chosen = m_way == b.way;
        if (widgets::button(ui, b.id, tr(b.label), tr(b.label, kOther), ImVec2(bw, bh),
                            chosen ? widgets::ButtonStyle::Primary : widgets::ButtonStyle::Secondary,
                            chosen ? "\xE2\x9C\x93" : "")) {
            m_way = b.way;
            m_scroller.stop();
            m_scrollToTop = true;
        }
        if (i % 2 == 0) ImGui::SameLine(0, m.gap);
    }
    ImGui::EndGroup();

    const float top = ImGui::GetCursorScreenPos().y + m.mm(3.0f);
    const ImVec2 listSize(env.size.x, env.pos.y + env.size.y - top);
    ImGui::SetCursorScreenPos(ImVec2(env.pos.x, top));
    ImGui::BeginChild("##services-list", listSize, false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoMove);
    if (m_scrollToTop) ImGui::SetScrollY(0);
    m_scrollToTop = false;
    ImGui::SetCursorScreenPos(ImVec2(left, top + m.mm(1.0f)));
    ImGui::BeginGroup();
    if (m_count == 0) {
        widgets::text(ui, ui.fonts().body, ui.pal().text,
                      std::string(tr("Nessuna scheda servizio disponibile.")) + "\n" +
                          tr("Nessuna scheda servizio disponibile.", kOther),
                      Role::Text, width);
    } else {
        switch (m_way) {
            case Way::Topic:
                drawFacetRows(env, m_topics, "topic:", width);
                break;
            case Way::LifeEvent:
                drawFacetRows(env, m_events, "event:", width);
                break;
            case Way::Body:
                drawFacetRows(env, m_bodies, "body:", width);
                break;
            case Way::Initial:
                drawInitials(env, width);
                break;
        }
    }
    ImGui::Dummy(ImVec2(0, m.mm(4.0f)));
    ImGui::EndGroup();
    m_scroller.update(ui);
    ImGui::EndChild();
}

}  // namespace vt
