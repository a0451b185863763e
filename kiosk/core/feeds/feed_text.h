// Helpers shared by the feed adapters: cleaning scraped text and reading dates in any of the
// shapes real albo feeds use.
#pragma once

#include "core/util/civil_time.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vt {

// Plain text from a feed field: HTML removed, entities decoded (also "&quote;"), scraping
// artefacts removed (a leading '">', backslash-escaped quotes "l\'", literal "\r\n").
std::string cleanFeedText(std::string_view raw);

// A Europe/Rome calendar day from "dd/mm/yyyy", "yyyy-mm-dd", an ISO 8601 instant or an RFC 822
// date (converted from its own zone). Empty for blanks and for "0000-00-00" sentinels.
std::optional<CivilDate> parseFeedDay(std::string_view raw);

// 1-based line of a byte offset in a buffer (one scan: for a single error message).
int lineAtOffset(std::string_view buffer, std::ptrdiff_t offset);

// Line numbers for many offsets of the same buffer: one pass to find the line starts, then a
// binary search per look-up, so reporting every item of a 10,000-item feed stays linear.
class LineIndex {
public:
    explicit LineIndex(std::string_view buffer);
    int lineAt(std::ptrdiff_t offset) const;

private:
    std::vector<std::size_t> m_lineStarts;
};

}  // namespace vt
