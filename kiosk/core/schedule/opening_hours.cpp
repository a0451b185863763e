#include "core/schedule/opening_hours.h"

#include "core/util/text.h"

#include <algorithm>
#include <array>

namespace vt {

namespace {

constexpr std::array<std::string_view, 7> kDays{"mo", "tu", "we", "th", "fr", "sa", "su"};
constexpr std::array<std::string_view, 12> kMonths{"jan", "feb", "mar", "apr", "may", "jun",
                                                   "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr int kLookaheadDays = 370;

int dayIndex(std::string_view s) {
    const std::string l = toLowerAscii(s);
    for (size_t i = 0; i < kDays.size(); ++i)
        if (l == kDays[i]) return static_cast<int>(i);
    return -1;
}

int monthIndex(std::string_view s) {
    const std::string l = toLowerAscii(s);
    for (size_t i = 0; i < kMonths.size(); ++i)
        if (l == kMonths[i]) return static_cast<int>(i) + 1;
    return 0;
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t i = 0; i <= s.size(); ++i)
        if (i == s.size() || s[i] == sep) {
            out.push_back(trim(s.substr(start, i - start)));
            start = i + 1;
        }
    return out;
}

std::vector<std::string> words(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == ' ' || c == '\t') {
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

bool isDigits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "Mo-Fr,Su,PH" into the rule; false when a word is not a weekday selector.
bool parseWeekdaySelector(const std::string& w, OpeningRule& rule) {
    for (const std::string& item : split(w, ',')) {
        if (item == "PH") {
            rule.publicHolidays = true;
            continue;
        }
        const auto dash = item.find('-');
        if (dash == std::string::npos) {
            const int d = dayIndex(item);
            if (d < 0) return false;
            rule.weekdays = static_cast<std::uint8_t>(rule.weekdays | (1u << d));
            continue;
        }
        const int a = dayIndex(item.substr(0, dash)), b = dayIndex(item.substr(dash + 1));
        if (a < 0 || b < 0) return false;
        for (int d = a;; d = (d + 1) % 7) {  // "Sa-Mo" wraps over the week's end
            rule.weekdays = static_cast<std::uint8_t>(rule.weekdays | (1u << d));
            if (d == b) break;
        }
    }
    return true;
}

bool parseTimes(const std::string& w, OpeningRule& rule) {
    for (const std::string& item : split(w, ',')) {
        const auto dash = item.find('-');
        if (dash == std::string::npos) return false;
        auto a = parseClockMinutes(item.substr(0, dash));
        auto b = parseClockMinutes(item.substr(dash + 1));
        if (!a || !b || *a >= 1440) return false;
        int end = *b;
        if (end <= *a) end += 1440;  // runs past midnight
        rule.ranges.push_back({*a, end});
    }
    return true;
}

// "Mo, We 08:30-12:30, 14:30-17:00" as staff often type it: blanks around commas dropped.
std::string tightenCommas(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ' ' || text[i] == '\t') {
            size_t j = i;
            while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
            if ((j < text.size() && text[j] == ',') || (!out.empty() && out.back() == ',')) {
                i = j - 1;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

OpeningRule parseRule(const std::string& original, int index) {
    const std::string text = tightenCommas(original);
    OpeningRule rule;
    const auto fail = [&](const std::string& word) {
        return OpeningHoursError("rule " + std::to_string(index) + " (\"" + text + "\"): cannot read \"" +
                                 word + "\"");
    };
    if (text == "24/7") {
        rule.ranges.push_back({0, 1440});
        return rule;
    }
    const std::vector<std::string> w = words(text);
    size_t i = 0;
    // Dates: [YYYY] Mon DD[-DD][,DD...] possibly repeated with commas between items.
    while (i < w.size()) {
        OpeningRule::DateSel sel;
        size_t j = i;
        if (isDigits(w[j]) && w[j].size() == 4 && j + 1 < w.size() && monthIndex(w[j + 1])) {
            sel.year = std::stoi(w[j]);
            ++j;
        }
        if (j >= w.size() || !monthIndex(w[j])) break;
        sel.month = monthIndex(w[j]);
        ++j;
        std::string days = j < w.size() ? w[j] : "";
        if (!days.empty() && days.back() == ',') days.pop_back();
        if (days.empty() || !(days[0] >= '0' && days[0] <= '9')) {
            sel.dayFrom = 1;  // a whole month
            sel.dayTo = 31;
            rule.dates.push_back(sel);
            i = j;
            continue;
        }
        for (const std::string& d : split(days, ',')) {
            const auto dash = d.find('-');
            const std::string a = d.substr(0, dash), b = dash == std::string::npos ? a : d.substr(dash + 1);
            if (!isDigits(a) || !isDigits(b) || a.size() > 2 || b.size() > 2)
                throw fail(d);  // stoi: no out_of_range
            sel.dayFrom = std::stoi(a);
            sel.dayTo = std::stoi(b);
            if (sel.dayFrom < 1 || sel.dayTo > 31 || sel.dayTo < sel.dayFrom) throw fail(d);
            rule.dates.push_back(sel);
        }
        i = j + 1;
    }
    if (i < w.size() && rule.dates.empty() && parseWeekdaySelector(w[i], rule)) ++i;
    if (i < w.size()) {
        const std::string l = toLowerAscii(w[i]);
        if (l == "off" || l == "closed") {
            rule.off = true;
            ++i;
        } else if (l == "open") {
            ++i;
        } else if (parseTimes(w[i], rule)) {
            ++i;
        } else {
            throw fail(w[i]);
        }
    }
    if (i < w.size()) throw fail(w[i]);
    if (!rule.weekdays && !rule.publicHolidays && rule.dates.empty() && rule.ranges.empty() && !rule.off)
        throw fail(text);
    return rule;
}

bool ruleSelects(const OpeningRule& r, CivilDate d, const HolidayCalendar& holidays) {
    if (!r.dates.empty()) {
        for (const auto& s : r.dates)
            if ((s.year == 0 || s.year == d.year) && s.month == d.month && d.day >= s.dayFrom &&
                d.day <= s.dayTo)
                return true;
        return false;
    }
    if (!r.weekdays && !r.publicHolidays) return true;
    if (r.weekdays & (1u << weekday(d))) return true;
    return r.publicHolidays && holidays.isHoliday(d);
}

}  // namespace

std::optional<int> parseClockMinutes(std::string_view s) {
    const std::string t = trim(s);
    const auto colon = t.find(':');
    if (colon == std::string::npos || colon == 0 || colon > 2 || t.size() != colon + 3) return std::nullopt;
    const std::string h = t.substr(0, colon), m = t.substr(colon + 1);
    if (!isDigits(h) || !isDigits(m)) return std::nullopt;
    const int hh = std::stoi(h), mm = std::stoi(m);
    if (mm > 59 || hh > 24 || (hh == 24 && mm != 0)) return std::nullopt;
    return hh * 60 + mm;
}

UnixSeconds romeInstantAt(CivilDate d, int minutes) {
    CivilDateTime local;
    local.date = addDays(d, minutes / 1440);
    local.hour = (minutes % 1440) / 60;
    local.minute = minutes % 60;
    return romeToInstant(local);
}

OpeningHours OpeningHours::parse(std::string_view text) {
    OpeningHours oh;
    oh.m_text = trim(text);
    int index = 0;
    for (const std::string& r : split(oh.m_text, ';')) {
        ++index;
        if (r.empty()) continue;
        oh.m_rules.push_back(parseRule(r, index));
    }
    if (oh.m_rules.empty()) throw OpeningHoursError("no rules");
    return oh;
}

std::vector<MinuteRange> OpeningHours::rangesOn(CivilDate d, const HolidayCalendar& holidays) const {
    std::vector<MinuteRange> out;
    for (const OpeningRule& r : m_rules) {
        if (!ruleSelects(r, d, holidays)) continue;
        if (r.off)
            out.clear();
        else if (r.ranges.empty())
            out = {{0, 1440}};
        else
            out = r.ranges;
    }
    return out;
}

std::vector<Span> OpeningHours::spans(UnixSeconds from, UnixSeconds to,
                                      const HolidayCalendar& holidays) const {
    std::vector<Span> out;
    const CivilDate first = addDays(romeDate(from), -1);  // yesterday's range may run past midnight
    for (CivilDate d = first;; d = addDays(d, 1)) {
        if (romeStartOfDay(d) >= to) break;
        for (const MinuteRange& m : rangesOn(d, holidays)) {
            const Span s{romeInstantAt(d, m.start), romeInstantAt(d, m.end)};
            if (s.end <= s.start || s.end <= from || s.start >= to)
                continue;  // e.g. inside the skipped DST hour
            if (!out.empty() && s.start <= out.back().end)
                out.back().end = std::max(out.back().end, s.end);
            else
                out.push_back(s);
        }
    }
    return out;
}

OpenStatus OpeningHours::statusAt(UnixSeconds t, const HolidayCalendar& holidays) const {
    // Widening horizons: nearly every answer lies within a few days, so the year-long scan is rare.
    for (const int horizon : {3, 16, kLookaheadDays}) {
        const UnixSeconds end = t + UnixSeconds(horizon) * 86400;
        const bool last = horizon == kLookaheadDays;
        for (const Span& s : spans(t, end, holidays)) {
            if (s.start > t) return {false, std::nullopt, s.start};
            if (t < s.end) {
                // A span reaching the horizon may go on beyond it: look further before answering.
                if (s.end < end - 86400) return {true, s.end, std::nullopt};
                if (last) return {true, std::nullopt, std::nullopt};
                break;
            }
        }
        if (last) break;
    }
    return {};
}

std::optional<UnixSeconds> OpeningHours::nextChange(UnixSeconds t, const HolidayCalendar& holidays) const {
    const OpenStatus st = statusAt(t, holidays);
    return st.open ? st.closesAt : st.opensAt;
}

}  // namespace vt
