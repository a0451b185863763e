#include "core/sheets/sheet_store.h"

#include "core/search/search_index.h"
#include "core/sheets/taxonomy.h"
#include "core/util/text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace vt {

namespace {

std::string joinLines(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : "\n") + s;
    return out;
}

std::vector<std::string> splitLines(const std::string& s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < s.size()) {
        size_t nl = s.find('\n', start);
        if (nl == std::string::npos) nl = s.size();
        if (nl > start) out.push_back(s.substr(start, nl - start));
        start = nl + 1;
    }
    return out;
}

// Everything that makes two versions of a sheet differ, to skip unchanged re-imports.
std::string fingerprint(const Sheet& s) {
    nlohmann::json j{{"t", s.title},      {"d", s.description}, {"b", s.bodyId},
                     {"bn", s.bodyName},  {"a", s.active},      {"sn", s.statusNote},
                     {"o", s.onlineLink}, {"of", s.office},     {"k", s.keywords},
                     {"tp", s.topics},    {"le", s.lifeEvents}, {"s", sectionsToJson(s.sections)}};
    return j.dump();
}

// Rows shown for a language: its own variants, plus Italian sheets that have no such variant.
constexpr const char* kLangFilter =
    "(s.lang = ?1 OR (s.lang = 'it' AND NOT EXISTS (SELECT 1 FROM sheets v WHERE v.sheet_id = s.sheet_id AND "
    "v.lang = ?1)))";

void indexSheet(SearchIndexWriter& writer, const Sheet& s, double boost) {
    SearchDocument d;
    d.kind = "sheet";
    d.key = s.id;
    d.lang = s.lang;
    d.source = s.source;
    d.title = s.title;
    d.keywords = joinLines(s.keywords);
    for (const auto& t : s.topics) d.keywords += "\n" + t;
    d.body = sheetPlainText(s);
    d.bodyName = s.bodyName;
    d.boost = boost;
    writer.index(d);
}

std::string initialOf(const std::string& title) {
    const std::string f = foldForMatch(title);
    for (char c : f)
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            return std::string(1, static_cast<char>(c >= 'a' ? c - 32 : c));
    return "#";
}

}  // namespace

