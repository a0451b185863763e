#include "ops_checks.h"

#include "core/storage/object_cache.h"
#include "core/storage/write_health.h"
#include "core/store/store_repair.h"
#include "core/system/trusted_clock.h"

namespace vt {

namespace {

std::vector<std::string> sourceNames(const std::string& dataDir, const Config* config, const Database& db) {
    std::vector<std::string> out;
    if (config) {
        for (const SourceConfig& s : config->sources) out.push_back(s.name);
    } else {
        Statement st = db.prepare("SELECT name FROM sync_sources");
        while (st.step()) out.push_back(st.text(0));
    }
    (void)dataDir;
    return out;
}

int fleetQueued(const Database& db) {
    try {
        Statement st = db.prepare("SELECT count(*) FROM fleet_queue");
        return st.step() ? static_cast<int>(st.integer(0)) : 0;
    } catch (const StoreError&) {
        return 0;  // a store from before the fleet reports (opened read-only, not migrated)
    }
}

// How long `status` waits for the store's write lock before calling it locked: longer than any
// ordinary import step of the kiosk, shorter than a person waits for a command.
constexpr int kLockProbeMs = 1500;

WriteHealth storageHealth(const std::string& dataDir, const Database& db) {
    WriteHealth h = probeDataDir(dataDir);
    if (h.ok()) h = probeStoreLock(db.path(), kLockProbeMs);
    return h;
}

}  // namespace

std::vector<OpsCheck> opsChecks(const std::string& dataDir, const Config* config, const Database& db,
                                UnixSeconds now) {
    std::vector<OpsCheck> out;
    // First: a kiosk that cannot save keeps showing old content and says so here.
    const WriteHealth storage = storageHealth(dataDir, db);
    if (storage.ok())
        out.push_back({"storage", 0, "Memoria: si può scrivere.", "Storage: writable."});
    else
        out.push_back({"storage", 2, "Memoria: " + storage.it() + " (" + storage.detail + ").",
                       "Storage: " + storage.en() + " (" + storage.detail + ")."});
    for (const std::string& q : quarantinedStores(db.path()))
        out.push_back({"store_rebuilt", 1,
                       "Archivio ricostruito dai file in cache; la copia danneggiata è in " + q + ".",
                       "Store rebuilt from the cached files; the damaged copy is kept in " + q + "."});
    const auto clock = TrustedClock::readStateFile(dataDir + "/clock.json");
    if (!clock) {
        out.push_back({"trusted_clock", 0, "Orologio: nessun confronto con un server ancora registrato.",
                       "Clock: no comparison with a server recorded yet."});
    } else {
        const bool disputed = !unconfirmedVoices(*clock).empty();
        out.push_back({"trusted_clock", clock->correcting || disputed ? 1 : 0, describeClockIt(*clock) + ".",
                       describeClockEn(*clock)});
    }
    const std::uint64_t budget = config ? config->storage.cacheBytes : 0;
    const CachePlan plan =
        planEviction(scanObjects(db, dataDir + "/objects", sourceNames(dataDir, config, db), now), budget);
    const std::string mbNow = std::to_string((plan.totalBytes + (1 << 19)) >> 20) + " MB";
    out.push_back({"cache", plan.overBudget ? 1 : 0, describeCacheIt(plan, budget) + ".",
                   "Cache: " + mbNow +
                       (budget ? " of " + std::to_string(budget >> 20) + " MB" : " (no budget)") +
                       (plan.overBudget ? ": over budget, the current content alone needs " +
                                              std::to_string((plan.currentBytes + (1 << 19)) >> 20) + " MB"
                                        : "") +
                       "."});
    if (config && config->fleet.enabled()) {
        const int queued = fleetQueued(db);
        out.push_back({"fleet", queued > 1 ? 1 : 0,
                       "Rapporto di stato verso " + config->fleet.url + ": " +
                           (queued ? std::to_string(queued) + " in coda, non ancora inviati."
                                   : "nessun rapporto in coda."),
                       "Fleet report to " + config->fleet.url + ": " +
                           (queued ? std::to_string(queued) + " queued, not sent yet." : "nothing queued.")});
    }
    return out;
}

nlohmann::json opsJson(const std::string& dataDir, const Config* config, const Database& db,
                       UnixSeconds now) {
    nlohmann::json j;
    const WriteHealth storage = storageHealth(dataDir, db);
    const char* problems[] = {"none", "full", "read_only", "locked", "other"};
    j["storage"] = {
        {"writable", storage.ok()},
        {"problem", problems[static_cast<int>(storage.problem)]},
        {"description", storage.ok() ? nlohmann::json(nullptr) : nlohmann::json(storage.describe())},
        {"damaged_stores_kept", quarantinedStores(db.path())}};
    const auto clock = TrustedClock::readStateFile(dataDir + "/clock.json");
    if (clock) {
        j["clock"] = {
            {"corrected", clock->correcting},
            {"offset_seconds", clock->correcting ? clock->offset : 0},
            {"measured_skew_seconds", clock->measuredSkew},
            {"reason", clock->reason},
            {"source", clock->source},
            {"last_server_time", clock->lastServerTime ? nlohmann::json(formatIsoUtc(clock->lastServerTime))
                                                       : nlohmann::json(nullptr)},
            {"description", describeClockIt(*clock)},
            {"disputed", !unconfirmedVoices(*clock).empty()},
            {"proven_not_before",
             clock->notBefore ? nlohmann::json(formatIsoUtc(clock->notBefore)) : nlohmann::json(nullptr)}};
        for (const ClockVoice& v : unconfirmedVoices(*clock))
            j["clock"]["unconfirmed"].push_back(
                {{"source", v.source},
                 {"host", v.host},
                 {"offset_seconds", v.skew - (clock->correcting ? clock->offset : 0)},
                 {"server_time", formatIsoUtc(v.serverTime)}});
    } else {
        j["clock"] = nullptr;
    }
    const std::uint64_t budget = config ? config->storage.cacheBytes : 0;
    const CachePlan plan =
        planEviction(scanObjects(db, dataDir + "/objects", sourceNames(dataDir, config, db), now), budget);
    j["cache"] = {{"bytes", plan.totalBytes},
                  {"budget_bytes", budget},
                  {"current_content_bytes", plan.currentBytes},
                  {"over_budget", plan.overBudget}};
    if (config && config->fleet.enabled())
        j["fleet"] = {{"url", config->fleet.url}, {"queued", fleetQueued(db)}};
    return j;
}

}  // namespace vt
