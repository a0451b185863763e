// The sheets of one topic, life event, body or initial letter: cards with the title on up to two
// lines, the body that provides the service, and "Non attivo" in words when it is not active.
#pragma once

#include "core/sheets/sheet_store.h"
#include "ui/screen_env.h"
#include "ui/touch_scroller.h"

#include <string>
#include <vector>

namespace vt {

class SheetListScreen {
public:
    // `filterKey`: "topic:LABEL", "event:CODE", "body:ID" or "initial:L" (the route's key).
    void draw(ScreenEnv& env, const std::string& filterKey);

private:
    void reload(ScreenEnv& env, const std::string& filterKey);

    std::vector<SheetSummary> m_sheets;
    std::string m_title;
    std::string m_loadedKey;
    std::string m_loadedLang;
    std::uint64_t m_loadedVersion = ~0ull;
    TouchScroller m_scroller;
};

float sheetCardHeight(const Ui& ui);
// Draws the card at the cursor; true when tapped.
bool drawSheetCard(Ui& ui, const SheetSummary& s, ImVec2 size);

}  // namespace vt
