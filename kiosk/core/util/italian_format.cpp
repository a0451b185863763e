#include "core/util/italian_format.h"

#include <cstdio>

namespace vt {

const char* italianWeekday(int wd) {
    static const char* kNames[] = {"lunedì",  "martedì", "mercoledì", "giovedì",
                                   "venerdì", "sabato",  "domenica"};
    return kNames[((wd % 7) + 7) % 7];
}

const char* italianMonth(int month) {
    static const char* kNames[] = {"gennaio", "febbraio", "marzo",     "aprile",  "maggio",   "giugno",
                                   "luglio",  "agosto",   "settembre", "ottobre", "novembre", "dicembre"};
    return (month >= 1 && month <= 12) ? kNames[month - 1] : "";
}

std::string formatDateShortIt(CivilDate d) {
    char b[16];
    std::snprintf(b, sizeof b, "%02d/%02d/%04d", d.day, d.month, d.year);
    return b;
}

std::string formatDateLongIt(CivilDate d) {
    return std::to_string(d.day) + " " + italianMonth(d.month) + " " + std::to_string(d.year);
}

std::string formatDateWithWeekdayIt(CivilDate d) {
    return std::string(italianWeekday(weekday(d))) + " " + formatDateLongIt(d);
}

std::string formatTimeIt(int hour, int minute) {
    char b[8];
    std::snprintf(b, sizeof b, "%02d:%02d", hour, minute);
    return b;
}

std::string formatBytesIt(long long bytes) {
    char b[32];
    if (bytes < 1024)
        std::snprintf(b, sizeof b, "%lld byte", bytes);
    else if (bytes < 1024 * 1024)
        std::snprintf(b, sizeof b, "%lld kB", (bytes + 512) / 1024);
    else if (bytes < 1024LL * 1024 * 1024) {
        std::snprintf(b, sizeof b, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
        for (char* c = b; *c; ++c)
            if (*c == '.') *c = ',';
    } else {
        std::snprintf(b, sizeof b, "%.1f GB", static_cast<double>(bytes) / (1024.0 * 1024.0 * 1024.0));
        for (char* c = b; *c; ++c)
            if (*c == '.') *c = ',';
    }
    return b;
}

}  // namespace vt
