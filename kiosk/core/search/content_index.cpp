#include "core/search/content_index.h"

#include "core/search/search_index.h"
#include "core/util/civil_time.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <set>
#include <vector>

namespace vt {

namespace {

// The town's own notices and offices rank like its own sheets: before national catalogue entries
// that only mention the same words (core/sources/importers.cpp, kLocalSheetBoost). Events are
// found by their own names; a word in an event's title ("biblioteca") should not hide the sheet.
constexpr double kLocalBoost = 1.6;

// Staff notices are Markdown: snippets show words, not the marks around them.
std::string markdownWords(std::string_view md) {
    std::string out;
    bool lineStart = true;
    for (size_t i = 0; i < md.size(); ++i) {
        const char c = md[i];
        if (lineStart) {
            size_t k = i;
            while (k < md.size() && (md[k] == ' ' || md[k] == '#')) ++k;
            if (k + 1 < md.size() && (md[k] == '-' || md[k] == '*' || md[k] == '+') && md[k + 1] == ' ')
                k += 2;
            if (k != i) {
                i = k - 1;
                lineStart = false;
                continue;
            }
        }
        lineStart = c == '\n';
        if (c == '*' || c == '_' || c == '`') continue;
        out += c;
    }
    return out;
}

// "YYYY-MM-DD" of the Rome day of t, or "" for no bound.
std::string dayOf(std::optional<std::int64_t> t) {
    return t ? formatDate(romeDate(*t)) : std::string();
}

std::optional<std::int64_t> optionalInt(const Statement& st, int col) {
    if (st.isNull(col)) return std::nullopt;
    return st.integer(col);
}

// Makes the index hold exactly `docs` for (kind, source): unchanged documents are not rewritten.
void replaceDocs(Database& db, const std::string& kind, const std::string& source,
                 const std::vector<SearchDocument>& docs) {
    std::set<std::pair<std::string, std::string>> keep;
    for (const SearchDocument& d : docs) keep.insert({d.key, d.lang});
    std::vector<std::pair<std::string, std::string>> gone;
    Statement old = db.prepare("SELECT key, lang FROM search_docs WHERE kind = ?1 AND source = ?2");
    old.bind(1, kind).bind(2, source);
    while (old.step())
        if (!keep.count({old.text(0), old.text(1)})) gone.emplace_back(old.text(0), old.text(1));
    SearchIndexWriter writer(db);
    for (const auto& [key, lang] : gone) writer.remove(kind, key, lang);
    for (const SearchDocument& d : docs) writer.index(d);
}

}  // namespace

void reindexNoticesOfSource(Database& db, const std::string& source) {
    Transaction tx(db);
    std::vector<SearchDocument> docs;
    Statement st = db.prepare("SELECT id, texts, valid_from, valid_until FROM notices WHERE source = ?1");
    st.bind(1, source);
    while (st.step()) {
        const nlohmann::json texts = nlohmann::json::parse(st.text(1), nullptr, false);
        if (!texts.is_array() || texts.empty()) continue;
        const std::optional<std::int64_t> until = optionalInt(st, 3);
        bool english = false;
        for (size_t i = 0; i < texts.size(); ++i) {
            const nlohmann::json& t = texts[i];
            if (!t.is_object()) continue;
            // The first text is the main (Italian) one; of the others only English has a stemmer.
            const bool en = i > 0 && t.value("lang", "") == "en";
            if (i > 0 && (!en || english)) continue;
            english = english || en;
            SearchDocument d;
            d.kind = "notice";
            d.boost = kLocalBoost;
            d.key = std::to_string(st.integer(0));
            d.lang = en ? "en" : "it";
            d.source = source;
            d.title = t.value("title", "");
            d.keywords = t.value("short", "");
            d.body = markdownWords(t.value("body", ""));
            d.validFrom = dayOf(optionalInt(st, 2));
            d.validTo =
                dayOf(until ? std::optional<std::int64_t>(*until - 1) : std::nullopt);  // until is exclusive
            docs.push_back(std::move(d));
        }
    }
    replaceDocs(db, "notice", source, docs);
    tx.commit();
}

void reindexEventsOfSource(Database& db, const std::string& source) {
    Transaction tx(db);
    std::vector<SearchDocument> docs;
    // A moved occurrence ("UID#rid=...") repeats its series' text: the series is found instead.
    Statement st = db.prepare(
        "SELECT id, summary, description, location, last_end FROM events WHERE source = ?1 AND "
        "instr(uid, '#rid=') = 0");
    st.bind(1, source);
    while (st.step()) {
        SearchDocument d;
        d.kind = "event";
        d.key = std::to_string(st.integer(0));
        d.source = source;
        d.title = st.text(1);
        d.keywords = st.text(3);
        d.body = st.text(2);
        d.bodyName = st.text(3);
        const std::optional<std::int64_t> lastEnd = optionalInt(st, 4);
        d.validTo = dayOf(lastEnd ? std::optional<std::int64_t>(*lastEnd - 1)
                                  : std::nullopt);  // NULL: recurs forever
        docs.push_back(std::move(d));
    }
    replaceDocs(db, "event", source, docs);
    tx.commit();
}

void reindexOfficesOfSource(Database& db, const std::string& source) {
    Transaction tx(db);
    std::vector<SearchDocument> docs;
    Statement st = db.prepare("SELECT uid, name, address, notes FROM offices WHERE source = ?1");
    st.bind(1, source);
    while (st.step()) {
        SearchDocument d;
        d.kind = "office";
        d.boost = kLocalBoost;
        d.key = st.text(0);
        d.source = source;
        d.title = st.text(1);
        // What a visitor asks for an office by: "orari", "ufficio", "sportello".
        d.keywords = "ufficio sportello orari di apertura";
        // Notes and address: what a snippet should show (an e-mail address would match the office's name).
        d.body = st.text(3) + "\n" + st.text(2);
        d.bodyName = st.text(2);
        docs.push_back(std::move(d));
    }
    replaceDocs(db, "office", source, docs);
    tx.commit();
}

}  // namespace vt
