#include "core/sources/importers.h"

#include "core/albo/albo_store.h"
#include "core/feeds/albopop_rss.h"

#include <stdexcept>

namespace vt {

std::vector<std::string> importKinds() { return {"albopop"}; }

bool isImportKind(std::string_view kind) {
    for (const auto& k : importKinds())
        if (k == kind) return true;
    return false;
}

ImportSummary importBuffer(Database& db, std::string_view kind, std::string_view bytes, const std::string& sourceName,
                           UnixSeconds now) {
    ImportSummary summary;
    if (kind == "albopop") {
        AlboFeed feed = parseAlboPopRss(bytes, sourceName);
        summary.report = std::move(feed.report);
        if (summary.report.fatal) return summary;
        const AlboImportResult r = storeActs(db, feed.acts, summary.report, now);
        summary.inserted = r.inserted;
        summary.updated = r.updated;
        summary.unchanged = r.unchanged;
        return summary;
    }
    throw std::invalid_argument("unknown content kind \"" + std::string(kind) + "\"");
}

void clearSource(Database& db, const std::string& sourceName) {
    Transaction tx(db);
    // Attachments go with their acts (ON DELETE CASCADE).
    db.prepare("DELETE FROM acts WHERE source = ?1").bind(1, sourceName).run();
    tx.commit();
}

}  // namespace vt
