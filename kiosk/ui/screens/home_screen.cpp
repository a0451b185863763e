#include "ui/screens/home_screen.h"

#include "core/albo/albo_store.h"
#include "core/sheets/sheet_store.h"
#include "ui/chrome.h"
#include "ui/i18n.h"
#include "ui/language_button.h"
#include "ui/screens/services_screen.h"
#include "ui/widgets.h"

#include <cmath>

#include <algorithm>

namespace vt {

void HomeScreen::draw(ScreenEnv& env, const Counts& counts) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    const CivilDate today = romeDate(ui.now);
    if (m_loadedVersion != env.contentVersion || !(m_loadedDay == today)) {
        m_actsToday = countActsAt(env.db, ui.now);
        // As the Services screen counts them: one per sheet, whatever its languages.
        m_sheets = static_cast<int>(
            listSheets(env.db, {}, env.session.language == Language::English ? "en" : "it").size());
        m_newest.clear();
        for (const Act& a : listActsAt(env.db, ui.now, 3, WithAttachments::No))
            m_newest.push_back(ActCard::from(a, today));
        m_loadedVersion = env.contentVersion;
        m_loadedDay = today;
    }

    const float width = widgets::readableWidth(ui, env.size.x - 2 * m.margin);
    const float left = env.pos.x + std::floor((env.size.x - width) * 0.5f);
    ImGui::SetCursorScreenPos(ImVec2(left, env.pos.y + m.mm(8.0f)));
    ImGui::BeginGroup();
    widgets::text(ui, ui.fonts().title, ui.pal().text,
                  std::string(tr("Benvenuti")) + " \xC2\xB7 " + tr("Benvenuti", kOther), Role::Heading,
                  width);
    widgets::text(ui, ui.fonts().body, ui.pal().textMuted, tr("Tocca un riquadro per iniziare"), Role::Text,
                  width);
    ImGui::Dummy(ImVec2(0, m.mm(4.0f)));
    ImGui::EndGroup();

    // Tiles and newest acts scroll between the welcome and the access bar: with the largest text
    // (one tile per row) or on a landscape panel they may not all fit, and the access bar must
    // never cover a tile.
    const float top = ImGui::GetCursorScreenPos().y;
    const AccessBar bar = accessBarLayout(env, left, width);
    const float bottom = env.pos.y + env.size.y - bar.height - m.mm(4.0f);
    ImGui::SetCursorScreenPos(ImVec2(env.pos.x, top));
    ImGui::BeginChild("##home-content", ImVec2(env.size.x, std::max(1.0f, bottom - top)), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoMove);
    ImGui::SetCursorPos(ImVec2(left - env.pos.x, 0));  // window-relative: follows the scroll
    ImGui::BeginGroup();                               // new lines start at `left`

