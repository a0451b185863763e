// Services: four ways into the service sheets (by topic, by life event, by body, A–Z), each a list
// of large buttons with the number of sheets; one tap more opens the list of sheets.
#pragma once

#include "core/sheets/sheet_store.h"
#include "ui/screen_env.h"
#include "ui/touch_scroller.h"

#include <string>
#include <vector>

namespace vt {

class ServicesScreen {
public:
    enum class Way { Topic, LifeEvent, Body, Initial };

    void draw(ScreenEnv& env);
    void reset() {
        m_way = Way::LifeEvent;
        m_scrollToTop = true;
    }

private:
    void reload(ScreenEnv& env);
    void drawFacetRows(ScreenEnv& env, const std::vector<Facet>& facets, const char* prefix, float width);
    void drawInitials(ScreenEnv& env, float width);

    Way m_way = Way::LifeEvent;  // the citizen's need first
    std::vector<Facet> m_topics, m_events, m_bodies, m_initials;
    int m_count = 0;
    std::uint64_t m_loadedVersion = ~0ull;
    std::string m_loadedLang;
    TouchScroller m_scroller;
    bool m_scrollToTop = false;
};

// "1 scheda", "5 schede".
std::string sheetCountIt(int n);

}  // namespace vt
