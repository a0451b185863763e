// The status report a kiosk sends to the fleet receiver (fields in docs/OPERATIONS.md, "What to
// monitor across a fleet"). Counts and facts only: no search text, no item a visitor looked at.
#pragma once

#include "core/config/config.h"
#include "core/fleet/usage_counters.h"
#include "core/store/database.h"
#include "core/system/trusted_clock.h"

#include <nlohmann/json.hpp>

#include <string>

namespace vt {

constexpr int kFleetReportSchema = 1;

// The facts the reporter gathers outside the store.
struct FleetFacts {
    UnixSeconds now = 0;  // the trusted clock
    double processUptimeSeconds = 0;
    ClockState clock;
    UsageSnapshot usage;
    std::uint64_t cacheBudgetBytes = 0;
};

// /etc/machine-id hashed (SHA-256, first 16 hex digits): stable, and not the machine id itself.
std::string defaultDeviceId(const std::string& machineIdPath = "/etc/machine-id");

// Builds one report. `alertCursor` is the alert_log rowid already reported; it moves to the
// last alert included.
nlohmann::json buildFleetReport(const Config& config, const Database& db, const FleetFacts& facts,
                                std::int64_t& alertCursor);

}  // namespace vt
