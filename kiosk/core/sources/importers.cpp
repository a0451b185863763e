#include "core/sources/importers.h"

#include "core/albo/albo_purge.h"
#include "core/albo/albo_rules.h"
#include "core/albo/albo_store.h"
#include "core/alerts/alert_store.h"
#include "core/alerts/alert_templates.h"
#include "core/config/config.h"
#include "core/events/events.h"
#include "core/feeds/albopop_json.h"
#include "core/feeds/albopop_rss.h"
#include "core/feeds/feed_links.h"
#include "core/feeds/mapped_feed.h"
#include "core/feeds/wp_albo.h"
#include "core/notices/news_feed.h"
#include "core/notices/notice_parser.h"
#include "core/notices/notice_store.h"
#include "core/offices/office.h"
#include "core/search/search_index.h"
#include "core/search/synonyms.h"
#include "core/sheets/catalogue_import.h"
#include "core/sheets/sheet_markdown.h"
#include "core/sheets/sheet_store.h"
#include "core/sources/shrink_guard.h"
#include "core/util/files.h"
#include "core/util/text.h"

#include <algorithm>
#include <filesystem>

#include <stdexcept>

namespace vt {

std::vector<std::string> importKinds() {
    return {"albopop",     "albopop-json", "wp-albo",       "mapped",  "sheets",
            "servizi-gov", "jsonld",       "synonyms",      "notices", "news",
            "cap",         "cap-template", "alert-trigger", "ical",    "offices"};
}

ImportOptions importOptionsFor(const SourceConfig& source) {
    ImportOptions o;
    o.maxWindowDays = source.maxWindowDays;
    o.mapping = source.mapping;
    o.localFiles = startsWith(source.url, "file://") || source.url.find("://") == std::string::npos;
    return o;
}

namespace {

// Files a notice refers to (its image) are read relative to the notice when the source name is
// a path on disk; the sync engine stages a manifest's files the same way.
AssetReader assetsNextTo(const std::string& sourceName) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(sourceName).parent_path();
    return [dir](const std::string& rel) -> std::optional<std::string> {
        if (rel.find("://") != std::string::npos) return std::nullopt;  // never fetched from here
        return readFile((dir / rel).string(), 64u << 20);
    };
}

bool isAlboKind(std::string_view kind) {
    return kind == "albopop" || kind == "albopop-json" || kind == "wp-albo" || kind == "mapped";
}

// The shrink guard on a parsed document of `accepted` usable items: true (the report made fatal,
// the reason first) when storing it would throw away cached content. Albo feeds merge into what
// the source had, so only an albo file replaced by a revision (previousItems set) can lose items.
bool keepsCache(const Database& db, std::string_view kind, std::string_view bytes, const std::string& source,
                std::size_t accepted, ImportReport& rep, const ImportOptions& options) {
    ShrinkFacts f;
    f.kind = kind;
    const bool merged = isAlboKind(kind);
    f.previous = options.previousItems ? *options.previousItems
                 : merged              ? 0
                                       : countSourceItems(db, kind, source);
    f.accepted = static_cast<int>(accepted);
    f.rejected = std::max(0, rep.itemsSeen - f.accepted);
    f.explicitEmpty = accepted == 0 && f.rejected == 0 && hasEmptyMarker(bytes);
    f.allowShrink = options.allowShrink;
    std::optional<std::string> why = shrinkRefusal(f);
    if (!why) return false;
    rep.fatal = true;
    rep.shrinkRefused = true;
    rep.issues.insert(rep.issues.begin(), ImportIssue{source, 0, 0, "", std::move(*why)});
    return true;
}

ImportSummary importSignage(Database& db, std::string_view kind, std::string_view bytes,
                            const std::string& sourceName, UnixSeconds now, const ImportOptions& options) {
    ImportSummary summary;
    ImportReport& rep = summary.report;
    const auto counts = [&](const auto& r) {
        summary.inserted = r.inserted;
        summary.updated = r.updated;
        summary.unchanged = r.unchanged;
        summary.removed = r.removed;
    };
    if (kind == "notices") {
        ParsedNotice p =
            parseNoticeFile(bytes, sourceName, options.assets ? options.assets : assetsNextTo(sourceName),
                            ImageLimits{}, rep);
        if (!p.notice) {
            rep.fatal = true;  // one file, one notice: keep the cached version
            return summary;
        }
        std::vector<StoredImage> images;
        if (p.image) images.push_back(std::move(*p.image));
        counts(storeNotices(db, sourceName, {*p.notice}, images, now));
    } else if (kind == "news") {
        NewsFeed feed = parseNewsFeed(bytes, sourceName);
        rep = std::move(feed.report);
        if (rep.fatal || keepsCache(db, kind, bytes, sourceName, feed.items.size(), rep, options))
            return summary;
        for (Notice& n : feed.items) keepHttpsLink(n.link, sourceName, n.uid, rep);
        counts(storeNotices(db, sourceName, feed.items, {}, now));
    } else if (kind == "cap") {
        CapParseResult r = parseCap(bytes, sourceName);
        rep = std::move(r.report);
        if (rep.fatal) return summary;
        for (CapInfo& info : r.alert->infos) keepHttpsLink(info.web, sourceName, r.alert->identifier, rep);
        if (storeAlert(db, sourceName, *r.alert, now))
            summary.inserted = 1;
        else
            summary.unchanged = 1;
    } else if (kind == "cap-template") {
        rep.itemsSeen = 1;
        bool changed = false;
        const std::string id = std::filesystem::path(sourceName).stem().string();
        if (!storeAlertTemplate(db, sourceName, id, bytes, rep, changed)) {
            rep.fatal = true;
            return summary;
        }
        rep.itemsImported = 1;
        (changed ? summary.inserted : summary.unchanged) = 1;
    } else if (kind == "alert-trigger") {
        rep.itemsSeen = 1;
        std::string error;
        const auto fail = [&](const std::string& item, const std::string& reason) {
            rep.fatal = true;
            rep.add({sourceName, 1, 1, item, reason});
            return summary;
        };
        std::optional<AlertTrigger> t = parseAlertTrigger(bytes, error);
        if (!t) return fail("", error);
        std::optional<std::string> xml = loadAlertTemplate(db, t->templateId);
        if (!xml) return fail(t->templateId, "no emergency template \"" + t->templateId + "\" is installed");
        std::optional<CapAlert> alert = instantiateTemplate(*xml, *t, error);
        if (!alert) return fail(t->templateId, error);
        rep.itemsImported = 1;
        if (storeAlert(db, sourceName, *alert, now))
            summary.inserted = 1;
        else
            summary.unchanged = 1;
    } else if (kind == "ical") {
        CalendarParse cal = parseCalendar(bytes, sourceName);
        rep = std::move(cal.report);
        if (rep.fatal || keepsCache(db, kind, bytes, sourceName, cal.events.size(), rep, options))
            return summary;
        for (CalendarEvent& e : cal.events) keepHttpsLink(e.url, sourceName, e.uid, rep);
        counts(storeEvents(db, sourceName, cal.events, now));
    } else if (kind == "offices") {
        std::optional<Office> o = parseOfficeFile(bytes, sourceName, rep);
        if (!o) {
            rep.fatal = true;
            return summary;
        }
        counts(storeOffices(db, sourceName, {*o}, now));
    } else {
        throw std::invalid_argument("unknown content kind \"" + std::string(kind) + "\"");
    }
    return summary;
}

// The town's own sheets rank before national catalogue entries with the same words.
constexpr double kLocalSheetBoost = 1.6;

ImportSummary storeSheetBatch(Database& db, std::vector<Sheet> sheets, ImportReport report,
                              const std::string& source, UnixSeconds now, double boost = 1.0) {
    ImportSummary summary;
    summary.report = std::move(report);
    if (summary.report.fatal) return summary;
    const SheetImportResult r = storeSheets(db, sheets, source, summary.report, now, boost);
    summary.inserted = r.inserted;
    summary.updated = r.updated + r.removed;
    summary.unchanged = r.unchanged;
    return summary;
}

// Every kind that is not an albo listing.
ImportSummary importOther(Database& db, std::string_view kind, std::string_view bytes,
                          const std::string& sourceName, UnixSeconds now, const ImportOptions& options) {
    if (kind == "sheets") {
        ParsedSheet parsed = parseSheetMarkdown(bytes, sourceName);
        std::vector<Sheet> sheets;
        if (parsed.sheet) sheets.push_back(std::move(*parsed.sheet));
        return storeSheetBatch(db, std::move(sheets), std::move(parsed.report), sourceName, now,
                               kLocalSheetBoost);
    }
    if (kind == "servizi-gov" || kind == "jsonld") {
        SheetBatch batch = kind == "jsonld" ? parseGovernmentServiceJsonLd(bytes, sourceName)
                                            : parseServiziGovCatalogue(bytes, sourceName);
        if (!batch.report.fatal)
            keepsCache(db, kind, bytes, sourceName, batch.sheets.size(), batch.report, options);
        return storeSheetBatch(db, std::move(batch.sheets), std::move(batch.report), sourceName, now);
    }
    if (kind == "synonyms") {
        ImportSummary summary;
        SynonymList list = parseSynonyms(db.handle(), bytes, sourceName);
        if (keepsCache(db, kind, bytes, sourceName, list.groups.size(), list.report, options)) {
            summary.report = std::move(list.report);
            return summary;
        }
        storeSynonyms(db, list, sourceName);
        summary.report = std::move(list.report);
        summary.inserted = summary.report.itemsImported;
        return summary;
    }
    return importSignage(db, kind, bytes, sourceName, now, options);
}

}  // namespace

