// What keeps a kiosk healthy for years, around the UI loop of `vetrina run`: the trusted clock
// (loaded from <data>/clock.json, fed by every sync and fleet answer), the anonymous usage
// counters and the screenshot hand-off, the fleet reporter and the cache keeper (both started
// after the first frame, so they never delay it).
#pragma once

#include "core/config/config.h"
#include "core/fleet/fleet_reporter.h"
#include "core/fleet/frame_grab.h"
#include "core/fleet/usage_counters.h"
#include "core/storage/cache_keeper.h"
#include "core/system/trusted_clock.h"

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace vt {

class KioskOps {
public:
    // `wakeUi` nudges the UI loop (an SDL user event); `syncNow` asks the sync for a round.
    KioskOps(const Config& config, std::function<void()> wakeUi, std::function<void()> syncNow);
    ~KioskOps();

    TrustedClock clock;
    UsageCounters usage;
    FrameGrab grab;

    // After the first frame.
    void start();
    void stop();
    void contentChanged() { m_keeper.contentChanged(); }
    // Maintenance rows: clock, cache, fleet report.
    std::vector<std::pair<std::string, std::string>> notes() const;

private:
    const Config& m_config;
    std::unique_ptr<FleetReporter> m_fleet;
    CacheKeeper m_keeper;
};

}  // namespace vt
