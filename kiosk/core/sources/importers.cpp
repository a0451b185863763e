#include "core/sources/importers.h"

#include "core/albo/albo_store.h"
#include "core/feeds/albopop_rss.h"
#include "core/search/search_index.h"
#include "core/search/synonyms.h"
#include "core/sheets/catalogue_import.h"
#include "core/sheets/sheet_markdown.h"
#include "core/sheets/sheet_store.h"

#include <stdexcept>

namespace vt {

std::vector<std::string> importKinds() { return {"albopop", "sheets", "servizi-gov", "jsonld", "synonyms"}; }

namespace {

// The town's own sheets rank before national catalogue entries with the same words.
constexpr double kLocalSheetBoost = 1.6;

ImportSummary storeSheetBatch(Database& db, std::vector<Sheet> sheets, ImportReport report, const std::string& source,
                              UnixSeconds now, double boost = 1.0) {
    ImportSummary summary;
    summary.report = std::move(report);
    if (summary.report.fatal) return summary;
    const SheetImportResult r = storeSheets(db, sheets, source, summary.report, now, boost);
    summary.inserted = r.inserted;
    summary.updated = r.updated + r.removed;
    summary.unchanged = r.unchanged;
    return summary;
}

}  // namespace

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
        Transaction tx(db);
        const AlboImportResult r = storeActs(db, feed.acts, summary.report, now);
        reindexActsOfSource(db, sourceName);
        tx.commit();
        summary.inserted = r.inserted;
        summary.updated = r.updated;
        summary.unchanged = r.unchanged;
        return summary;
    }
    if (kind == "sheets") {
        ParsedSheet parsed = parseSheetMarkdown(bytes, sourceName);
        std::vector<Sheet> sheets;
        if (parsed.sheet) sheets.push_back(std::move(*parsed.sheet));
        return storeSheetBatch(db, std::move(sheets), std::move(parsed.report), sourceName, now, kLocalSheetBoost);
    }
    if (kind == "servizi-gov" || kind == "jsonld") {
        SheetBatch batch = kind == "jsonld" ? parseGovernmentServiceJsonLd(bytes, sourceName)
                                            : parseServiziGovCatalogue(bytes, sourceName);
        return storeSheetBatch(db, std::move(batch.sheets), std::move(batch.report), sourceName, now);
    }
    if (kind == "synonyms") {
        SynonymList list = parseSynonyms(db.handle(), bytes, sourceName);
        storeSynonyms(db, list, sourceName);
        summary.report = std::move(list.report);
        summary.inserted = summary.report.itemsImported;
        return summary;
    }
    throw std::invalid_argument("unknown content kind \"" + std::string(kind) + "\"");
}

void clearSource(Database& db, const std::string& sourceName) {
    Transaction tx(db);
    // Attachments go with their acts (ON DELETE CASCADE).
    db.prepare("DELETE FROM acts WHERE source = ?1").bind(1, sourceName).run();
    removeSheetsOfSource(db, sourceName);
    db.prepare("DELETE FROM search_synonyms WHERE source = ?1").bind(1, sourceName).run();
    // Whatever the source put in the search index (acts, sheets, and the kinds merged later).
    removeSearchSource(db, sourceName);
    tx.commit();
}

}  // namespace vt
