// Search from the citizen's words: a large query field, the on-screen Italian keyboard, and
// results that follow every key, grouped by kind with the matched words in bold.
#pragma once

#include "core/search/search.h"
#include "ui/keyboard.h"
#include "ui/screen_env.h"
#include "ui/touch_scroller.h"

#include <string>

namespace vt {

class SearchScreen {
public:
    // `startQuery`: the route's key ("search:carta"), applied when it changes.
    void draw(ScreenEnv& env, const std::string& startQuery);
    // The visitor left the screen: a query that found nothing is finished and counted.
    void leave(const KioskActions& actions);
    // Back home: nothing of this visitor's search stays on screen.
    void reset();
    const std::string& query() const { return m_query.text; }

private:
    void runSearch(ScreenEnv& env);
    void drawField(Ui& ui, ImVec2 pos, float width, float height);
    void drawResults(ScreenEnv& env, float left, float width);
    void finishQuery(const KioskActions& actions);

    QueryText m_query;
    OnScreenKeyboard m_keyboard;
    SearchResult m_result;
    std::string m_searched;  // the text m_result is for
    std::uint64_t m_searchedVersion = 0;
    std::string m_searchedLang;
    std::string m_appliedStart;
    UnixSeconds m_lastEditAt = 0;
    std::string m_lastMiss;  // the last query counted as a miss, so it is counted once
    TouchScroller m_scroller;
    bool m_scrollToTop = false;
};

// "Servizi", "Albo pretorio"... for a search hit kind.
std::string searchKindLabel(const std::string& kind);

}  // namespace vt
