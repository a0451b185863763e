#include "core/util/civil_time.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>

namespace vt {

std::int64_t daysFromCivil(CivilDate d) {
    const std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (d.month + 9) % 12;
    const std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

CivilDate civilFromDays(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
    return {year, month, day};
}

CivilDate addDays(CivilDate d, int days) {
    return civilFromDays(daysFromCivil(d) + days);
}

int weekday(CivilDate d) {
    const std::int64_t z = daysFromCivil(d);  // 1970-01-01 was a Thursday (3)
    return static_cast<int>(((z % 7) + 7 + 3) % 7);
}

bool isValidDate(CivilDate d) {
    if (d.year < 1900 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1) return false;
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    const int max = d.month == 2 && leap ? 29 : kDays[d.month - 1];
    return d.day <= max;
}

namespace {

// March and October, the months of the EU clock changes, both have 31 days. (This used to step
// back from day 31 "until valid", which never ended for years outside isValidDate's range: a
// fuzzed calendar reached it with a date in year 2^31.)
CivilDate lastSundayOf31DayMonth(int year, int month) {
    const CivilDate d{year, month, 31};
    return addDays(d, -((weekday(d) + 1) % 7));  // weekday 6 = Sunday
}

// Instants far outside any real content (before year 1 or after 9999) are clamped so that the
// arithmetic below cannot overflow whatever a feed or a calendar says.
constexpr UnixSeconds kEarliest = -62135596800;  // 0001-01-01T00:00:00Z
constexpr UnixSeconds kLatest = 253402297199;    // 9999-12-31T23:59:59 in Rome
UnixSeconds clampInstant(UnixSeconds t) {
    return t < kEarliest ? kEarliest : t > kLatest ? kLatest : t;
}

UnixSeconds utcInstant(const CivilDateTime& t) {
    return daysFromCivil(t.date) * 86400 + t.hour * 3600 + t.minute * 60 + t.second;
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// Reads up to maxDigits digits at s[i]; false if none.
bool readInt(std::string_view s, size_t& i, int maxDigits, int& out) {
    int n = 0, v = 0;
    while (i < s.size() && n < maxDigits && isDigit(s[i])) {
        v = v * 10 + (s[i] - '0');
        ++i;
        ++n;
    }
    out = v;
    return n > 0;
}

void skipBlank(std::string_view s, size_t& i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n' || s[i] == ',')) ++i;
}

std::string lower(std::string_view s) {
    std::string r(s);
    for (auto& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return r;
}

}  // namespace

int romeOffsetAt(UnixSeconds t) {
    t = clampInstant(t);
    const CivilDate utcDay = civilFromDays(t >= 0 ? t / 86400 : (t - 86399) / 86400);
    const int y = utcDay.year;
    const UnixSeconds start = utcInstant({lastSundayOf31DayMonth(y, 3), 1, 0, 0});
    const UnixSeconds end = utcInstant({lastSundayOf31DayMonth(y, 10), 1, 0, 0});
    return (t >= start && t < end) ? 7200 : 3600;
}

CivilDateTime romeLocal(UnixSeconds t) {
    t = clampInstant(t);
    const UnixSeconds local = t + romeOffsetAt(t);
    const std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    const std::int64_t secs = local - days * 86400;
    CivilDateTime r;
    r.date = civilFromDays(days);
    r.hour = static_cast<int>(secs / 3600);
    r.minute = static_cast<int>((secs % 3600) / 60);
    r.second = static_cast<int>(secs % 60);
    return r;
}

CivilDate romeDate(UnixSeconds t) {
    return romeLocal(t).date;
}

UnixSeconds romeToInstant(const CivilDateTime& local) {
    const UnixSeconds asUtc = utcInstant(local);
    // Try the winter offset first, then the summer one; keep the first that maps back.
    for (int offset : {7200, 3600}) {
        const UnixSeconds t = asUtc - offset;
        if (romeOffsetAt(t) == offset) return t;
    }
    return asUtc - 3600;  // skipped spring hour: 02:30 becomes 03:30 CEST
}

UnixSeconds romeStartOfDay(CivilDate d) {
    return romeToInstant({d, 0, 0, 0});
}

std::string formatDate(CivilDate d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

std::optional<CivilDate> parseIsoDate(std::string_view s) {
    size_t i = 0;
    CivilDate d;
    if (!readInt(s, i, 4, d.year) || i != 4 || i >= s.size() || s[i++] != '-') return std::nullopt;
    if (!readInt(s, i, 2, d.month) || i >= s.size() || s[i++] != '-') return std::nullopt;
    if (!readInt(s, i, 2, d.day) || i != s.size()) return std::nullopt;
    if (!isValidDate(d)) return std::nullopt;
    return d;
}

std::optional<UnixSeconds> parseIsoInstant(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    if (s.size() < 10) return std::nullopt;
    auto date = parseIsoDate(s.substr(0, 10));
    if (!date) return std::nullopt;
    if (s.size() == 10) return romeStartOfDay(*date);
    size_t i = 10;
    if (s[i] != 'T' && s[i] != 't' && s[i] != ' ') return std::nullopt;
    ++i;
    CivilDateTime t{*date, 0, 0, 0};
    if (!readInt(s, i, 2, t.hour) || i >= s.size() || s[i++] != ':') return std::nullopt;
    if (!readInt(s, i, 2, t.minute)) return std::nullopt;
    if (i < s.size() && s[i] == ':') {
        ++i;
        if (!readInt(s, i, 2, t.second)) return std::nullopt;
    }
    if (i < s.size() && s[i] == '.') {  // fractional seconds are dropped
        ++i;
        while (i < s.size() && isDigit(s[i])) ++i;
    }
    if (t.hour > 24 || t.minute > 59 || t.second > 60) return std::nullopt;
    if (i == s.size()) return romeToInstant(t);
    if (s[i] == 'Z' || s[i] == 'z') return i + 1 == s.size() ? std::optional(utcInstant(t)) : std::nullopt;
    if (s[i] != '+' && s[i] != '-') return std::nullopt;
    const int sign = s[i] == '-' ? -1 : 1;
    ++i;
    int hh = 0, mm = 0;
    if (!readInt(s, i, 2, hh)) return std::nullopt;
    if (i < s.size() && s[i] == ':') ++i;
    if (i < s.size() && !readInt(s, i, 2, mm)) return std::nullopt;
    if (i != s.size() || hh > 14 || mm > 59) return std::nullopt;
    return utcInstant(t) - sign * (hh * 3600 + mm * 60);
}

std::string formatIsoUtc(UnixSeconds t) {
    const std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    const std::int64_t secs = t - days * 86400;
    const CivilDate d = civilFromDays(days);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year, d.month, d.day,
                  static_cast<int>(secs / 3600), static_cast<int>(secs % 3600 / 60),
                  static_cast<int>(secs % 60));
    return buf;
}

std::string formatIsoRome(UnixSeconds t) {
    const CivilDateTime l = romeLocal(t);
    const int off = romeOffsetAt(t) / 3600;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+%02d:00", l.date.year, l.date.month,
                  l.date.day, l.hour, l.minute, l.second, off);
    return buf;
}

std::optional<UnixSeconds> parseRfc822(std::string_view s) {
    static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                    "jul", "aug", "sep", "oct", "nov", "dec"};
    size_t i = 0;
    skipBlank(s, i);
    // Optional weekday name.
    if (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) {
        while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
        skipBlank(s, i);
    }
    CivilDateTime t;
    if (!readInt(s, i, 2, t.date.day)) return std::nullopt;
    skipBlank(s, i);
    size_t m0 = i;
    while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
    const std::string mon = lower(s.substr(m0, i - m0));
    if (mon.size() < 3) return std::nullopt;
    t.date.month = 0;
    for (int m = 0; m < 12; ++m)
        if (mon.compare(0, 3, kMonths[m]) == 0) t.date.month = m + 1;
    if (t.date.month == 0) return std::nullopt;
    skipBlank(s, i);
    const size_t y0 = i;
    if (!readInt(s, i, 4, t.date.year)) return std::nullopt;
    if (i - y0 == 2) t.date.year += t.date.year < 70 ? 2000 : 1900;
    if (!isValidDate(t.date)) return std::nullopt;
    skipBlank(s, i);
    if (i < s.size() && isDigit(s[i])) {
        if (!readInt(s, i, 2, t.hour) || i >= s.size() || s[i++] != ':') return std::nullopt;
        if (!readInt(s, i, 2, t.minute)) return std::nullopt;
        if (i < s.size() && s[i] == ':') {
            ++i;
            if (!readInt(s, i, 2, t.second)) return std::nullopt;
        }
        if (t.hour > 23 || t.minute > 59 || t.second > 60) return std::nullopt;
    }
    skipBlank(s, i);
    if (i >= s.size()) return romeToInstant(t);  // no zone: read as Rome wall-clock time
    int offset = 0;
    if (s[i] == '+' || s[i] == '-') {
        const int sign = s[i] == '-' ? -1 : 1;
        ++i;
        int hh = 0, mm = 0;
        const size_t z0 = i;
        if (!readInt(s, i, 2, hh)) return std::nullopt;
        if (i < s.size() && s[i] == ':') ++i;
        if (i - z0 >= 2 && i < s.size() && isDigit(s[i])) readInt(s, i, 2, mm);
        offset = sign * (hh * 3600 + mm * 60);
    } else {
        size_t z0 = i;
        while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
        const std::string zone = lower(s.substr(z0, i - z0));
        if (zone == "gmt" || zone == "ut" || zone == "utc" || zone == "z")
            offset = 0;
        else if (zone == "cet")
            offset = 3600;
        else if (zone == "cest")
            offset = 7200;
        else if (zone == "est")
            offset = -5 * 3600;
        else if (zone == "edt")
            offset = -4 * 3600;
        else if (zone == "cst")
            offset = -6 * 3600;
        else if (zone == "cdt")
            offset = -5 * 3600;
        else if (zone == "mst")
            offset = -7 * 3600;
        else if (zone == "mdt")
            offset = -6 * 3600;
        else if (zone == "pst")
            offset = -8 * 3600;
        else if (zone == "pdt")
            offset = -7 * 3600;
        else
            return std::nullopt;
    }
    return utcInstant(t) - offset;
}

std::optional<CivilDate> parseDayMonthYear(std::string_view s) {
    size_t i = 0;
    while (i < s.size() && s[i] == ' ') ++i;
    CivilDate d;
    auto sep = [&](size_t& j) { return j < s.size() && (s[j] == '/' || s[j] == '-' || s[j] == '.'); };
    if (!readInt(s, i, 2, d.day) || !sep(i)) return std::nullopt;
    ++i;
    if (!readInt(s, i, 2, d.month) || !sep(i)) return std::nullopt;
    ++i;
    const size_t y0 = i;
    if (!readInt(s, i, 4, d.year) || i - y0 != 4) return std::nullopt;
    while (i < s.size() && s[i] == ' ') ++i;
    if (i != s.size() || !isValidDate(d)) return std::nullopt;
    return d;
}

}  // namespace vt
