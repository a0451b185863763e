#include "clerk_time.h"

namespace vt::console {

std::string clerkTime(UnixSeconds t) {
    const std::string iso = formatIsoRome(t);
    if (iso.size() < 16) return iso;
    return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4) + " " + iso.substr(11, 5);
}

}  // namespace vt::console
