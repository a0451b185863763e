#include "ui/screens/albo_screen.h"
#include "ui/i18n.h"

#include "core/albo/albo_store.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

#include <imgui_internal.h>

namespace vt {

namespace {

constexpr const char* kAll = tr("Tutti", kMarkOnly);  // translated where the chips are drawn
// The other chips are core's alboCategories(), in Italian; marked here so that the catalog
// extraction sees them (drawFilterChips translates each name). A test keeps the two lists equal.
[[maybe_unused]] constexpr const char* kChipNames[] = {tr("Delibere", kMarkOnly),
                                                       tr("Determinazioni", kMarkOnly),
                                                       tr("Ordinanze e decreti", kMarkOnly),
                                                       tr("Avvisi e bandi", kMarkOnly),
                                                       tr("Concorsi", kMarkOnly),
                                                       tr("Pubblicazioni di matrimonio", kMarkOnly),
                                                       tr("Altro", kMarkOnly)};

}  // namespace

void AlboScreen::reloadCounts(ScreenEnv& env) {
    m_chips.clear();
    m_total = 0;
    for (const auto& [name, n] : countActsByCategory(env.db, env.ui.now)) m_total += n;
    m_chips.push_back({kAll, m_total});
    for (const auto& [name, n] : countActsByCategory(env.db, env.ui.now))
        if (n > 0) m_chips.push_back({name, n});
    // A chip that emptied (the content changed) falls back to all acts.
    if (!m_chip.empty() &&
        std::none_of(m_chips.begin(), m_chips.end(), [&](const FilterChip& c) { return c.name == m_chip; }))
        m_chip.clear();
}

void AlboScreen::reloadCards(ScreenEnv& env) {
    m_cards.clear();
    const CivilDate today = romeDate(env.ui.now);
    for (const Act& a : listActsAt(env.db, env.ui.now, AlboFilter{m_chip, m_text}, WithAttachments::No))
        m_cards.push_back(ActCard::from(a, today));
    m_loadedChip = m_chip;
    m_loadedText = m_text;
}

bool AlboScreen::drawFilters(ScreenEnv& env, float width, bool oneColumn) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    const Palette& p = ui.pal();
    bool changed = false;
    int selected = 0;
    for (size_t i = 1; i < m_chips.size(); ++i)
        if (m_chips[i].name == m_chip) selected = static_cast<int>(i);
    const int tapped = drawFilterChips(ui, m_chips, selected, width, oneColumn);
    if (tapped >= 0 && tapped != selected) {
        m_chip = tapped == 0 ? std::string() : m_chips[static_cast<size_t>(tapped)].name;
        changed = true;
    }

    // The "Filtra" field: tapping it opens the keyboard; the text filters as it is typed.
    const float h = filterChipHeight(ui);
    const bool hasText = !m_text.empty();
    const float clearW = hasText ? std::max(m.touchMin * 3.0f, m.mm(48.0f)) : 0.0f;
    const float fieldW = hasText ? width - clearW - m.gap : width;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    bool held = false;
    if (widgets::pressArea("##filter-field", ImVec2(fieldW, h), &held)) m_keyboardOpen = !m_keyboardOpen;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + fieldW, pos.y + h);
    dl->AddRectFilled(pos, max, held ? p.surfacePressed : p.surface, m.radius);
    dl->AddRect(pos, max, m_keyboardOpen ? p.primary : p.border, m.radius, 0,
                std::max(2.0f, m.mm(m_keyboardOpen ? 0.8f : 0.4f)));
    ImFont* fb = ui.fonts().bodyBold;
    ImFont* fr = ui.fonts().body;
    const float fs = fr->FontSize;
    const float pad = m.mm(3.0f);
    const float ty = pos.y + std::floor((h - fs) * 0.5f);
    const char* label = tr("Filtra:");
    const float lw = fb->CalcTextSizeA(fs, FLT_MAX, 0, label).x;
    dl->AddText(fb, fs, ImVec2(pos.x + pad, ty), p.text, label);
    const float tx = pos.x + pad + lw + m.mm(2.0f);
    const float tw = max.x - pad - tx;
    if (hasText) {
        // The end of a long text stays visible while typing, with a caret while the keyboard is open.
        std::string shown = m_text + (m_keyboardOpen ? "|" : "");
        while (shown.size() > 1 && fr->CalcTextSizeA(fs, FLT_MAX, 0, shown.c_str()).x > tw) shown.erase(0, 1);
        dl->AddText(fr, fs, ImVec2(tx, ty), p.text, shown.c_str());
    } else {
        widgets::clampedText(dl, fr, p.textMuted, ImVec2(tx, ty), tw,
                             m_keyboardOpen ? std::string("|")
                                            : std::string(tr("parola o numero")) + " \xC2\xB7 " +
                                                  tr("parola o numero", kOther),
                             1);
    }
    ui.tree.add(Role::Button, tr("Filtra"),
                hasText ? fillIn(tr("Filtro: {0}"), {m_text}) : tr("Filtra per parola o numero"),
                widgets::visibleRect(pos, max), true);
    if (hasText) {
        ImGui::SetCursorScreenPos(ImVec2(max.x + m.gap, pos.y));
        if (widgets::button(ui, "##filter-clear", tr("Svuota"), tr("Svuota", kOther), ImVec2(clearW, h),
                            widgets::ButtonStyle::Secondary)) {
            m_text.clear();
            changed = true;
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h + m.gap));
    ImGui::Dummy(ImVec2(width, 0));
    return changed;
}

