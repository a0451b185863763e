#include "ui/navigation.h"

#include <charconv>

namespace vt {

std::optional<Route> parseRoute(std::string_view s) {
    if (s == "home") return Route{ScreenId::Home, 0};
    if (s == "albo") return Route{ScreenId::AlboList, 0};
    if (s == "maintenance") return Route{ScreenId::Maintenance, 0};
    if (s == "notices") return Route{ScreenId::Notices, 0};
    if (s == "events") return Route{ScreenId::Events, 0};
    if (s == "offices") return Route{ScreenId::Offices, 0};
    if (s == "attract") return Route{ScreenId::Attract, 0};
    if (s == "alert") return Route{ScreenId::Alert, 0};
    for (auto [prefix, screen] : {std::pair{std::string_view("act:"), ScreenId::ActDetail},
                                  std::pair{std::string_view("notice:"), ScreenId::NoticeDetail}}) {
        if (s.substr(0, prefix.size()) != prefix) continue;
        std::int64_t id = 0;
        const auto tail = s.substr(prefix.size());
        const auto [p, ec] = std::from_chars(tail.data(), tail.data() + tail.size(), id);
        if (ec == std::errc() && p == tail.data() + tail.size() && id > 0) return Route{screen, id};
    }
    return std::nullopt;
}

std::string routeName(const Route& r) {
    switch (r.screen) {
        case ScreenId::Home: return "home";
        case ScreenId::AlboList: return "albo";
        case ScreenId::ActDetail: return "act:" + std::to_string(r.id);
        case ScreenId::Maintenance: return "maintenance";
        case ScreenId::Notices: return "notices";
        case ScreenId::NoticeDetail: return "notice:" + std::to_string(r.id);
        case ScreenId::Events: return "events";
        case ScreenId::EventDetail: return "events";  // an occurrence is chosen on the list
        case ScreenId::Offices: return "offices";
        case ScreenId::Attract: return "attract";
        case ScreenId::Alert: return "alert";
    }
    return "home";
}

void Navigator::open(Route r) {
    if (r == m_current) return;
    m_history.push_back(m_current);
    m_current = r;
    m_changed = true;
}

void Navigator::back() {
    if (m_history.empty()) return home();
    m_current = m_history.back();
    m_history.pop_back();
    m_changed = true;
}

void Navigator::home() {
    m_history.clear();
    if (!(m_current == Route{})) m_changed = true;
    m_current = Route{};
}

bool Navigator::consumeChanged() {
    const bool c = m_changed;
    m_changed = false;
    return c;
}

}  // namespace vt
