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
    Home, AlboList, ActDetail, Maintenance, Notices, NoticeDetail, Events, EventDetail, Offices, Attract, Alert
};

struct Route {
    ScreenId screen = ScreenId::Home;
    std::int64_t id = 0;  // the act for ActDetail, the notice for NoticeDetail, the occurrence's start for EventDetail
    bool operator==(const Route&) const = default;
};

// "home", "albo", "act:12", "notices", "notice:3", "events", "offices", "attract", "alert",
// "maintenance" (the names `vetrina shoot --screen` takes).
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