void AlboScreen::drawList(ScreenEnv& env, ImVec2 pos, ImVec2 size, float cardWidth) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    const float left = pos.x + std::floor((size.x - cardWidth) * 0.5f);
    ImGui::SetCursorScreenPos(pos);
    ImGui::BeginChild("##albo-list", size, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoMove);
    if (m_scrollToTop) {
        ImGui::SetScrollY(0);
        m_scroller.stop();
        m_scrollToTop = false;
    }
    if (m_cards.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(left, pos.y + m.mm(4.0f)));
        const bool filtered = !m_chip.empty() || !m_text.empty();
        widgets::text(ui, ui.fonts().body, ui.pal().text,
                      filtered ? std::string(tr("Nessun atto corrisponde al filtro.")) + "\n" +
                                     tr("Nessun atto corrisponde al filtro.", kOther)
                               : std::string(tr("Nessun atto in pubblicazione oggi.")) + "\n" +
                                     tr("Nessun atto in pubblicazione oggi.", kOther),
                      Role::Text, cardWidth);
    } else {
        const float cardH = actCardHeight(ui);
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(m_cards.size()), cardH + m.gap);
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                ImGui::SetCursorPosX(left - pos.x);
                const ActCard& card = m_cards[static_cast<size_t>(i)];
                if (drawActCard(ui, card, ImVec2(cardWidth, cardH)))
                    env.nav.open({ScreenId::ActDetail, card.id});
            }
        }
        ImGui::Dummy(ImVec2(0, m.mm(4.0f)));
    }
    m_scroller.update(ui);
    ImGui::EndChild();
}

