#include "core/sources/importers.h"

#include "core/albo/albo_purge.h"
#include "core/albo/albo_rules.h"
#include "core/albo/albo_store.h"
#include "core/config/config.h"
#include "core/feeds/albopop_json.h"
#include "core/feeds/albopop_rss.h"
#include "core/feeds/mapped_feed.h"
#include "core/feeds/wp_albo.h"

#include <stdexcept>

namespace vt {

std::vector<std::string> importKinds() { return {"albopop", "albopop-json", "wp-albo", "mapped"}; }

ImportOptions importOptionsFor(const SourceConfig& source) {
    ImportOptions o;
    o.maxWindowDays = source.maxWindowDays;
    o.mapping = source.mapping;
    return o;
}

bool isImportKind(std::string_view kind) {
    for (const auto& k : importKinds())
        if (k == kind) return true;
    return false;
}

ImportSummary importBuffer(Database& db, std::string_view kind, std::string_view bytes, const std::string& sourceName,
                           UnixSeconds now, const ImportOptions& options) {
    ImportSummary summary;
    AlboFeed feed;
    if (kind == "albopop") feed = parseAlboPopRss(bytes, sourceName);
    else if (kind == "albopop-json") feed = parseAlboPopJson(bytes, sourceName);
    else if (kind == "wp-albo") feed = parseWpAlbo(bytes, sourceName);
    else if (kind == "mapped") feed = parseMappedFeed(bytes, options.mapping, sourceName);
    else throw std::invalid_argument("unknown content kind \"" + std::string(kind) + "\"");
    summary.report = std::move(feed.report);
    if (summary.report.fatal) return summary;
    applyAlboRules(feed.acts, summary.report, options.maxWindowDays, feed.positions);
    Transaction tx(db);
    const AlboImportResult r = storeActs(db, feed.acts, summary.report, now);
    summary.inserted = r.inserted;
    summary.updated = r.updated;
    summary.unchanged = r.unchanged;
    const PurgeResult purged = purgeExpiredActs(db, now);
    summary.purged = purged.acts;
    tx.commit();
    return summary;
}

void clearSource(Database& db, const std::string& sourceName) {
    Transaction tx(db);
    // Attachments go with their acts (ON DELETE CASCADE).
    db.prepare("DELETE FROM acts WHERE source = ?1").bind(1, sourceName).run();
    tx.commit();
}

}  // namespace vt