SheetImportResult storeSheets(Database& db, const std::vector<Sheet>& sheets, const std::string& source,
                              const ImportReport& report, UnixSeconds now, double searchBoost) {
    SheetImportResult r;
    Transaction tx(db);
    const std::string at = formatIsoRome(now);
    SearchIndexWriter writer(db);
    std::set<std::pair<std::string, std::string>> kept;
    for (const Sheet& in : sheets) {
        Sheet s = in;
        s.source = source;
        kept.insert({s.id, s.lang});
        const std::string fp = fingerprint(s) + "/" + std::to_string(searchBoost);
        Statement find =
            db.prepare("SELECT id, source, fingerprint FROM sheets WHERE sheet_id = ?1 AND lang = ?2");
        find.bind(1, s.id).bind(2, s.lang);
        std::int64_t row = 0;
        if (find.step()) {
            row = find.integer(0);
            if (find.text(1) == source && find.text(2) == fp) {
                ++r.unchanged;
                continue;
            }
        }
        const std::string sections = sectionsToJson(s.sections).dump();
        if (row) {
            db.prepare(
                  "UPDATE sheets SET source=?2, title=?3, description=?4, body_id=?5, body_name=?6, "
                  "active=?7, "
                  "status_note=?8, online_link=?9, office=?10, keywords=?11, sections=?12, fingerprint=?13, "
                  "imported_at=?14 WHERE id=?1")
                .bind(1, row)
                .bind(2, source)
                .bind(3, s.title)
                .bind(4, s.description)
                .bind(5, s.bodyId)
                .bind(6, s.bodyName)
                .bind(7, s.active ? 1 : 0)
                .bind(8, s.statusNote)
                .bind(9, s.onlineLink)
                .bind(10, s.office)
                .bind(11, joinLines(s.keywords))
                .bind(12, sections)
                .bind(13, fp)
                .bind(14, at)
                .run();
            db.prepare("DELETE FROM sheet_topics WHERE sheet = ?1").bind(1, row).run();
            db.prepare("DELETE FROM sheet_life_events WHERE sheet = ?1").bind(1, row).run();
            ++r.updated;
        } else {
            db.prepare(
                  "INSERT INTO sheets(sheet_id, lang, source, title, description, body_id, body_name, "
                  "active, "
                  "status_note, online_link, office, keywords, sections, fingerprint, imported_at) "
                  "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)")
                .bind(1, s.id)
                .bind(2, s.lang)
                .bind(3, source)
                .bind(4, s.title)
                .bind(5, s.description)
                .bind(6, s.bodyId)
                .bind(7, s.bodyName)
                .bind(8, s.active ? 1 : 0)
                .bind(9, s.statusNote)
                .bind(10, s.onlineLink)
                .bind(11, s.office)
                .bind(12, joinLines(s.keywords))
                .bind(13, sections)
                .bind(14, fp)
                .bind(15, at)
                .run();
            row = db.lastInsertId();
            ++r.inserted;
        }
        for (const auto& t : s.topics)
            db.prepare("INSERT OR IGNORE INTO sheet_topics(sheet, topic) VALUES(?1, ?2)")
                .bind(1, row)
                .bind(2, t)
                .run();
        for (const auto& e : s.lifeEvents)
            db.prepare("INSERT OR IGNORE INTO sheet_life_events(sheet, event) VALUES(?1, ?2)")
                .bind(1, row)
                .bind(2, e)
                .run();
        indexSheet(writer, s, searchBoost);
    }
    // Sheets this source had before and no longer has.
    Statement old = db.prepare("SELECT id, sheet_id, lang FROM sheets WHERE source = ?1");
    old.bind(1, source);
    std::vector<std::int64_t> gone;
    while (old.step())
        if (!kept.count({old.text(1), old.text(2)})) gone.push_back(old.integer(0));
    for (const std::int64_t row : gone) {
        db.prepare("DELETE FROM sheets WHERE id = ?1").bind(1, row).run();
        ++r.removed;
    }
    Statement oldDocs = db.prepare("SELECT key, lang FROM search_docs WHERE kind = 'sheet' AND source = ?1");
    oldDocs.bind(1, source);
    std::vector<std::pair<std::string, std::string>> goneDocs;
    while (oldDocs.step())
        if (!kept.count({oldDocs.text(0), oldDocs.text(1)}))
            goneDocs.emplace_back(oldDocs.text(0), oldDocs.text(1));
    for (const auto& [id, lang] : goneDocs) writer.remove("sheet", id, lang);
    for (const ImportIssue& i : report.issues)
        db.prepare(
              "INSERT INTO import_issues(source, position, line, item, reason, seen_at) "
              "VALUES(?1,?2,?3,?4,?5,?6)")
            .bind(1, i.source)
            .bind(2, i.position)
            .bind(3, i.line)
            .bind(4, i.item)
            .bind(5, i.reason)
            .bind(6, at)
            .run();
    tx.commit();
    return r;
}

void removeSheetsOfSource(Database& db, const std::string& source) {
    Transaction tx(db);
    db.prepare("DELETE FROM sheets WHERE source = ?1").bind(1, source).run();
    removeSearchSource(db, source);
    tx.commit();
}

std::vector<Facet> listTopics(const Database& db, const std::string& lang) {
    std::vector<Facet> out;
    Statement st =
        db.prepare(std::string("SELECT t.topic, count(*) FROM sheet_topics t JOIN sheets s ON s.id = t.sheet "
                               "WHERE ") +
                   kLangFilter + " GROUP BY t.topic");
    st.bind(1, lang);
    std::vector<std::pair<std::string, int>> counts;
    while (st.step()) counts.emplace_back(st.text(0), static_cast<int>(st.integer(1)));
    for (std::string_view t : officialTopics())
        for (const auto& [k, n] : counts)
            if (k == t) out.push_back({k, k, n});
    return out;
}

std::vector<Facet> listLifeEvents(const Database& db, const std::string& lang) {
    std::vector<Facet> out;
    Statement st =
        db.prepare(std::string("SELECT e.event, count(*) FROM sheet_life_events e JOIN sheets s ON "
                               "s.id = e.sheet WHERE ") +
                   kLangFilter + " GROUP BY e.event");
    st.bind(1, lang);
    std::vector<std::pair<std::string, int>> counts;
    while (st.step()) counts.emplace_back(st.text(0), static_cast<int>(st.integer(1)));
    for (const LifeEvent& e : officialLifeEvents())
        for (const auto& [k, n] : counts)
            if (k == e.code) out.push_back({k, std::string(e.label), n});
    return out;
}

