// vetrina status [--config FILE | --db DB] [--json]: cache revision, last sync per source,
// counts and errors, read from the store the kiosk uses.
#include "args.h"
#include "command_clock.h"
#include "commands.h"
#include "ops_checks.h"

#include "core/albo/albo_store.h"
#include "core/config/config.h"
#include "core/storage/write_health.h"
#include "core/sync/sync_status.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <optional>

namespace vt {

namespace {
std::string when(UnixSeconds t) {
    return t ? formatIsoRome(t) : "never";
}
}  // namespace

int cmdStatus(int argc, char** argv) {
    Args args(argc, argv, 2, {"json"});
    args.allowOnly({"config", "db", "json"});
    std::string dbPath;
    std::optional<Config> config;
    if (auto db = args.get("db")) {
        dbPath = *db;
    } else {
        config = loadConfig(args.get("config").value_or("config/vetrina.toml"));
        dbPath = config->databasePath();
    }
    const std::string dataDir = dataDirOfDatabase(dbPath);
    const UnixSeconds now = commandNow(dataDir);
    if (!std::filesystem::exists(dbPath)) {
        std::fprintf(stderr, "%s: no cache yet (run `vetrina sync --once`)\n", dbPath.c_str());
        return 1;
    }
    Database db;
    try {
        db = Database::open(dbPath, OpenMode::ReadOnly);  // reads the schema version: a lock shows here
    } catch (const StoreError& e) {
        // Another process holds the store in exclusive mode: say so, in the storage words.
        const WriteHealth h = classifyWriteError(e.what());
        if (h.problem != WriteProblem::Locked) throw;
        std::fprintf(stderr, "%s: cannot be read now: %s\n", dbPath.c_str(), h.describe().c_str());
        return 1;
    }
    const SyncOverview ov = readSyncOverview(db);
    const int acts = countActs(db);
    int files = 0;
    {
        Statement st = db.prepare("SELECT count(*) FROM content_files");
        if (st.step()) files = static_cast<int>(st.integer(0));
    }
    if (args.has("json")) {
        nlohmann::json j;
        j["database"] = dbPath;
        j["content_updated_at"] =
            ov.contentUpdatedAt ? nlohmann::json(formatIsoUtc(ov.contentUpdatedAt)) : nullptr;
        j["offline"] = ov.offline;
        j["any_failing"] = ov.anyFailing;
        j["counts"] = {{"acts", acts}, {"content_files", files}};
        nlohmann::json list = nlohmann::json::array();
        for (const SyncStatus& s : ov.sources) {
            auto t = [](UnixSeconds v) {
                return v ? nlohmann::json(formatIsoUtc(v)) : nlohmann::json(nullptr);
            };
            list.push_back(
                {{"source", s.source},
                 {"kind", s.kind},
                 {"url", s.url},
                 {"revision", s.revision},
                 {"expires", t(s.expires)},
                 {"key_id", s.keyId},
                 {"last_attempt", t(s.lastAttempt)},
                 {"last_success", t(s.lastSuccess)},
                 {"last_change", t(s.lastChange)},
                 {"failures", s.failures},
                 {"error", s.lastError.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.lastError)}});
        }
        j["sources"] = std::move(list);
        j["operations"] = opsJson(dataDir, config ? &*config : nullptr, db, now);
        std::printf("%s\n", j.dump(2).c_str());
        return 0;
    }
    std::printf("cache: %s\ncontent updated: %s%s\nacts: %d, content files: %d\n", dbPath.c_str(),
                when(ov.contentUpdatedAt).c_str(), ov.offline ? " (OFFLINE: every source failing)" : "", acts,
                files);
    for (const SyncStatus& s : ov.sources) {
        std::printf("\n%s (%s) %s\n", s.source.c_str(), s.kind.c_str(), s.url.c_str());
        if (s.kind == "manifest")
            std::printf("  revision %lld, expires %s, key %s\n", static_cast<long long>(s.revision),
                        when(s.expires).c_str(), s.keyId.empty() ? "-" : s.keyId.c_str());
        std::printf("  last success %s, last attempt %s, last change %s\n", when(s.lastSuccess).c_str(),
                    when(s.lastAttempt).c_str(), when(s.lastChange).c_str());
        if (s.failing()) std::printf("  ERROR (%d in a row): %s\n", s.failures, s.lastError.c_str());
    }
    std::printf("\n");
    for (const OpsCheck& c : opsChecks(dataDir, config ? &*config : nullptr, db, now))
        std::printf("%s\n  %s\n", c.it.c_str(), c.en.c_str());
    return 0;
}

}  // namespace vt
