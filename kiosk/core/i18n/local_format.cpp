#include "core/i18n/local_format.h"

#include "core/util/italian_format.h"

#include <cstdio>

namespace vt {

const char* weekdayName(int wd, Language l) {
    if (l == Language::Italian) return italianWeekday(wd);
    static const char* kNames[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                   "Friday", "Saturday", "Sunday"};
    return kNames[((wd % 7) + 7) % 7];
}

const char* monthName(int month, Language l) {
    if (l == Language::Italian) return italianMonth(month);
    static const char* kNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
    return (month >= 1 && month <= 12) ? kNames[month - 1] : "";
}

std::string formatDateShort(CivilDate d, Language) {
    return formatDateShortIt(d);
}

std::string formatDateLong(CivilDate d, Language l) {
    return std::to_string(d.day) + " " + monthName(d.month, l) + " " + std::to_string(d.year);
}

std::string formatDateWithWeekday(CivilDate d, Language l) {
    return std::string(weekdayName(weekday(d), l)) + " " + formatDateLong(d, l);
}

std::string formatDayMonth(CivilDate d, Language l) {
    return std::string(weekdayName(weekday(d), l)) + " " + std::to_string(d.day) + " " +
           monthName(d.month, l);
}

std::string formatTime(int hour, int minute) {
    return formatTimeIt(hour, minute);
}

std::string formatDecimal(double value, int decimals, Language l) {
    char b[48];
    std::snprintf(b, sizeof b, "%.*f", decimals, value);
    if (l == Language::Italian)
        for (char* c = b; *c; ++c)
            if (*c == '.') *c = ',';
    return b;
}

std::string formatBytes(long long bytes, Language l) {
    if (l == Language::Italian) return formatBytesIt(bytes);
    if (bytes < 1024) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
    if (bytes < 1024 * 1024) return std::to_string((bytes + 512) / 1024) + " kB";
    if (bytes < 1024LL * 1024 * 1024)
        return formatDecimal(static_cast<double>(bytes) / (1024.0 * 1024.0), 1, l) + " MB";
    return formatDecimal(static_cast<double>(bytes) / (1024.0 * 1024.0 * 1024.0), 1, l) + " GB";
}

std::string formatOpenStatus(const OpenStatus& s, UnixSeconds now, Language l) {
    if (l == Language::Italian) return formatOpenStatusIt(s, now);
    auto clock = [](UnixSeconds t) {
        const CivilDateTime c = romeLocal(t);
        return formatTime(c.hour, c.minute);
    };
    if (s.open) {
        if (!s.closesAt) return "Open 24 hours a day";
        if (romeDate(*s.closesAt) == romeDate(now))
            return "Open now \xC2\xB7 closes at " + clock(*s.closesAt);
        return std::string("Open now \xC2\xB7 closes ") + weekdayName(weekday(romeDate(*s.closesAt)), l) +
               " at " + clock(*s.closesAt);
    }
    if (!s.opensAt) return "Closed";
    const CivilDate d = romeDate(*s.opensAt), today = romeDate(now);
    const std::int64_t days = daysFromCivil(d) - daysFromCivil(today);
    if (days == 0) return "Opens today at " + clock(*s.opensAt);
    if (days == 1) return "Opens tomorrow at " + clock(*s.opensAt);
    if (days < 7) return std::string("Opens ") + weekdayName(weekday(d), l) + " at " + clock(*s.opensAt);
    return "Opens on " + std::to_string(d.day) + " " + monthName(d.month, l) + " at " + clock(*s.opensAt);
}

std::string fillIn(std::string_view pattern, std::initializer_list<std::string_view> values) {
    std::string out;
    out.reserve(pattern.size() + 16);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '0' &&
            pattern[i + 1] <= '9') {
            const std::size_t k = std::size_t(pattern[i + 1] - '0');
            if (k < values.size()) {
                out += values.begin()[k];
                i += 2;
                continue;
            }
        }
        out += pattern[i];
    }
    return out;
}

}  // namespace vt
