#include "ui/navigation.h"

#include <charconv>

namespace vt {

std::optional<Route> parseRoute(std::string_view s) {
    if (s == "home") return Route{ScreenId::Home, 0, {}};
    if (s == "albo") return Route{ScreenId::AlboList, 0, {}};
    if (s == "maintenance") return Route{ScreenId::Maintenance, 0, {}};
    if (s == "services" || s == "sheets") return Route{ScreenId::Services, 0, {}};
    if (s == "search") return Route{ScreenId::Search, 0, {}};
    auto after = [&](std::string_view prefix) -> std::optional<std::string> {
        if (s.size() > prefix.size() && s.substr(0, prefix.size()) == prefix) return std::string(s.substr(prefix.size()));
        return std::nullopt;
    };
    if (auto k = after("sheets:")) {
        const std::string_view f = *k;
        for (std::string_view kind : {"topic:", "event:", "body:", "initial:"})
            if (f.size() > kind.size() && f.substr(0, kind.size()) == kind) return Route{ScreenId::SheetList, 0, *k};
        return std::nullopt;
    }
    if (auto k = after("sheet:")) return Route{ScreenId::SheetDetail, 0, *k};
    if (auto k = after("search:")) return Route{ScreenId::Search, 0, *k};
    if (s.substr(0, 4) == "act:") {
        std::int64_t id = 0;
        const auto tail = s.substr(4);
        const auto [p, ec] = std::from_chars(tail.data(), tail.data() + tail.size(), id);
        if (ec == std::errc() && p == tail.data() + tail.size() && id > 0) return Route{ScreenId::ActDetail, id, {}};
    }
    return std::nullopt;
}

std::string routeName(const Route& r) {
    switch (r.screen) {
        case ScreenId::Home: return "home";
        case ScreenId::AlboList: return "albo";
        case ScreenId::ActDetail: return "act:" + std::to_string(r.id);
        case ScreenId::Maintenance: return "maintenance";
        case ScreenId::Services: return "services";
        case ScreenId::SheetList: return "sheets:" + r.key;
        case ScreenId::SheetDetail: return "sheet:" + r.key;
        case ScreenId::Search: return r.key.empty() ? "search" : "search:" + r.key;
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