void AlboScreen::draw(ScreenEnv& env, const Route& route) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    // Reached afresh (not with Indietro from an act): start from the route's chip, at the top.
    const int frame = ImGui::GetFrameCount();
    if (m_lastFrame != frame - 1 && !env.nav.cameBack()) {
        m_chip = route.chip;
        m_text.clear();
        m_keyboardOpen = false;
        m_scrollToTop = true;
    }
    m_lastFrame = frame;
    const CivilDate today = romeDate(ui.now);
    if (m_loadedVersion != env.contentVersion || !(m_loadedDay == today)) {
        reloadCounts(env);
        m_loadedVersion = env.contentVersion;
        m_loadedDay = today;
        m_loadedChip.assign(1, '\x01');  // GCC 12 -Wrestrict false positive with = "\x01"
    }
    if (m_loadedChip != m_chip || m_loadedText != m_text) reloadCards(env);

    // Landscape: chips and field in a column on the left, the list in a reading column.
    const bool landscape = env.size.x > env.size.y * 1.2f;
    const float sideW = landscape ? std::floor(std::min(m.mm(200.0f), env.size.x * 0.3f)) : 0.0f;
    const float listAreaX = env.pos.x + (landscape ? m.margin + sideW : 0.0f);
    const float listAreaW = env.size.x - (landscape ? m.margin + sideW : 0.0f);
    const float width = widgets::readableWidth(ui, listAreaW - 2 * m.margin);
    const float left = listAreaX + std::floor((listAreaW - width) * 0.5f);
    const float headLeft = landscape ? env.pos.x + m.margin : left;
    const float headW = landscape ? env.size.x - 2 * m.margin : width;

    ImGui::SetCursorScreenPos(ImVec2(headLeft, env.pos.y + m.mm(4.0f)));
    ImGui::BeginGroup();
    widgets::text(ui, ui.fonts().title, ui.pal().text, tr("Albo pretorio"), Role::Heading, headW);
    widgets::text(
        ui, ui.fonts().small, ui.pal().textMuted,
        fillIn(m_total == 1 ? tr("{0} atto in pubblicazione oggi") : tr("{0} atti in pubblicazione oggi"),
               {std::to_string(m_total)}) +
            " \xC2\xB7 " + tr("Albo pretorio", kOther),
        Role::Text, headW);
    // The kiosk is a copy: where the legally valid publication lives is always said.
    const std::string& url = env.config.town.officialAlboUrl;
    widgets::text(
        ui, ui.fonts().small, ui.pal().text,
        url.empty()
            ? std::string(tr(
                  "La pubblicazione con valore legale \xC3\xA8 quella dell'albo pretorio online del Comune."))
            : fillIn(tr("La pubblicazione con valore legale \xC3\xA8 quella dell'albo pretorio online del "
                        "Comune: {0}"),
                     {url}),
        Role::Text, headW);
    ImGui::EndGroup();
    float top = ImGui::GetCursorScreenPos().y + m.mm(2.0f);

    bool changed = false;
    if (landscape) {
        ImGui::SetCursorScreenPos(ImVec2(env.pos.x + m.margin, top));
        ImGui::BeginGroup();
        changed = drawFilters(env, sideW, true);
        ImGui::EndGroup();
    } else {
        ImGui::SetCursorScreenPos(ImVec2(left, top));
        ImGui::BeginGroup();
        changed = drawFilters(env, width, false);
        ImGui::EndGroup();
        top = ImGui::GetCursorScreenPos().y;
    }
    if (!m_chip.empty() || !m_text.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(left, top));
        std::string what = fillIn(m_cards.size() == 1 ? tr("{0} atto mostrato") : tr("{0} atti mostrati"),
                                  {std::to_string(m_cards.size())});
        if (!m_chip.empty()) what += std::string(": ") + tr(m_chip.c_str());
        if (!m_text.empty()) what += (m_chip.empty() ? ": \"" : ", \"") + m_text + "\"";
        widgets::text(ui, ui.fonts().bodyBold, ui.pal().text, what, Role::Status, width);
        top = ImGui::GetCursorScreenPos().y;
    }

    if (changed) {
        m_scrollToTop = true;
        reloadCards(env);
    }
    float bottom = env.pos.y + env.size.y;
    const float kbW = std::min(env.size.x - 2 * m.margin, m.mm(300.0f));
    if (m_keyboardOpen) bottom -= AlboFilterKeyboard::height(ui, kbW) + m.mm(3.0f);
    const float listTop = top + m.mm(2.0f);
    drawList(env, ImVec2(listAreaX, listTop), ImVec2(listAreaW, std::max(m.touchMin, bottom - listTop)),
             width);
    if (m_keyboardOpen) {
        // Under the list, so that read-aloud reads the acts before the keys.
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(env.pos.x, bottom),
                                                  ImVec2(env.pos.x + env.size.x, env.pos.y + env.size.y),
                                                  ui.pal().primaryLight);
        ImGui::SetCursorScreenPos(
            ImVec2(env.pos.x + std::floor((env.size.x - kbW) * 0.5f), bottom + m.mm(1.5f)));
        const AlboFilterKeyboard::Outcome o = m_keyboard.draw(ui, m_text, kbW);
        if (o == AlboFilterKeyboard::Outcome::Done) m_keyboardOpen = false;
        if (o == AlboFilterKeyboard::Outcome::Changed) {
            m_scrollToTop = true;
            reloadCards(env);
        }
    }
}

}  // namespace vt
