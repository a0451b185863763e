#include "core/search/search.h"

#include "core/search/fts_tokenizer.h"
#include "core/search/synonyms.h"
#include "core/util/text.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>

namespace vt {

namespace {

constexpr size_t kMaxQueryBytes = 256;
constexpr size_t kMaxWords = 10;
// Typo correction is tried only on words this long (shorter words have too many neighbours).
constexpr int kMinCorrectableLength = 5;

// Function words dropped from a query ("come faccio la carta d'identità"), unless nothing else is left.
const std::set<std::string, std::less<>> kStopwords{
    "a",     "ad",   "al",    "alla",   "alle",  "agli",  "ai",     "all",   "allo",  "che",  "chi",
    "ci",    "come", "con",   "cosa",   "d",     "da",    "dal",    "dalla", "dai",   "dall", "de",
    "dei",   "del",  "della", "delle",  "dell",  "dello", "degli",  "di",    "e",     "ed",   "faccio",
    "fare",  "gli",  "ha",    "hai",    "ho",    "i",     "il",     "in",    "io",    "l",    "la",
    "le",    "lo",   "ma",    "mi",     "mia",   "mio",   "miei",   "mie",   "ne",    "nel",  "nella",
    "nelle", "nei",  "o",     "per",    "posso", "si",    "su",     "sul",   "sulla", "tra",  "fra",
    "un",    "una",  "uno",   "voglio", "devo",  "dove",  "quando", "the",   "of",    "to",   "my",
    "how",   "is",   "an",    "and",    "for",   "what",  "where",  "do",    "does",  "i",    "me"};

struct Unit {
    std::vector<std::string> original;              // the user's words
    std::vector<std::vector<std::string>> phrases;  // alternatives, original first
};

std::string quote(const std::vector<std::string>& words) {
    std::string out = "\"";
    for (size_t i = 0; i < words.size(); ++i) {
        if (i) out += ' ';
        for (char c : words[i]) {
            if (c == '"') out += '"';
            out += c;
        }
    }
    return out + "\"";
}

bool phraseAt(const std::vector<std::string>& words, size_t i, const std::vector<std::string>& phrase) {
    if (i + phrase.size() > words.size()) return false;
    for (size_t k = 0; k < phrase.size(); ++k)
        if (words[i + k] != phrase[k]) return false;
    return true;
}

bool isStopword(const std::string& w) {
    return kStopwords.count(w) > 0;
}

std::vector<std::string> contentWords(const std::vector<std::string>& words) {
    std::vector<std::string> out;
    for (const auto& w : words)
        if (!isStopword(w)) out.push_back(w);
    return out.empty() ? words : out;
}

// Synonym phrases match the query ignoring function words on both sides: "carta identita"
// matches "carta d'identità", "cambiato casa" matches "ho cambiato casa".
std::vector<Unit> buildUnits(const std::vector<std::string>& query,
                             const std::vector<SynonymGroup>& synonyms) {
    const std::vector<std::string> words = contentWords(query);
    std::vector<Unit> units;
    for (size_t i = 0; i < words.size();) {
        const SynonymGroup* best = nullptr;
        size_t bestLen = 0;
        for (const SynonymGroup& g : synonyms)
            for (const auto& phrase : g) {
                const std::vector<std::string> key = contentWords(phrase);
                if (key.size() > bestLen && phraseAt(words, i, key)) {
                    best = &g;
                    bestLen = key.size();
                }
            }
        Unit u;
        u.original.assign(words.begin() + static_cast<std::ptrdiff_t>(i),
                          words.begin() + static_cast<std::ptrdiff_t>(i + std::max<size_t>(bestLen, 1)));
        u.phrases.push_back(u.original);
        if (best) {
            for (const auto& phrase : *best)
                if (phrase != u.original) u.phrases.push_back(phrase);
            i += bestLen;
        } else {
            ++i;
        }
        units.push_back(std::move(u));
    }
    return units;
}

// FTS5 expression: each unit is a quoted phrase or a group of quoted alternatives; units are
// ANDed (or ORed when the AND found nothing). The last word may be a prefix.
std::string expression(const std::vector<Unit>& units, bool prefixLast, bool orJoin) {
    std::string out;
    for (size_t i = 0; i < units.size(); ++i) {
        const Unit& u = units[i];
        std::vector<std::string> alts;
        for (const auto& p : u.phrases) alts.push_back(quote(p));
        if (prefixLast && i + 1 == units.size()) alts.push_back(quote(u.original) + "*");
        std::string part;
        if (alts.size() == 1)
            part = alts[0];
        else {
            part = "(";
            for (size_t k = 0; k < alts.size(); ++k) part += (k ? " OR " : "") + alts[k];
            part += ")";
        }
        if (i) out += orJoin ? " OR " : " ";
        out += part;
    }
    return out;
}

struct Hit {
    SearchHit hit;
    std::string lang;
    std::string table;  // where to draw its snippet from
    std::string match;
    std::int64_t rowid = 0;
    const std::vector<std::string>* prefixes = nullptr;  // while typing: snippet drawn here, not by FTS5
};

using HitMap = std::map<std::pair<std::string, std::string>, Hit>;

// Phase one: the best rowids by bm25 (FTS5 ranks inside its own sorter), or simply the first
// ones when `ranked` is false (prefixes so short that ranking tens of thousands of rows would
// cost more than it tells). Snippets are drawn later for the few hits shown only.
void runMatch(const Database& db, const std::string& table, const std::string& match,
              const std::string& today, int limit, bool ranked, HitMap& merged, const std::string& lang,
              const std::vector<std::string>* prefixes = nullptr) {
    Statement st =
        db.prepare("SELECT rowid, " + std::string(ranked ? "rank" : "-1.0") + " FROM " + table + " WHERE " +
                   table + " MATCH ?1" + (ranked ? " ORDER BY rank" : "") + " LIMIT ?2");
    st.bind(1, match).bind(2, limit);
    std::vector<std::pair<std::int64_t, double>> rows;
    while (true) {
        try {
            if (!st.step()) break;
        } catch (const StoreError&) {
            break;  // a query FTS5 refuses finds nothing; it never becomes an error for the user
        }
        rows.emplace_back(st.integer(0), st.real(1));
    }
    Statement doc = db.prepare(
        "SELECT kind, key, title, body_name, lang, boost FROM search_docs WHERE rowid = ?1 AND "
        "(valid_from = '' OR valid_from <= ?2) AND (valid_to = '' OR valid_to >= ?2)");
    for (const auto& [rowid, rank] : rows) {
        doc.bind(1, rowid).bind(2, today);
        if (!doc.step()) {
            doc.reset();
            continue;
        }
        Hit h{{doc.text(0), doc.text(1), doc.text(2), doc.text(3), {}, rank * doc.real(5)},
              doc.text(4),
              table,
              match,
              rowid,
              prefixes};
        doc.reset();
        auto key = std::make_pair(h.hit.kind, h.hit.key);
        auto it = merged.find(key);
        if (it == merged.end()) {
            merged.emplace(key, std::move(h));
            continue;
        }
        // Same document twice (both indexes, or two languages): keep the user's language, the best score.
        const bool better = (h.lang == lang && it->second.lang != lang) ||
                            (h.lang == it->second.lang && h.hit.score < it->second.hit.score);
        const double best = std::min(h.hit.score, it->second.hit.score);
        if (better) it->second = std::move(h);
        it->second.hit.score = best;
    }
}

// While typing, FTS5's snippet() would re-run a prefix query (merging every doclist of the
// prefix) once per hit; marking the words that start with a query prefix costs one pass over
// the text instead.
std::string prefixSnippet(const Database& db, const std::string& text,
                          const std::vector<std::string>& prefixes) {
    constexpr size_t kWords = 14;
    // Past this many words without a match, the snippet is the start of the text.
    constexpr size_t kScanWords = 400;
    auto hits = [&](const WordSpan& w) {
        for (const auto& p : prefixes)
            if (w.word.compare(0, p.size(), p) == 0) return true;
        return false;
    };
    // Tokenizes only up to the window around the first match (one word more, to know whether
    // the text goes on): texts are long, snippets short.
    size_t firstHit = SIZE_MAX;
    const std::vector<WordSpan> words =
        tokenizeWithOffsetsUntil(db.handle(), text, [&](const std::vector<WordSpan>& w) {
            if (firstHit == SIZE_MAX && hits(w.back())) firstHit = w.size() - 1;
            if (firstHit == SIZE_MAX) return w.size() > kScanWords;
            return w.size() > (firstHit > 3 ? firstHit - 3 : 0) + kWords;
        });
    size_t first = firstHit == SIZE_MAX ? 0 : firstHit;
    const size_t from = first > 3 ? first - 3 : 0;
    const size_t to = std::min(words.size(), from + kWords);
    if (from >= to) return {};
    std::string out = from > 0 ? "…" : "";
    size_t pos = static_cast<size_t>(words[from].start);
    for (size_t i = from; i < to; ++i) {
        const auto start = static_cast<size_t>(words[i].start), end = static_cast<size_t>(words[i].end);
        out += text.substr(pos, start - pos);
        if (hits(words[i]))
            (((out += kHighlightStart) += text.substr(start, end - start)) += kHighlightEnd);
        else
            out += text.substr(start, end - start);
        pos = end;
    }
    if (to < words.size()) out += "…";
    return out;
}

void drawSnippet(const Database& db, Hit& h) {
    if (h.prefixes) {
        Statement body = db.prepare("SELECT body FROM search_docs WHERE rowid = ?1");
        body.bind(1, h.rowid);
        if (body.step()) h.hit.snippet = prefixSnippet(db, body.text(0), *h.prefixes);
        std::replace(h.hit.snippet.begin(), h.hit.snippet.end(), '\n', ' ');
        return;
    }
    Statement st = db.prepare("SELECT snippet(" + h.table + ", 2, char(2), char(3), '…', 14) FROM " +
                              h.table + " WHERE " + h.table + " MATCH ?1 AND rowid = ?2");
    st.bind(1, h.match).bind(2, h.rowid);
    try {
        if (st.step()) h.hit.snippet = st.text(0);
    } catch (const StoreError&) {
    }
    std::replace(h.hit.snippet.begin(), h.hit.snippet.end(), '\n', ' ');  // one line under the title
}

size_t codepoints(std::string_view s) {
    size_t n = 0;
    for (size_t i = 0; i < s.size();) {
        nextCodepoint(s, i);
        ++n;
    }
    return n;
}

// The nearest word of the index vocabulary, or "" when the word is known or nothing is close.
// A word still being typed is known when some indexed word starts with it.
std::string correctWord(const Database& db, const std::string& word, bool asPrefix) {
    const int len = static_cast<int>(codepoints(word));
    if (len < kMinCorrectableLength) return {};
    Statement known = db.prepare(
        asPrefix ? "SELECT 1 FROM search_vocab WHERE term >= ?1 AND term < ?1 || char(1114111) LIMIT 1"
                 : "SELECT 1 FROM search_vocab WHERE term = ?1");
    known.bind(1, word);
    if (known.step()) return {};
    const int maxDistance = len >= 8 ? 2 : 1;
    // Typos rarely hit the first letter: scan only the terms that share it.
    std::string lo = word.substr(0, 1), hi = lo;
    hi.back() = static_cast<char>(hi.back() + 1);
    Statement st = db.prepare("SELECT term, doc FROM search_vocab WHERE term >= ?1 AND term < ?2");
    st.bind(1, lo).bind(2, hi);
    std::string best;
    int bestDistance = maxDistance + 1;
    std::int64_t bestDocs = 0;
    while (st.step()) {
        const std::string term = st.text(0);
        const int tl = static_cast<int>(codepoints(term));
        if (std::abs(tl - len) > maxDistance || tl < 3) continue;
        const int d = editDistance(word, term);
        const std::int64_t docs = st.integer(1);
        if (d < bestDistance || (d == bestDistance && docs > bestDocs)) {
            best = term;
            bestDistance = d;
            bestDocs = docs;
        }
    }
    return bestDistance <= maxDistance ? best : std::string();
}

struct Attempt {
    std::vector<SearchHit> hits;
    std::string match;
};

// As you type, words already typed match by their stem as a prefix ("certificati" ->
// "certific"*), on the unstemmed index that also holds the prefixes of the word being typed.
std::string stemPrefix(const std::string& word, const std::string& lang) {
    const std::string stem = stemWord(lang == "en" ? "english" : "italian", word);
    return stem.size() >= 3 && word.compare(0, stem.size(), stem) == 0 ? stem : word;
}

std::string typingExpression(const std::vector<Unit>& units, bool orJoin, const std::string& lang) {
    std::string out;
    for (size_t i = 0; i < units.size(); ++i) {
        const Unit& u = units[i];
        std::vector<std::string> alts;
        if (u.original.size() == 1) {
            const bool last = i + 1 == units.size();
            alts.push_back(quote({last ? u.original[0] : stemPrefix(u.original[0], lang)}) + "*");
        } else {
            alts.push_back(quote(u.original));
        }
        for (size_t k = 1; k < u.phrases.size(); ++k) alts.push_back(quote(u.phrases[k]));
        std::string part = alts[0];
        if (alts.size() > 1) {
            part = "(";
            for (size_t k = 0; k < alts.size(); ++k) part += (k ? " OR " : "") + alts[k];
            part += ")";
        }
        if (i) out += orJoin ? " OR " : " ";
        out += part;
    }
    return out;
}

// bm25 costs in proportion to the documents matched: above this many, search as you type
// narrows to titles, and above it in titles too, it takes the first matches unranked (the
// next keystroke narrows them). The counts come from the index vocabulary, not from a scan.
constexpr std::int64_t kRankedMatchLimit = 600;

// Documents holding a word starting with `prefix`, in any column or only in the title, counted
// up to kRankedMatchLimit + 1 only: all that matters is whether ranking them stays cheap. The
// count stops early, and prefixes of two or three letters (four in titles) are read from FTS5's
// prefix indexes; summing the vocabulary's counts instead read every doclist of the prefix.
std::int64_t countDocs(const Database& db, const std::string& prefix, bool titleOnly) {
    const std::string table = titleOnly ? "search_titles" : "search_prefix";
    Statement st = db.prepare("SELECT count(*) FROM (SELECT 1 FROM " + table + " WHERE " + table +
                              " MATCH ?1 LIMIT ?2)");
    try {
        // A longer prefix has no prefix index: FTS5 merges every doclist of the prefix before the
        // first row. The word itself is one doclist read only up to the limit; when it alone is
        // past the limit ("cambio", "bollo"), so is the prefix.
        if (codepoints(prefix) > (titleOnly ? 4u : 3u)) {
            st.bind(1, quote({prefix})).bind(2, kRankedMatchLimit + 1);
            const std::int64_t exact = st.step() ? st.integer(0) : 0;
            st.reset();
            if (exact > kRankedMatchLimit) return exact;
        }
        st.bind(1, quote({prefix}) + "*").bind(2, kRankedMatchLimit + 1);
        return st.step() ? st.integer(0) : 0;
    } catch (const StoreError&) {
        return kRankedMatchLimit + 1;  // cannot tell: take the cheap plan
    }
}

// Counting walks the doclists, as costly as a small query: while typing, the earlier words come
// back on every keystroke, so counts are kept until the index changes (PRAGMA data_version
// moves when another connection writes; total_changes when this one does).
struct EstimateCache {
    std::mutex mutex;
    sqlite3* db = nullptr;
    std::string path;  // a closed connection's address may be reused by the next one
    std::int64_t version = -1;
    int changes = -1;
    std::map<std::string, std::int64_t> counts;
};

std::int64_t estimateDocs(const Database& db, const std::string& prefix, bool titleOnly) {
    static EstimateCache cache;
    Statement version = db.prepare("PRAGMA data_version");
    const std::int64_t v = version.step() ? version.integer(0) : -1;
    const int changes = sqlite3_total_changes(db.handle());
    const std::string key = (titleOnly ? "t:" : "a:") + prefix;
    {
        std::lock_guard lock(cache.mutex);
        if (cache.db != db.handle() || cache.path != db.path() || cache.version != v ||
            cache.changes != changes || cache.counts.size() > 4096) {
            cache.counts.clear();
            cache.db = db.handle();
            cache.path = db.path();
            cache.version = v;
            cache.changes = changes;
        }
        if (auto it = cache.counts.find(key); it != cache.counts.end()) return it->second;
    }
    const std::int64_t n = countDocs(db, prefix, titleOnly);
    std::lock_guard lock(cache.mutex);
    cache.counts[key] = n;
    return n;
}

// The synonyms list, read again only when the store changed (every keystroke searches).
std::vector<SynonymGroup> cachedSynonyms(const Database& db) {
    static std::mutex mutex;
    static sqlite3* cachedDb = nullptr;
    static std::string cachedPath;
    static std::int64_t cachedVersion = -1;
    static int cachedChanges = -1;
    static std::vector<SynonymGroup> groups;
    Statement version = db.prepare("PRAGMA data_version");
    const std::int64_t v = version.step() ? version.integer(0) : -1;
    const int changes = sqlite3_total_changes(db.handle());
    std::lock_guard lock(mutex);
    if (cachedDb != db.handle() || cachedPath != db.path() || cachedVersion != v ||
        cachedChanges != changes) {
        groups = loadSynonyms(db);
        cachedDb = db.handle();
        cachedPath = db.path();
        cachedVersion = v;
        cachedChanges = changes;
    }
    return groups;
}

// The smallest estimate over the plain words of the query (synonym groups can only add).
std::int64_t estimateMatches(const Database& db, const std::vector<Unit>& units, bool titleOnly,
                             const std::string& lang) {
    std::int64_t best = -1;
    for (size_t i = 0; i < units.size(); ++i) {
        const Unit& u = units[i];
        if (u.original.size() != 1 || u.phrases.size() != 1) continue;
        const std::string token = i + 1 == units.size() ? u.original[0] : stemPrefix(u.original[0], lang);
        const std::int64_t n = estimateDocs(db, token, titleOnly);
        if (best < 0 || n < best) best = n;
    }
    return best < 0 ? 0 : best;
}

Attempt runQuery(const Database& db, const std::vector<std::string>& words, bool typing,
                 const std::vector<SynonymGroup>& synonyms, const SearchOptions& opt,
                 const std::string& today) {
    Attempt a;
    const std::vector<Unit> units = buildUnits(words, synonyms);
    const std::string stemTable = opt.lang == "en" ? "search_en" : "search_it";
    const int fetch = std::max(opt.limit, 1) * 3;
    // What the typed words match as prefixes, for the snippets drawn while typing.
    std::vector<std::string> prefixes;
    for (size_t i = 0; i < units.size(); ++i) {
        const Unit& u = units[i];
        if (u.original.size() == 1)
            prefixes.push_back(i + 1 == units.size() ? u.original[0] : stemPrefix(u.original[0], opt.lang));
        for (size_t k = u.original.size() == 1 ? 1 : 0; k < u.phrases.size(); ++k)
            for (const auto& w : u.phrases[k])
                if (w.size() >= 3 && !isStopword(w)) prefixes.push_back(w);
    }
    HitMap merged;
    for (bool orJoin : {false, true}) {
        if (orJoin && (units.size() < 2 || typing)) break;  // while typing, all words must match
        merged.clear();
        if (typing) {
            // One query per keystroke, on the prefix index, ranked when that stays cheap.
            a.match = typingExpression(units, orJoin, opt.lang);
            // Two or three letters alone match a large share of any index: take the first titles.
            const bool shortAlone =
                units.size() == 1 && units[0].phrases.size() == 1 && codepoints(units[0].original[0]) < 4;
            if (!shortAlone && estimateMatches(db, units, false, opt.lang) <= kRankedMatchLimit) {
                runMatch(db, "search_prefix", a.match, today, fetch, true, merged, opt.lang, &prefixes);
            } else {
                const bool ranked =
                    !shortAlone && estimateMatches(db, units, true, opt.lang) <= kRankedMatchLimit;
                runMatch(db, "search_titles", a.match, today, fetch, ranked, merged, opt.lang, &prefixes);
                // Words found together only in texts, not in any title.
                if (merged.empty())
                    runMatch(db, "search_prefix", a.match, today, fetch, false, merged, opt.lang, &prefixes);
            }
        } else {
            a.match = expression(units, false, orJoin);
            runMatch(db, stemTable, a.match, today, fetch, true, merged, opt.lang);
            // Sheets with no variant in the user's language are found through the unstemmed index.
            if (opt.lang != "it")
                runMatch(db, "search_prefix", a.match, today, fetch, true, merged, opt.lang);
        }
        if (!merged.empty()) break;
    }
    std::vector<Hit*> order;
    for (auto& [k, h] : merged) order.push_back(&h);
    std::stable_sort(order.begin(), order.end(),
                     [](const Hit* x, const Hit* y) { return x->hit.score < y->hit.score; });
    if (order.size() > static_cast<size_t>(std::max(opt.limit, 0)))
        order.resize(static_cast<size_t>(std::max(opt.limit, 0)));
    for (Hit* h : order) {
        drawSnippet(db, *h);
        a.hits.push_back(std::move(h->hit));
    }
    return a;
}

}  // namespace

SearchResult search(const Database& db, std::string_view query, const SearchOptions& opt) {
    SearchResult r;
    std::string q(query.substr(0, kMaxQueryBytes));
    std::vector<std::string> words = tokenizeWords(db.handle(), q);
    if (words.size() > kMaxWords) words.resize(kMaxWords);
    // Very long tokens are noise (pasted text, garbage): FTS5 would match nothing anyway.
    words.erase(
        std::remove_if(words.begin(), words.end(), [](const std::string& w) { return w.size() > 64; }),
        words.end());
    if (words.empty()) return r;
    // A one-letter last word says nothing yet: while typing it waits for the next letter.
    if (opt.asYouType && words.size() > 1 && codepoints(words.back()) < 2) words.pop_back();
    const bool prefixLast = opt.asYouType && codepoints(words.back()) >= 2;
    const std::vector<SynonymGroup> synonyms = cachedSynonyms(db);
    const std::string today = formatDate(romeDate(opt.now));

    Attempt a = runQuery(db, words, prefixLast, synonyms, opt, today);
    r.matchExpression = a.match;
    if (a.hits.empty() && opt.suggest) {
        std::vector<std::string> corrected = words;
        bool changed = false;
        for (size_t i = 0; i < corrected.size(); ++i) {
            if (std::string c = correctWord(db, corrected[i], prefixLast && i + 1 == corrected.size());
                !c.empty()) {
                corrected[i] = c;
                changed = true;
            }
        }
        if (changed) {
            for (const auto& w : corrected) r.suggestion += (r.suggestion.empty() ? "" : " ") + w;
            a = runQuery(db, corrected, false, synonyms, opt, today);
            r.fromSuggestion = !a.hits.empty();
            r.matchExpression = a.match;
        }
    }
    r.hits = std::move(a.hits);
    for (const SearchHit& h : r.hits) {
        auto g = std::find_if(r.groups.begin(), r.groups.end(),
                              [&](const SearchGroup& x) { return x.kind == h.kind; });
        if (g == r.groups.end())
            r.groups.push_back({h.kind, {h}});
        else
            g->hits.push_back(h);
    }
    return r;
}

std::vector<TextSpan> splitHighlights(std::string_view marked) {
    std::vector<TextSpan> out;
    bool bold = false;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty()) out.push_back({cur, bold});
        cur.clear();
    };
    for (char c : marked) {
        if (c == kHighlightStart || c == kHighlightEnd) {
            flush();
            bold = c == kHighlightStart;
        } else {
            cur += c;
        }
    }
    flush();
    return out;
}