    // Tiles only for what exists: a tile leading to an empty screen would be a broken promise.
    // Two columns: the four features fit above the newest acts in portrait and in landscape.
    // Title, English line and detail (widgets::tile's layout) with its padding, and no empty band
    // between them when larger text already makes the tile tall.
    const float tileH =
        std::max(m.mm(42.0f), 2 * m.mm(5.0f) + ui.fonts().title->FontSize * 1.15f +
                                  ui.fonts().small->FontSize * 1.5f + ui.fonts().bodyBold->FontSize * 1.1f);
    const std::string detail = m_actsToday == 1
                                   ? std::string(tr("1 atto in pubblicazione"))
                                   : fillIn(tr("{0} atti in pubblicazione"), {std::to_string(m_actsToday)});
    struct TileDef {
        const char* id;
        const char* title;
        const char* second;
        std::string detail;
        Route route;
        bool shown;
    };
    const auto plural = [](int n, const char* one, const char* many) {
        return fillIn(n == 1 ? one : many, {std::to_string(n)});
    };
    const TileDef tiles[] = {
        {"##tile-albo",
         tr("Albo pretorio"),
         tr("Albo pretorio", kOther),
         detail,
         {ScreenId::AlboList, 0},
         true},
        {"##tile-services",
         tr("Servizi"),
         tr("Servizi per i cittadini", kOther),
         sheetCountIt(m_sheets),
         {ScreenId::Services, 0},
         m_sheets > 0},
        {"##tile-search",
         tr("Cerca"),
         tr("Cerca", kOther),
         tr("Scrivi che cosa ti serve"),
         {ScreenId::Search, 0},
         m_sheets > 0 || m_actsToday > 0},
        {"##tile-notices",
         tr("Avvisi"),
         tr("Avvisi", kOther),
         plural(counts.notices, tr("{0} avviso"), tr("{0} avvisi")),
         {ScreenId::Notices, 0},
         counts.notices > 0},
        {"##tile-events",
         tr("Eventi"),
         tr("Eventi", kOther),
         plural(counts.events, tr("{0} evento questo mese"), tr("{0} eventi questo mese")),
         {ScreenId::Events, 0},
         counts.events > 0},
        {"##tile-offices",
         tr("Uffici e orari"),
         tr("Uffici e orari", kOther),
         plural(counts.offices, tr("{0} ufficio"), tr("{0} uffici")),
         {ScreenId::Offices, 0},
         counts.offices > 0},
    };
    // As many columns (up to two, three on a landscape panel) as keep a tile's title and detail on
    // one line; one with larger text. Three in landscape leave room for the newest acts.
    const int shownTiles = static_cast<int>(
        std::count_if(std::begin(tiles), std::end(tiles), [](const TileDef& t) { return t.shown; }));
    const int maxColumns = env.size.x > env.size.y && shownTiles > 4 ? 3 : 2;
    int columns = maxColumns;
    const auto tileWidth = [&](int n) { return std::floor((width - m.gap * 2 * float(n - 1)) / float(n)); };
    while (columns > 1 && tileWidth(columns) < ui.fonts().title->FontSize * 8.5f) --columns;
    const float tileW = tileWidth(columns);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    int shown = 0;
    for (const TileDef& t : tiles) {
        if (!t.shown) continue;
        ImGui::SetCursorScreenPos(ImVec2(origin.x + float(shown % columns) * (tileW + m.gap * 2),
                                         origin.y + float(shown / columns) * (tileH + m.gap * 2)));
        if (widgets::tile(ui, t.id, t.title, t.second, t.detail, ImVec2(tileW, tileH))) env.nav.open(t.route);
        ++shown;
    }
    ImGui::SetCursorScreenPos(
        ImVec2(origin.x, origin.y + float((shown + columns - 1) / columns) * (tileH + m.gap * 2)));
    ImGui::Dummy(ImVec2(width, 0));

    // The heading only with at least one card under it (a larger text or the landscape access bar
    // may leave no room).
    const float newestNeed = m.mm(6.0f) + ui.fonts().bodyBold->FontSize * 1.5f + actCardHeight(ui);
    if (!m_newest.empty() && ImGui::GetCursorScreenPos().y + newestNeed <= bottom) {
        ImGui::Dummy(ImVec2(0, m.mm(6.0f)));
        widgets::text(
            ui, ui.fonts().bodyBold, ui.pal().text,
            std::string(tr("Ultimi atti pubblicati")) + " \xC2\xB7 " + tr("Ultimi atti pubblicati", kOther),
            Role::Heading, width);
        const float cardH = actCardHeight(ui);
        for (const ActCard& card : m_newest) {
            if (ImGui::GetCursorScreenPos().y + cardH > bottom) break;  // never cut a card in half
            if (drawActCard(ui, card, ImVec2(width, cardH))) env.nav.open({ScreenId::ActDetail, card.id, {}});
        }
    }
    ImGui::EndGroup();
    m_scroller.update(ui);
    ImGui::EndChild();
    drawAccessBar(env, bar);
}

