// The search tokenizers, registered in-app on every connection (no loadable extension):
// "vetrina_stem italian|english" wraps FTS5's unicode61 (remove_diacritics 2) and stems each
// token with Snowball, keeping the original byte offsets so snippet() and highlight() show the
// text as written. Prefix queries are not stemmed (a prefix longer than a stem would miss).
#pragma once

#include <sqlite3.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace vt {

// Registers the tokenizers on `db`. Must run before any FTS5 table using them is touched.
void registerSearchTokenizers(sqlite3* db);

// Splits user text exactly as the index does (unicode61, remove_diacritics 2): lower case,
// accents removed, apostrophes and punctuation as separators. Invalid UTF-8 is tolerated.
std::vector<std::string> tokenizeWords(sqlite3* db, std::string_view text);

struct WordSpan {
    std::string word;  // folded
    int start = 0;     // byte offsets in the text as given
    int end = 0;
};
// Same, with where each word is in `text` (which must be valid UTF-8).
std::vector<WordSpan> tokenizeWithOffsets(sqlite3* db, std::string_view text);
// Same, stopping as soon as `enough(words so far)` says so: a snippet needs the words around the
// first match, not a whole long text tokenized.
std::vector<WordSpan> tokenizeWithOffsetsUntil(
    sqlite3* db, std::string_view text, const std::function<bool(const std::vector<WordSpan>&)>& enough);

// Snowball stem of one already folded word ("italian" or "english").
std::string stemWord(std::string_view language, std::string_view word);

}  // namespace vt
