#include "clerk_time.h"

#include <cstdio>

namespace vt::console {

std::string clerkTime(UnixSeconds t) {
    const std::string iso = formatIsoRome(t);
    if (iso.size() < 16) return iso;
    return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4) + " " + iso.substr(11, 5);
}

std::string clerkDate(CivilDate d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
    return buf;
}

}  // namespace vt::console
