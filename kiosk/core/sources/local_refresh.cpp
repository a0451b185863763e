#include "core/sources/local_refresh.h"

#include "core/util/file_read.h"
#include "core/util/files.h"
#include "core/util/text.h"

#include <filesystem>

namespace vt {

bool isLocalSource(const SourceConfig& s) {
    return startsWith(s.url, "file://") || s.url.find("://") == std::string::npos;
}

std::vector<SourceOutcome> refreshLocalSources(Database& db, const Config& config, UnixSeconds now) {
    std::vector<SourceOutcome> out;
    for (const SourceConfig& s : config.sources) {
        // A trigger is imported only once its signature is checked, by the sync engine.
        if (!isLocalSource(s) || !isImportKind(s.kind) || s.isTrigger()) continue;
        SourceOutcome o;
        o.source = s.name;
        const std::string path = config.resolve(s.url);
        std::string readError;
        auto bytes = readFileExplained(path, readError);
        if (!bytes) {
            o.error = "source \"" + s.name + "\": " + path + ": " + readError;
        } else {
            try {
                // Files an item refers to (a notice's image) are next to the source's file, not next to
                // its name, which is what importBuffer would assume.
                ImportOptions options = importOptionsFor(s);
                const std::filesystem::path dir = std::filesystem::path(path).parent_path();
                options.assets = [dir](const std::string& rel) {
                    return readFile((dir / rel).string(), 64u << 20);
                };
                o.summary = importBuffer(db, s.kind, *bytes, s.name, now, options);
                o.ok = !o.summary.report.fatal;
                if (!o.ok && !o.summary.report.issues.empty())
                    o.error = o.summary.report.issues.front().describe();
            } catch (const std::exception& e) {
                o.error = "source \"" + s.name + "\": " + e.what();
            }
        }
        out.push_back(std::move(o));
    }
    return out;
}

}  // namespace vt
