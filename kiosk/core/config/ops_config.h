// The operations sections of the kiosk configuration: [clock], [fleet], [storage].
#pragma once

#include <cstdint>
#include <string>

namespace vt {

// [clock] max_skew_seconds: a local clock off by more than this from a server's Date header is
// corrected (see core/system/trusted_clock.h).
struct ClockConfig {
    int maxSkewSeconds = 120;
};

// [fleet]: the periodic status report to the town's (or the integrator's) monitoring.
struct FleetConfig {
    std::string url;       // https:// (http://127.0.0.1 for tests); empty: no reports
    std::string token;     // sent as "Authorization: Bearer <token>"; or read from token_file
    std::string deviceId;  // default: a hash of /etc/machine-id (see fleetDeviceId)
    double intervalMinutes = 5;
    int screenshotEveryMinutes = 0;  // 0: only when the receiver asks for one
    int queueMax = 100;              // reports kept while offline; the oldest are dropped
    bool enabled() const { return !url.empty(); }
};

// [storage] cache_mb: the budget of <data>/objects (0: no budget); verify_at_start re-hashes
// the cached files in the background after the first frame.
struct StorageConfig {
    std::uint64_t cacheBytes = 0;
    bool verifyAtStart = true;
};

}  // namespace vt