std::vector<Facet> listBodies(const Database& db, const std::string& lang) {
    std::vector<Facet> out;
    Statement st =
        db.prepare(std::string("SELECT s.body_id, min(s.body_name), count(*) FROM sheets s WHERE ") +
                   kLangFilter + " GROUP BY s.body_id ORDER BY min(s.body_name)");
    st.bind(1, lang);
    while (st.step()) out.push_back({st.text(0), st.text(1), static_cast<int>(st.integer(2))});
    return out;
}

std::vector<SheetSummary> listSheets(const Database& db, const SheetFilter& filter, const std::string& lang) {
    std::string sql = std::string(
                          "SELECT s.sheet_id, s.title, s.description, s.body_id, s.body_name, s.active "
                          "FROM sheets s WHERE ") +
                      kLangFilter;
    if (!filter.topic.empty()) sql += " AND s.id IN (SELECT sheet FROM sheet_topics WHERE topic = ?2)";
    if (!filter.lifeEvent.empty())
        sql += " AND s.id IN (SELECT sheet FROM sheet_life_events WHERE event = ?3)";
    if (!filter.bodyId.empty()) sql += " AND s.body_id = ?4";
    Statement st = db.prepare(sql);
    st.bind(1, lang);
    if (!filter.topic.empty()) st.bind(2, filter.topic);
    if (!filter.lifeEvent.empty()) st.bind(3, filter.lifeEvent);
    if (!filter.bodyId.empty()) st.bind(4, filter.bodyId);
    std::vector<std::pair<std::string, SheetSummary>> rows;
    while (st.step()) {
        SheetSummary s{st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.integer(5) != 0};
        if (!filter.initial.empty() && initialOf(s.title) != toLowerAscii(filter.initial).substr(0, 1) &&
            initialOf(s.title) != filter.initial.substr(0, 1))
            continue;
        rows.emplace_back(foldForMatch(s.title), std::move(s));
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<SheetSummary> out;
    for (auto& r : rows) out.push_back(std::move(r.second));
    return out;
}

std::vector<Facet> listInitials(const Database& db, const std::string& lang) {
    std::vector<Facet> out;
    for (const SheetSummary& s : listSheets(db, {}, lang)) {
        const std::string i = initialOf(s.title);
        if (out.empty() || out.back().key != i) out.push_back({i, i, 0});
        ++out.back().count;
    }
    return out;
}

std::optional<Sheet> findSheet(const Database& db, const std::string& id, const std::string& lang) {
    Statement st = db.prepare(
        "SELECT id, sheet_id, lang, source, title, description, body_id, body_name, active, status_note, "
        "online_link, "
        "office, keywords, sections FROM sheets WHERE sheet_id = ?1 ORDER BY lang = ?2 DESC, lang = 'it' "
        "DESC LIMIT 1");
    st.bind(1, id).bind(2, lang);
    if (!st.step()) return std::nullopt;
    Sheet s;
    s.rowId = st.integer(0);
    s.id = st.text(1);
    s.lang = st.text(2);
    s.source = st.text(3);
    s.title = st.text(4);
    s.description = st.text(5);
    s.bodyId = st.text(6);
    s.bodyName = st.text(7);
    s.active = st.integer(8) != 0;
    s.statusNote = st.text(9);
    s.onlineLink = st.text(10);
    s.office = st.text(11);
    s.keywords = splitLines(st.text(12));
    s.sections = sectionsFromJson(st.text(13));
    Statement t = db.prepare("SELECT topic FROM sheet_topics WHERE sheet = ?1");
    t.bind(1, s.rowId);
    while (t.step()) s.topics.push_back(t.text(0));
    Statement e = db.prepare("SELECT event FROM sheet_life_events WHERE sheet = ?1");
    e.bind(1, s.rowId);
    while (e.step()) s.lifeEvents.push_back(e.text(0));
    return s;
}

int countSheets(const Database& db) {
    Statement st = db.prepare("SELECT count(*) FROM sheets");
    return st.step() ? static_cast<int>(st.integer(0)) : 0;
}

}  // namespace vt
