// Where the user is: the current screen and the way back.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vt {

enum class ScreenId { Home, AlboList, ActDetail, Maintenance, Services, SheetList, SheetDetail, Search };

struct Route {
    ScreenId screen = ScreenId::Home;
    std::int64_t id = 0;  // the act for ActDetail
    // The sheet id for SheetDetail, the filter for SheetList ("event:persone/9", "topic:Anagrafe",
    // "body:inps", "initial:C"), the starting query for Search.
    std::string key;
    bool operator==(const Route&) const = default;
};

// "home", "albo", "act:12", "services" (or "sheets"), "sheets:event:persone/9", "sheet:ID",
// "search", "search:QUERY", "maintenance" (the names `vetrina shoot --screen` takes).
std::optional<Route> parseRoute(std::string_view s);
std::string routeName(const Route& r);

class Navigator {
public:
    const Route& current() const { return m_current; }
    void open(Route r);
    void back();
    void home();
    bool canGoBack() const { return !m_history.empty(); }
    // A route change happened since the last call (screens reset their transient state).
    bool consumeChanged();

private:
    Route m_current;
    std::vector<Route> m_history;
    bool m_changed = true;
};

}  // namespace vt
