// The one time model of the commands (DESIGN.md "Time"): "now" is the kiosk's trusted clock,
// read from the data folder's clock.json without writing it; --at only moves the instant that is
// looked at, never the instant at which a command writes.
#pragma once

#include "args.h"

#include "core/util/civil_time.h"

#include <string>

namespace vt {

// The data folder of a store given as --db: the folder that holds it (and its clock.json).
std::string dataDirOfDatabase(const std::string& dbPath);
// The kiosk's "now" for the store in `dataDir` (core/system/trusted_clock.h kioskNow).
UnixSeconds commandNow(const std::string& dataDir);
// The instant a look shows: --at when given (a UsageError when unreadable), else commandNow.
UnixSeconds viewedInstant(const Args& args, const std::string& dataDir);

}  // namespace vt