bool isImportKind(std::string_view kind) {
    for (const auto& k : importKinds())
        if (k == kind) return true;
    return false;
}

ImportSummary importBuffer(Database& db, std::string_view kind, std::string_view bytes,
                           const std::string& sourceName, UnixSeconds now, const ImportOptions& options) {
    ImportSummary summary;
    // An explicitly empty document: the source really has nothing now. Albo acts leave only by
    // their window (feeds merge), and a trigger or a template is never "emptied" this way.
    if (!isAlboKind(kind) && kind != "alert-trigger" && kind != "cap-template" && isImportKind(kind) &&
        isEmptyMarkerDocument(bytes)) {
        Transaction tx(db);
        summary.removed = options.previousItems.value_or(countSourceItems(db, kind, sourceName));
        clearSource(db, sourceName);
        tx.commit();
        return summary;
    }
    AlboFeed feed;
    if (kind == "albopop")
        feed = parseAlboPopRss(bytes, sourceName);
    else if (kind == "albopop-json")
        feed = parseAlboPopJson(bytes, sourceName);
    else if (kind == "wp-albo")
        feed = parseWpAlbo(bytes, sourceName);
    else if (kind == "mapped")
        feed = parseMappedFeed(bytes, options.mapping, sourceName);
    else
        return importOther(db, kind, bytes, sourceName, now, options);
    summary.report = std::move(feed.report);
    if (summary.report.fatal) return summary;
    applyAlboRules(feed.acts, summary.report, options.maxWindowDays, feed.positions);
    if (keepsCache(db, kind, bytes, sourceName, feed.acts.size(), summary.report, options)) return summary;
    dropUnsafeActLinks(feed.acts, feed.positions, summary.report, options.localFiles);
    Transaction tx(db);
    const AlboImportResult r = storeActs(db, feed.acts, summary.report, now);
    summary.inserted = r.inserted;
    summary.updated = r.updated;
    summary.unchanged = r.unchanged;
    const PurgeResult purged = purgeExpiredActs(db, now);
    summary.purged = purged.acts;
    reindexActsOfSource(db, sourceName);
    tx.commit();
    return summary;
}

