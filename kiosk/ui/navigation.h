// Where the user is: the current screen and the way back.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vt {

// Attract and Alert are not places to stay: opening them starts the attract loop / shows the
// alert takeover (for `vetrina shoot --screen attract|alert`); the navigator is left at Home.
enum class ScreenId {
    Home,
    AlboList,
    ActDetail,
    Maintenance,
    PdfViewer,
    Services,
    SheetList,
    SheetDetail,
    Search,
    Notices,
    NoticeDetail,
    Events,
    EventDetail,
    Offices,
    Attract,
    Alert
};

struct Route {
    Route() = default;
    Route(ScreenId s, std::int64_t actId = 0, std::string k = {}) : screen(s), id(actId), key(std::move(k)) {}

    ScreenId screen = ScreenId::Home;
    std::int64_t id = 0;  // the act (ActDetail, PdfViewer), the notice, the occurrence's start (EventDetail)
    std::string chip;     // AlboList: the filter chip to start with (empty: all)
    int attachment = 0;   // PdfViewer: the act's attachment, 1-based; 0: its first PDF on disk
    int page = 0;         // PdfViewer: the page to open, 1-based; 0: the first
    // The sheet id for SheetDetail, the filter for SheetList ("event:persone/9", "topic:Anagrafe",
    // "body:inps", "initial:C"), the starting query for Search; the event's row id for
    // EventDetail opened from the search ("event:7"); the office shown alone on Offices ("office:anagrafe").
    std::string key;
    bool operator==(const Route&) const = default;
};

// "home", "albo", "albo:Concorsi", "act:12", "pdf:12" (the first PDF of act 12), "pdf:12:3"
// (its page 3), "pdf:12:3:2" (page 3 of attachment 2), "services" (or "sheets"),
// "sheets:event:persone/9", "sheet:ID", "search", "search:QUERY", "notices", "notice:3",
// "events", "event:7", "offices", "office:anagrafe", "attract", "alert", "maintenance": the names
// `vetrina shoot --screen` takes.
std::optional<Route> parseRoute(std::string_view s);
std::string routeName(const Route& r);

class Navigator {
public:
    const Route& current() const { return m_current; }
    void open(Route r);
    void back();
    void home();
    bool canGoBack() const { return !m_history.empty(); }
    // The current screen was reached with back(): it shows again what it showed before
    // (filter, scroll position) instead of starting afresh.
    bool cameBack() const { return m_cameBack; }
    // A route change happened since the last call (screens reset their transient state).
    bool consumeChanged();

private:
    Route m_current;
    std::vector<Route> m_history;
    bool m_changed = true;
    bool m_cameBack = false;
};

}  // namespace vt
