// vetrina import --kind KIND --db DB [--source NAME] [--config FILE] [--allow-shrink] FILE...
// It runs at the kiosk's trusted clock (the store's clock.json), like a sync: acts whose window
// ended are purged and expired alerts dropped by that clock. There is no --at: an import at a
// chosen instant would write the store as that instant sees it (tests pin the board clock with
// VETRINA_BOARD_CLOCK instead).
// --config FILE: take the options of the source named by --source there (max_window_days, and
// the [source.mapping] that kind "mapped" needs).
#include "args.h"
#include "command_clock.h"
#include "commands.h"

#include "core/config/config.h"
#include "core/sources/importers.h"
#include "core/util/file_read.h"
#include "core/util/files.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace vt {

int cmdImport(int argc, char** argv) {
    Args args(argc, argv, 2, {"quiet", "allow-shrink"});
    if (args.get("at"))
        throw UsageError(
            "import has no --at: it writes at the kiosk's clock (--at is for the commands that look: "
            "list, search, shoot, play; VETRINA_BOARD_CLOCK pins the board clock)");
    args.allowOnly({"kind", "db", "source", "quiet", "config", "allow-shrink"});
    const std::string kind = args.require("kind");
    const std::string dbPath = args.require("db");
    if (!isImportKind(kind)) {
        std::string known;
        for (const auto& k : importKinds()) known += (known.empty() ? "" : ", ") + k;
        throw UsageError("unknown --kind \"" + kind + "\" (known: " + known + ")");
    }
    if (args.positional().empty()) throw UsageError("no files to import");
    const auto parent = std::filesystem::path(dbPath).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
    const UnixSeconds now = commandNow(dataDirOfDatabase(dbPath));
    ImportOptions options;
    if (auto configPath = args.get("config")) {
        const Config config = loadConfig(*configPath);
        const std::string name = args.require("source");
        const auto it = std::find_if(config.sources.begin(), config.sources.end(),
                                     [&](const SourceConfig& s) { return s.name == name; });
        if (it == config.sources.end())
            throw UsageError("no source named \"" + name + "\" in " + *configPath);
        options = importOptionsFor(*it);
    }
    options.allowShrink = args.has("allow-shrink");
    options.localFiles = true;  // files the staff gave on this machine
    Database db = Database::open(dbPath);
    int failures = 0;
    for (const std::string& file : args.positional()) {
        std::string readError;
        auto bytes = readFileExplained(file, readError);
        if (!bytes) {
            std::fprintf(stderr, "%s: %s\n", file.c_str(), readError.c_str());
            ++failures;
            continue;
        }
        const std::string source = args.get("source").value_or(file);
        const ImportSummary s = importBuffer(db, kind, *bytes, source, now, options);
        for (const ImportIssue& issue : s.report.issues) {
            ImportIssue shown = issue;
            shown.source = file;
            std::fprintf(stderr, "%s\n", shown.describe().c_str());
        }
        if (s.report.fatal) {
            std::fprintf(stderr, "%s: kind %s, source \"%s\": nothing imported, the cache is unchanged\n",
                         file.c_str(), kind.c_str(), source.c_str());
            ++failures;
            continue;
        }
        if (!args.has("quiet"))
            std::printf(
                "%s: %d items, %d imported (%d new, %d updated, %d unchanged), %zu skipped, %d expired acts "
                "purged\n",
                file.c_str(), s.report.itemsSeen, s.report.itemsImported, s.inserted, s.updated, s.unchanged,
                s.report.issues.size(), s.purged);
    }
    return failures ? 1 : 0;
}

}  // namespace vt
