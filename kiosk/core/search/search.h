// Search across all content, starting from the citizen's words: stemmed Italian (or English)
// matching, search as you type on an unstemmed prefix index, synonyms and abbreviations at query
// time, "Forse cercavi ..." for typos, results grouped by kind with highlighted snippets.
// User text never reaches MATCH raw: it is tokenized here and each token is quoted.
#pragma once

#include "core/sheets/sheet.h"
#include "core/store/database.h"
#include "core/util/civil_time.h"

#include <string>
#include <string_view>
#include <vector>

namespace vt {

// Snippets and titles mark highlighted words between these two control characters.
constexpr char kHighlightStart = '\x02';
constexpr char kHighlightEnd = '\x03';

struct SearchOptions {
    std::string lang = "it";
    int limit = 20;
    // Search as you type, on every keystroke: one query on the unstemmed prefix index, the
    // last word matching as a prefix ("carta ide"), earlier words by their stem as a prefix.
    // false: the whole query (the "Cerca" key, `vetrina search`): stemmed index, synonyms,
    // all words required, then any word when that finds nothing.
    bool asYouType = false;
    UnixSeconds now = 0;  // acts, notices and events outside their window are not found
    bool suggest = true;  // try "Forse cercavi ..." when nothing is found
};

struct SearchHit {
    std::string kind;  // "sheet", "act", ...
    std::string key;   // id for the kind's detail screen
    std::string title;
    std::string bodyName;
    std::string snippet;  // with kHighlightStart/kHighlightEnd around matched words
    double score = 0;     // bm25: more negative is better
};

struct SearchGroup {
    std::string kind;
    std::vector<SearchHit> hits;
};

struct SearchResult {
    std::vector<SearchHit> hits;      // best first, across kinds
    std::vector<SearchGroup> groups;  // the same hits by kind, the kind of the best hit first
    std::string suggestion;           // "Forse cercavi": the corrected query, "" if none
    bool fromSuggestion = false;      // the hits are those of the suggestion (the query found nothing)
    std::string matchExpression;      // the FTS5 query that was run, for diagnostics
};

SearchResult search(const Database& db, std::string_view query, const SearchOptions& options = {});

// Text split into plain and highlighted spans, for the UI to draw in bold.
std::vector<TextSpan> splitHighlights(std::string_view marked);

// Queries that found nothing, counted for the staff (text and count only, nothing else).
void recordSearchMiss(Database& db, std::string_view query, UnixSeconds now);
struct SearchMiss {
    std::string query;
    int count = 0;
};
std::vector<SearchMiss> listSearchMisses(const Database& db, int limit = 100);

// Levenshtein distance with adjacent transpositions, on code points.
int editDistance(std::string_view a, std::string_view b);

}  // namespace vt
