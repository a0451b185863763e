// Looks after <data>/objects while the kiosk runs, on a thread of its own at the lowest CPU and
// I/O priority: once, after the first frame, every cached file is re-hashed (damaged ones are
// deleted and their source's manifest fetched again); then, and after each content change, the
// cache budget is enforced.
#pragma once

#include "core/config/config.h"
#include "core/storage/object_cache.h"
#include "core/system/trusted_clock.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace vt {

struct CacheKeeperStatus {
    bool verified = false;  // the start-up check finished
    int checked = 0;
    int damaged = 0;
    CachePlan plan;  // the last budget check
};

class CacheKeeper {
public:
    // `onDamaged` runs on the keeper's thread when files were deleted (ask the sync for a round).
    CacheKeeper(Config config, TrustedClock* clock, std::function<void()> onDamaged);
    ~CacheKeeper();
    CacheKeeper(const CacheKeeper&) = delete;
    CacheKeeper& operator=(const CacheKeeper&) = delete;

    // Starts the thread: call it after the first frame, so the check never delays it.
    void start();
    void stop();
    // The content changed: check the budget again.
    void contentChanged();
    CacheKeeperStatus status() const;
    // One pass on the caller's thread (verify when `verify`, then the budget); for tests and the CLI.
    CacheKeeperStatus runOnce(bool verify);

private:
    void run();

    Config m_config;
    TrustedClock* m_clock;
    std::function<void()> m_onDamaged;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    bool m_changed = false;
    std::atomic<bool> m_stopFlag{false};
    CacheKeeperStatus m_status;
    std::thread m_thread;
};

}  // namespace vt
