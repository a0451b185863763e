#include "ui/navigation.h"

#include "core/albo/act_types.h"

#include <charconv>

namespace vt {

namespace {

// A positive decimal number that is the whole of `s`.
template <typename T>
bool positive(std::string_view s, T& out) {
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size() && out > 0;
}

}  // namespace

std::optional<Route> parseRoute(std::string_view s) {
    Route r;
    if (s == "home") return r;
    if (s == "albo") return r.screen = ScreenId::AlboList, r;
    if (s == "maintenance") return r.screen = ScreenId::Maintenance, r;
    if (s.substr(0, 5) == "albo:" && isAlboCategory(s.substr(5))) {
        r.screen = ScreenId::AlboList;
        r.chip = std::string(s.substr(5));
        return r;
    }
    if (s == "services" || s == "sheets") return Route{ScreenId::Services, 0, {}};
    if (s == "search") return Route{ScreenId::Search, 0, {}};
    auto after = [&](std::string_view prefix) -> std::optional<std::string> {
        if (s.size() > prefix.size() && s.substr(0, prefix.size()) == prefix)
            return std::string(s.substr(prefix.size()));
        return std::nullopt;
    };
    if (auto k = after("sheets:")) {
        const std::string_view f = *k;
        for (std::string_view kind : {"topic:", "event:", "body:", "initial:"})
            if (f.size() > kind.size() && f.substr(0, kind.size()) == kind)
                return Route{ScreenId::SheetList, 0, *k};
        return std::nullopt;
    }
    if (auto k = after("sheet:")) return Route{ScreenId::SheetDetail, 0, *k};
    if (auto k = after("search:")) return Route{ScreenId::Search, 0, *k};
    if (auto k = after("office:")) return Route{ScreenId::Offices, 0, *k};
    if (std::int64_t id = 0; s.substr(0, 6) == "event:" && positive(s.substr(6), id))
        return Route{ScreenId::EventDetail, 0, std::string(s.substr(6))};
    if (s.substr(0, 4) == "act:" && positive(s.substr(4), r.id)) return r.screen = ScreenId::ActDetail, r;
    if (s.substr(0, 4) == "pdf:") {
        // pdf:ACT[:PAGE[:ATTACHMENT]]
        std::string_view rest = s.substr(4);
        std::string_view parts[3];
        int n = 0;
        while (n < 3) {
            const size_t colon = rest.find(':');
            parts[n++] = rest.substr(0, colon);
            if (colon == std::string_view::npos) break;
            rest = rest.substr(colon + 1);
            if (n == 3) return std::nullopt;  // a fourth part
        }
        r.screen = ScreenId::PdfViewer;
        if (!positive(parts[0], r.id)) return std::nullopt;
        if (n >= 2 && !positive(parts[1], r.page)) return std::nullopt;
        if (n >= 3 && !positive(parts[2], r.attachment)) return std::nullopt;
        return r;
    }
    if (s == "notices") return Route{ScreenId::Notices, 0};
    if (s == "events") return Route{ScreenId::Events, 0};
    if (s == "offices") return Route{ScreenId::Offices, 0};
    if (s == "attract") return Route{ScreenId::Attract, 0};
    if (s == "alert") return Route{ScreenId::Alert, 0};
    if (s.substr(0, 7) == "notice:") {
        if (positive(s.substr(7), r.id)) return r.screen = ScreenId::NoticeDetail, r;
        return std::nullopt;
    }
    return std::nullopt;
}

std::string routeName(const Route& r) {
    switch (r.screen) {
        case ScreenId::Home:
            return "home";
        case ScreenId::AlboList:
            return r.chip.empty() ? "albo" : "albo:" + r.chip;
        case ScreenId::ActDetail:
            return "act:" + std::to_string(r.id);
        case ScreenId::Maintenance:
            return "maintenance";
        case ScreenId::PdfViewer: {
            std::string name = "pdf:" + std::to_string(r.id);
            // Appended in place: "..." + a temporary string trips GCC 12's -Wrestrict false positive at -O3.
            if (r.page > 0 || r.attachment > 0) (name += ':') += std::to_string(r.page > 0 ? r.page : 1);
            if (r.attachment > 0) (name += ':') += std::to_string(r.attachment);
            return name;
        }
        case ScreenId::Services:
            return "services";
        case ScreenId::SheetList:
            return "sheets:" + r.key;
        case ScreenId::SheetDetail:
            return "sheet:" + r.key;
        case ScreenId::Search:
            return r.key.empty() ? "search" : "search:" + r.key;
        case ScreenId::Notices:
            return "notices";
        case ScreenId::NoticeDetail:
            return "notice:" + std::to_string(r.id);
        case ScreenId::Events:
            return "events";
        case ScreenId::EventDetail:  // an occurrence chosen on the list has no name of its own
            return r.key.empty() ? "events" : "event:" + r.key;
        case ScreenId::Offices:
            return r.key.empty() ? "offices" : "office:" + r.key;
        case ScreenId::Attract:
            return "attract";
        case ScreenId::Alert:
            return "alert";
    }
    return "home";
}

void Navigator::open(Route r) {
    if (r == m_current) return;
    m_history.push_back(m_current);
    m_current = std::move(r);
    m_changed = true;
    m_cameBack = false;
}

void Navigator::back() {
    if (m_history.empty()) return home();
    m_current = m_history.back();
    m_history.pop_back();
    m_changed = true;
    m_cameBack = true;
}

void Navigator::home() {
    m_cameBack = false;
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
