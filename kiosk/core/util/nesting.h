// Nesting limits for every parser of outside input. A hostile file nested tens of thousands of
// levels deep must not reach recursive code (our walkers, nlohmann's dump/copy/compare, libical's
// free): each format is checked once, before any tree is walked, against one limit per format,
// far above what any real feed uses. Markdown needs none: md4c keeps its containers on the heap
// and our callbacks only count (tested with 50,000 levels).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pugi {
class xml_node;
}

namespace vt {

constexpr int kMaxJsonNesting = 100;     // arrays and objects
constexpr int kMaxXmlNesting = 100;      // elements
constexpr int kMaxCalendarNesting = 16;  // BEGIN:... inside BEGIN:...

struct NestingError {
    int line = 0;        // where the limit was crossed (1-based; 0 when unknown)
    std::string reason;  // "nested deeper than 100 levels"
};

// "nested deeper than N levels"
std::string nestingReason(int limit);

// Scans JSON bytes (strings and escapes skipped). Exact for valid JSON; invalid JSON is left to
// the parser's own error unless it is too deep first.
std::optional<NestingError> jsonNestingError(std::string_view bytes, int limit = kMaxJsonNesting);
// Walks a parsed document without recursion; `bytes` is what it was parsed from (for the line).
std::optional<NestingError> xmlNestingError(const pugi::xml_node& root, std::string_view bytes,
                                            int limit = kMaxXmlNesting);
// Counts BEGIN:/END: content lines (case-insensitive, as RFC 5545 names are).
std::optional<NestingError> calendarNestingError(std::string_view bytes, int limit = kMaxCalendarNesting);

}  // namespace vt
