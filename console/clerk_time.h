// Dates as a clerk reads and writes them in the console's pages.
#pragma once

#include "core/util/civil_time.h"

#include <string>

namespace vt::console {

// "2026-12-07T19:20:00+01:00" -> "07/12/2026 19:20" (Rome's wall clock).
std::string clerkTime(UnixSeconds t);
// 2026-12-24 -> "24/12/2026".
std::string clerkDate(CivilDate d);

}  // namespace vt::console
