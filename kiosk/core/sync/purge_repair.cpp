#include "core/sync/purge_repair.h"

#include "core/albo/albo_purge.h"
#include "core/sources/importers.h"
#include "core/sync/content_kinds.h"
#include "core/sync/manifest.h"
#include "core/util/files.h"

#include <string_view>
#include <vector>

namespace vt {

PurgeRepair repairWrongPurge(Database& db, const std::string& objectsDir, const SourceConfig& source,
                             UnixSeconds now, UnixSeconds tolerance) {
    PurgeRepair out;
    // The act sources of this configured source: itself (a feed) or "<name>/<path>" (its files).
    const std::string prefix = std::string(kPurgedUntilKey) + source.name;
    std::vector<std::string> wrong;  // act sources purged after `now`
    {
        Statement st = db.prepare(
            "SELECT substr(key, ?3) FROM meta WHERE (key = ?1 OR substr(key, 1, length(?2)) = ?2) AND "
            "CAST(value AS INTEGER) > ?4");
        st.bind(1, prefix)
            .bind(2, prefix + "/")
            .bind(3, static_cast<std::int64_t>(std::string_view(kPurgedUntilKey).size() + 1));
        st.bind(4, now + tolerance);
        while (st.step()) wrong.push_back(st.text(0));
    }
    if (wrong.empty()) return out;
    out.needed = true;
    Transaction tx(db);
    Statement forget = db.prepare("DELETE FROM meta WHERE key = ?1");
    Statement file = db.prepare("SELECT sha256, kind FROM content_files WHERE source = ?1 AND path = ?2");
    for (const std::string& actSource : wrong) {
        if (actSource == source.name) {
            // A feed: the server's copy is the only one; the next fetch must not be a 304.
            db.prepare("UPDATE sync_sources SET etag = '', last_modified = '' WHERE name = ?1")
                .bind(1, source.name)
                .run();
            out.refetch = true;
        } else {
            const std::string path = actSource.substr(source.name.size() + 1);
            file.reset();
            file.bind(1, source.name).bind(2, path);
            if (!file.step()) continue;  // no longer in the revision: nothing to restore
            const std::string sha = file.text(0), kind = file.text(1);
            if (!isImportedKind(kind)) continue;
            const auto bytes = readFile(objectsDir + "/" + sha, kMaxContentFileBytes);
            if (!bytes || sha256Hex(*bytes) != sha) continue;  // the manifest sync fetches it again
            const ImportSummary sum =
                importBuffer(db, kind, *bytes, actSource, now, importOptionsFor(source));
            if (sum.report.fatal) continue;
            ++out.restoredFiles;
        }
        forget.reset();
        forget.bind(1, std::string(kPurgedUntilKey) + actSource).run();
    }
    tx.commit();
    if (out.restoredFiles)
        out.message = "acts purged by a clock found wrong restored from " +
                      std::to_string(out.restoredFiles) + " cached file(s)";
    else if (out.refetch)
        out.message = "acts purged by a clock found wrong: the feed is fetched again in full";
    return out;
}

}  // namespace vt
