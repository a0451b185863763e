#include "core/storage/cache_keeper.h"

#include "core/log/log.h"
#include "core/store/database.h"
#include "core/system/board_clock.h"

#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <chrono>
#include <ctime>

namespace vt {

namespace {

// Lowest CPU priority and the idle I/O class for the calling thread only (Linux: per thread).
void lowerThisThreadPriority() {
    const auto tid = static_cast<id_t>(syscall(SYS_gettid));
    setpriority(PRIO_PROCESS, tid, 19);
    constexpr int kIoprioWhoProcess = 1, kIoprioClassIdle = 3, kIoprioClassShift = 13;
    syscall(SYS_ioprio_set, kIoprioWhoProcess, static_cast<int>(tid), kIoprioClassIdle << kIoprioClassShift);
}

}  // namespace

CacheKeeper::CacheKeeper(Config config, TrustedClock* clock, std::function<void()> onDamaged)
    : m_config(std::move(config)), m_clock(clock), m_onDamaged(std::move(onDamaged)) {}

CacheKeeper::~CacheKeeper() {
    stop();
}

CacheKeeperStatus CacheKeeper::runOnce(bool verify) {
    Database db = Database::open(m_config.databasePath());
    sqlite3_busy_timeout(db.handle(), 5000);
    const std::string objects = m_config.dataDir + "/objects";
    std::vector<std::string> names;
    for (const SourceConfig& s : m_config.sources) names.push_back(s.name);
    CacheKeeperStatus st = status();
    if (verify) {
        const VerifyResult v = verifyObjects(db, objects, &m_stopFlag);
        st.verified = !m_stopFlag;
        st.checked = v.checked;
        st.damaged = static_cast<int>(v.damaged.size());
        if (!v.damaged.empty()) {
            std::string which;
            for (const std::string& s : v.invalidated) which += (which.empty() ? "" : ", ") + s;
            logWarning("storage", std::to_string(v.damaged.size()) +
                                      " damaged cached files deleted; fetched again from: " +
                                      (which.empty() ? "(no source lists them)" : which));
            if (m_onDamaged) m_onDamaged();
        }
    }
    const UnixSeconds now = m_clock ? m_clock->now() : boardNow();
    st.plan = enforceCacheBudget(db, objects, names, m_config.storage.cacheBytes, now);
    if (!st.plan.evict.empty())
        logInfo("storage", "cache budget: " + std::to_string(st.plan.evict.size()) + " files evicted");
    if (st.plan.overBudget) logWarning("storage", describeCacheIt(st.plan, m_config.storage.cacheBytes));
    std::lock_guard lock(m_mutex);
    m_status = st;
    return st;
}

void CacheKeeper::start() {
    stop();
    m_stop = false;
    m_stopFlag = false;
    m_thread = std::thread([this] { run(); });
}

void CacheKeeper::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_stopFlag = true;
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

void CacheKeeper::contentChanged() {
    {
        std::lock_guard lock(m_mutex);
        m_changed = true;
    }
    m_wake.notify_all();
}

CacheKeeperStatus CacheKeeper::status() const {
    std::lock_guard lock(m_mutex);
    return m_status;
}

void CacheKeeper::run() {
    lowerThisThreadPriority();
    bool verify = m_config.storage.verifyAtStart;
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        lock.unlock();
        try {
            runOnce(verify);
        } catch (const std::exception& e) {
            logWarning("storage", std::string("cache check failed: ") + e.what());
        }
        verify = false;
        lock.lock();
        m_wake.wait(lock, [this] { return m_stop || m_changed; });
        m_changed = false;
    }
}

}  // namespace vt