HomeScreen::AccessBar HomeScreen::accessBarLayout(const ScreenEnv& env, float left, float width) {
    const Ui& ui = env.ui;
    const Metrics& m = ui.met();
    AccessBar bar;
    bar.buttonH = std::max(m.touchMin, ui.fonts().bodyBold->FontSize * 2.2f);
    bar.buttons = hasReadAloud(env) ? 5 : 4;
    // One row across the whole width when every button still holds its longest label ("A portata
    // di mano: no", about eleven ems): a landscape panel then keeps two rows for the newest acts.
    const float full = env.size.x - 2 * m.margin;
    const float oneRowW = (full - float(bar.buttons - 1) * m.gap) / float(bar.buttons);
    if (oneRowW >= ui.fonts().bodyBold->FontSize * 11.0f) {
        bar.rows = 1;
        bar.left = env.pos.x + m.margin;
        bar.width = full;
    } else {
        bar.rows = 3;  // the language switch, then two rows of two buttons
        bar.left = left;
        bar.width = width;
    }
    bar.height = float(bar.rows) * bar.buttonH + float(bar.rows - 1) * m.gap + 2 * m.mm(4.0f);
    return bar;
}

void HomeScreen::drawAccessBar(ScreenEnv& env, const AccessBar& bar) {
    // Accessibility on the home screen, at the bottom (within reach seated), always in words:
    // the current state is written on the button, not shown by colour.
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    const float h = bar.buttonH;
    const float y0 = env.pos.y + env.size.y - float(bar.rows) * h - float(bar.rows - 1) * m.gap - m.mm(4.0f);
    // Slot i: in one row, the i-th of `buttons`; in three rows, the language switch alone on the
    // first row, then two per row.
    const float rowW = bar.rows == 1 ? (bar.width - float(bar.buttons - 1) * m.gap) / float(bar.buttons)
                                     : std::floor((bar.width - m.gap) * 0.5f);
    auto at = [&](int slot) {
        const int col = bar.rows == 1 ? slot : (slot == 0 ? 0 : (slot - 1) % 2);
        const int row = bar.rows == 1 ? 0 : (slot == 0 ? 0 : 1 + (slot - 1) / 2);
        ImGui::SetCursorScreenPos(
            ImVec2(std::floor(bar.left + float(col) * (rowW + m.gap)), y0 + float(row) * (h + m.gap)));
    };
    const ImVec2 button(std::floor(rowW), h);
    const char* kSizes[] = {tr("Testo normale"), tr("Testo grande"), tr("Testo molto grande")};
    Session& s = env.session;
    at(0);
    languageButton(env, bar.rows == 1 ? button : ImVec2(bar.width, h));
    at(1);
    if (widgets::button(ui, "##text-size", kSizes[static_cast<int>(s.textSize)],
                        tr("Dimensione del testo", kOther), button, widgets::ButtonStyle::Quiet, "Aa"))
        s.textSize = s.textSize == TextSize::Normal  ? TextSize::Large
                     : s.textSize == TextSize::Large ? TextSize::Larger
                                                     : TextSize::Normal;
    at(2);
    if (widgets::button(ui, "##contrast",
                        s.highContrast ? tr("Alto contrasto: s\xC3\xAC") : tr("Alto contrasto: no"),
                        tr("Alto contrasto", kOther), button, widgets::ButtonStyle::Quiet, "\xE2\x97\x90"))
        s.highContrast = !s.highContrast;
    at(3);
    if (widgets::button(
            ui, "##reach", s.reach ? tr("A portata di mano: s\xC3\xAC") : tr("A portata di mano: no"),
            tr("A portata di mano (da seduti)", kOther), button, widgets::ButtonStyle::Quiet, "\xE2\x86\x93"))
        s.reach = !s.reach;
    if (bar.buttons == 5) {
        at(4);
        listenButton(env, button);
    }
}

}  // namespace vt
