// The fleet reporter: every `interval` minutes it builds a status report, appends it to the
// queue in the store and sends the queue, oldest first, to the receiver (HTTPS POST, bearer
// token). A report stays queued until the receiver answers 2xx; the queue keeps the last
// `queue_max`. A screenshot thumbnail goes with the newest report every `screenshot_every`
// minutes or when the receiver's answer asks for one ({"screenshot": true}); screenshots are
// never queued. It runs on its own thread with its own store connection: the UI never waits.
#pragma once

#include "core/config/config.h"
#include "core/fleet/frame_grab.h"
#include "core/fleet/usage_counters.h"
#include "core/store/database.h"
#include "core/system/trusted_clock.h"

#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace vt {

struct FleetRound {
    int sent = 0;     // reports the receiver accepted
    int dropped = 0;  // old reports dropped from a full queue
    int queued = 0;   // still waiting after the round
    bool screenshotSent = false;
    std::string error;  // why sending stopped; empty when the queue was emptied
};

struct FleetStatus {
    UnixSeconds lastAttempt = 0, lastSuccess = 0;
    int queued = 0;
    std::string lastError;
};

class FleetReporter {
public:
    // `clock`, `usage` and `grab` may be null (no correction, no counts, no screenshot).
    FleetReporter(Config config, TrustedClock* clock, UsageCounters* usage, FrameGrab* grab);
    ~FleetReporter();
    FleetReporter(const FleetReporter&) = delete;
    FleetReporter& operator=(const FleetReporter&) = delete;

    // One report now, then the queue; on the caller's thread.
    FleetRound runOnce(bool withScreenshot = false);
    void start();
    void stop();
    FleetStatus status() const;

private:
    UnixSeconds now() const;
    void run();

    Config m_config;
    TrustedClock* m_clock;
    UsageCounters* m_usage;
    FrameGrab* m_grab;
    std::optional<Database> m_db;
    std::chrono::steady_clock::time_point m_started;
    std::optional<std::chrono::steady_clock::time_point> m_lastScreenshot;

    mutable std::mutex m_statusMutex;
    FleetStatus m_status;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};

}  // namespace vt