namespace {

void clearOneSource(Database& db, const std::string& sourceName) {
    Transaction tx(db);
    // Attachments go with their acts (ON DELETE CASCADE).
    db.prepare("DELETE FROM acts WHERE source = ?1").bind(1, sourceName).run();
    // alert_log is the audit trail and stays.
    for (const char* table : {"notices", "alerts", "alert_refs", "alert_templates", "events", "offices"})
        db.prepare(std::string("DELETE FROM ") + table + " WHERE source = ?1").bind(1, sourceName).run();
    db.prepare("DELETE FROM media WHERE source = ?1 AND hash NOT IN (SELECT image FROM notices)")
        .bind(1, sourceName)
        .run();
    removeSheetsOfSource(db, sourceName);
    db.prepare("DELETE FROM search_synonyms WHERE source = ?1").bind(1, sourceName).run();
    // Whatever the source put in the search index (acts, sheets, and the kinds merged later).
    removeSearchSource(db, sourceName);
    tx.commit();
}

}  // namespace

void clearSource(Database& db, const std::string& sourceName) {
    Transaction tx(db);
    std::vector<std::string> names{sourceName};
    const std::string prefix = sourceName + "/";
    for (const char* table : {"acts", "notices", "alerts", "alert_templates", "events", "offices", "sheets",
                              "search_docs", "search_synonyms", "media"}) {
        Statement st = db.prepare(std::string("SELECT DISTINCT source FROM ") + table +
                                  " WHERE substr(source, 1, ?2) = ?1");
        st.bind(1, prefix).bind(2, static_cast<std::int64_t>(prefix.size()));
        while (st.step()) names.push_back(st.text(0));
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    for (const std::string& n : names) clearOneSource(db, n);
    tx.commit();
}

}  // namespace vt