void recordSearchMiss(Database& db, std::string_view query, UnixSeconds now) {
    std::string text;
    for (const auto& w : tokenizeWords(db.handle(), query.substr(0, kMaxQueryBytes)))
        text += (text.empty() ? "" : " ") + w;
    if (text.empty()) return;
    db.prepare(
          "INSERT INTO search_misses(query, count, last_at) VALUES(?1, 1, ?2) "
          "ON CONFLICT(query) DO UPDATE SET count = count + 1, last_at = ?2")
        .bind(1, text)
        .bind(2, formatIsoRome(now))
        .run();
}

std::vector<SearchMiss> listSearchMisses(const Database& db, int limit) {
    std::vector<SearchMiss> out;
    Statement st =
        db.prepare("SELECT query, count FROM search_misses ORDER BY count DESC, last_at DESC LIMIT ?1");
    st.bind(1, limit);
    while (st.step()) out.push_back({st.text(0), static_cast<int>(st.integer(1))});
    return out;
}

int editDistance(std::string_view a, std::string_view b) {
    std::vector<std::uint32_t> x, y;
    for (size_t i = 0; i < a.size();) x.push_back(nextCodepoint(a, i));
    for (size_t i = 0; i < b.size();) y.push_back(nextCodepoint(b, i));
    const size_t n = x.size(), m = y.size();
    std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
    for (size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
    for (size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
    for (size_t i = 1; i <= n; ++i)
        for (size_t j = 1; j <= m; ++j) {
            const int cost = x[i - 1] == y[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[n][m];
}

}  // namespace vt
