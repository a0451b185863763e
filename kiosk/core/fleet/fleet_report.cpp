#include "core/fleet/fleet_report.h"

#include "core/storage/object_cache.h"
#include "core/sync/manifest.h"
#include "core/sync/sync_status.h"
#include "core/system/system_info.h"
#include "core/util/files.h"
#include "core/util/text.h"

#include <sodium.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>

namespace vt {

namespace {

nlohmann::json isoOrNull(UnixSeconds t) {
    return t ? nlohmann::json(formatIsoUtc(t)) : nlohmann::json(nullptr);
}

}  // namespace

std::string defaultDeviceId(const std::string& machineIdPath) {
    std::string id = trim(readFile(machineIdPath, 256).value_or(""));
    if (id.empty()) {
        char host[256] = {};
        gethostname(host, sizeof host - 1);
        id = host;
    }
    return sha256Hex("vetrina-device:" + id).substr(0, 16);
}

nlohmann::json buildFleetReport(const Config& config, const Database& db, const FleetFacts& f,
                                std::int64_t& alertCursor) {
    nlohmann::json j;
    j["schema"] = kFleetReportSchema;
    j["device_id"] = config.fleet.deviceId.empty() ? defaultDeviceId() : config.fleet.deviceId;
    j["version"] = VETRINA_VERSION;
    j["town"] = config.town.name;
    j["generated_at"] = formatIsoUtc(f.now);
    j["uptime_seconds"] = {{"kiosk", static_cast<std::int64_t>(f.processUptimeSeconds)},
                           {"machine", static_cast<std::int64_t>(machineUptimeSeconds())}};
    j["memory_kb"] = {{"rss", procFieldKb("/proc/self/status", "VmRSS:")},
                      {"available", procFieldKb("/proc/meminfo", "MemAvailable:")},
                      {"total", procFieldKb("/proc/meminfo", "MemTotal:")}};

    std::uint64_t freeBytes = 0, totalBytes = 0;
    diskSpace(config.dataDir, freeBytes, totalBytes);
    std::vector<std::string> names;
    for (const SourceConfig& s : config.sources) names.push_back(s.name);
    const CachePlan cache =
        planEviction(scanObjects(db, config.dataDir + "/objects", names, f.now), f.cacheBudgetBytes);
    j["disk"] = {{"free_bytes", freeBytes},
                 {"total_bytes", totalBytes},
                 {"cache_bytes", cache.totalBytes},
                 {"cache_budget_bytes", f.cacheBudgetBytes},
                 {"cache_over_budget", cache.overBudget}};

    j["clock"] = {{"corrected", f.clock.correcting},
                  {"offset_seconds", f.clock.correcting ? f.clock.offset : 0},
                  {"measured_skew_seconds", f.clock.measuredSkew},
                  {"reason", f.clock.reason},
                  {"source", f.clock.source},
                  {"last_server_time", isoOrNull(f.clock.lastServerTime)}};

    const SyncOverview ov = readSyncOverview(db);
    nlohmann::json sources = nlohmann::json::array();
    for (const SyncStatus& s : ov.sources) {
        sources.push_back({{"source", s.source},
                           {"kind", s.kind},
                           {"revision", s.revision},
                           {"expires", isoOrNull(s.expires)},
                           {"last_change", isoOrNull(s.lastChange)},
                           {"last_success", isoOrNull(s.lastSuccess)},
                           {"last_attempt", isoOrNull(s.lastAttempt)},
                           {"ok", !s.failing()},
                           {"failures", s.failures},
                           {"error", s.failing() ? nlohmann::json(s.lastError) : nlohmann::json(nullptr)}});
    }
    j["content"] = {{"updated_at", isoOrNull(ov.contentUpdatedAt)},
                    {"offline", ov.offline},
                    {"any_failing", ov.anyFailing},
                    {"sources", std::move(sources)}};

    nlohmann::json alerts = nlohmann::json::array();
    Statement st = db.prepare(
        "SELECT rowid, alert_uid, source, shown_at FROM alert_log WHERE rowid > ?1 ORDER BY rowid LIMIT 200");
    st.bind(1, alertCursor);
    while (st.step()) {
        alertCursor = st.integer(0);
        alerts.push_back({{"alert", st.text(1)}, {"source", st.text(2)}, {"shown_at", st.text(3)}});
    }
    j["alerts_shown"] = std::move(alerts);

    nlohmann::json screens = nlohmann::json::object();
    for (const auto& [name, n] : f.usage.screensOpened) screens[name] = n;
    j["frames"] = {{"total", f.usage.framesTotal}, {"since_last_report", f.usage.frames}};
    j["usage"] = {
        {"screens_opened", std::move(screens)},
        {"searches_without_result", f.usage.searchesWithoutResult},
        {"feedback",
         {{"no", f.usage.feedbackNo}, {"partly", f.usage.feedbackPartly}, {"yes", f.usage.feedbackYes}}}};
    return j;
}

}  // namespace vt
