// The sync engine: pulls every configured source on its own thread (or once, for
// `vetrina sync --once`), never blocking the UI, and wakes the UI through a callback when the
// content in the store changed.
//
// A signed manifest source is applied like this: conditional GET of manifest.json (304: done,
// nothing written); fetch and verify manifest.json.minisig against the pinned keys; refuse
// expired or older revisions; check free space; download missing files to staging with the
// manifest size as cap and verify their SHA-256; then replace the source's content in ONE SQLite
// transaction. Files are kept content-addressed in <data>/objects, so the transaction is the
// atomic switch and the previous revision stays visible until the new one is complete. The ETag
// is saved only with a complete apply, so failed items are retried even if the manifest did not
// change. Plain feeds are fetched conditionally and imported with importBuffer.
#pragma once

#include "core/config/config.h"
#include "core/store/database.h"
#include "core/sync/sync_status.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace vt {

class TrustedClock;

struct SyncOutcome {
    std::string source;
    bool ok = false;
    bool changed = false;       // the source's content in the store changed
    bool notModified = false;   // the server said nothing changed (304), nothing was written
    std::string message;        // what changed, or why it failed
    std::int64_t revision = 0;  // manifest sources: the revision now applied
};

class SyncEngine {
public:
    // Takes the writer connection; `config.dataDir` holds objects/ and staging/.
    SyncEngine(Config config, Database db);
    ~SyncEngine();
    SyncEngine(const SyncEngine&) = delete;
    SyncEngine& operator=(const SyncEngine&) = delete;

    // Pulls every source once, now, on the caller's thread.
    std::vector<SyncOutcome> syncAll(UnixSeconds now);
    SyncOutcome syncSource(const SourceConfig& source, UnixSeconds now);

    // Background thread: each source at its poll interval, failures retried with exponential
    // backoff and jitter. `onContentChanged` runs on the sync thread: keep it short (push an
    // SDL user event).
    void start(std::function<void()> onContentChanged);
    void stop();
    void requestSyncNow();

    // Cheap copy of the latest status for the UI ("aggiornato alle", offline badge).
    SyncOverview overview() const;
    // Why the last write to the store failed ("memoria piena / disk full ..."); empty when the
    // last write worked.
    std::string storageProblem() const;
    // SQLite said the store is damaged (malformed, not a database) since the last call: the
    // kiosk checks it and moves it aside.
    bool takeStoreDamaged() { return m_storeDamaged.exchange(false); }
    Database& database() { return m_db; }
    // Every server's Date header is reported to `clock`, and the background thread takes its
    // "now" from it (a board with no RTC, a drifting clock). Set before start().
    void setClock(TrustedClock* clock) { m_clock = clock; }

private:
    struct State;
    State loadState(const std::string& name) const;
    void saveState(const State& s);
    // saveState, or, when the store refuses the write, the failure kept in memory; never throws.
    void saveStateOrRemember(const State& s);
    // Applies the source's last accepted manifest (<data>/accepted) from the cached objects.
    bool restoreAccepted(const SourceConfig& src, State& s, UnixSeconds now, UnixSeconds writeAt);
    SyncOutcome fail(State& s, const std::string& error, UnixSeconds now);
    SyncOutcome unchanged(State& s, UnixSeconds now);
    // `now` for the checks and the state; `writeAt` (the clock's safe time) for the imports.
    SyncOutcome syncManifest(const SourceConfig& src, State& s, UnixSeconds now, UnixSeconds writeAt);
    SyncOutcome syncFeed(const SourceConfig& src, State& s, UnixSeconds now, UnixSeconds writeAt);
    bool objectsIntact(const std::string& source) const;
    void collectGarbage();
    void refreshOverview();
    int backoffSeconds(const SourceConfig& src, int failures);
    void run();

    Config m_config;
    Database m_db;
    TrustedClock* m_clock = nullptr;
    std::string m_objectsDir;
    std::string m_stagingDir;

    mutable std::mutex m_statusMutex;
    SyncOverview m_overview;
    std::map<std::string, UnixSeconds> m_checkedAt;  // 304s not written to the store
    std::atomic<bool> m_storeDamaged{false};
    std::string m_storageProblem;                                  // why the store refused the last write
    std::map<std::string, std::pair<std::string, int>> m_unsaved;  // failures the store did not take

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    bool m_now = false;
    std::function<void()> m_onChanged;
    std::thread m_thread;
};

}  // namespace vt
