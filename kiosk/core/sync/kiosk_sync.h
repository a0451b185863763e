// The kiosk's sync engine on the kiosk's trusted clock, as `vetrina sync` runs it and as
// `shoot --sync` and `play --sync` ask for one pull: every server's Date header corrects the clock
// and the correction is saved in <data>/clock.json for the kiosk. A board whose clock is off (no
// RTC after a power cut) must not purge acts or drop alerts by its wrong date when a technician
// syncs by hand.
#pragma once

#include "core/config/config.h"
#include "core/sync/sync_engine.h"
#include "core/system/trusted_clock.h"

#include <vector>

namespace vt {

struct KioskSync {
    explicit KioskSync(const Config& config);
    // One pull of every source, now by the trusted clock.
    std::vector<SyncOutcome> once() { return engine.syncAll(clock.now()); }

    TrustedClock clock;  // before the engine, which holds a pointer to it
    SyncEngine engine;
};

}  // namespace vt
