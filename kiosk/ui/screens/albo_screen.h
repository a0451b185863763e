// The albo pretorio: the acts inside their publication window now, newest first, with filter
// chips by kind of act, a "Filtra" text field with its own keyboard, and the legal note.
#pragma once

#include "ui/act_card.h"
#include "ui/albo_filter_keyboard.h"
#include "ui/filter_chips.h"
#include "ui/screen_env.h"
#include "ui/touch_scroller.h"

#include <string>
#include <vector>

namespace vt {

class AlboScreen {
public:
    void draw(ScreenEnv& env, const Route& route);

    // The filter on screen (tests and read-aloud).
    const std::string& chip() const { return m_chip; }
    const std::string& filterText() const { return m_text; }

private:
    void reloadCounts(ScreenEnv& env);
    void reloadCards(ScreenEnv& env);
    // Chips, filter field and keyboard toggle; returns true when the filter changed.
    bool drawFilters(ScreenEnv& env, float width, bool oneColumn);
    void drawList(ScreenEnv& env, ImVec2 pos, ImVec2 size, float cardWidth);

    // Store-derived, reloaded on content, day or filter changes only.
    std::vector<ActCard> m_cards;
    std::vector<FilterChip> m_chips;  // "Tutti" first, then the categories with acts
    int m_total = 0;
    std::uint64_t m_loadedVersion = ~0ull;
    CivilDate m_loadedDay;
    std::string m_loadedChip = "\x01", m_loadedText = "\x01";  // never a real filter: first frame loads

    std::string m_chip;  // "" = Tutti
    std::string m_text;
    bool m_keyboardOpen = false;
    bool m_scrollToTop = false;
    int m_lastFrame = -10;
    AlboFilterKeyboard m_keyboard;
    TouchScroller m_scroller;
};

}  // namespace vt
