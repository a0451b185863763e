#include "core/feeds/feed_text.h"

#include "core/util/text.h"

#include <algorithm>

namespace vt {

namespace {

std::string unescapeScrapeArtefacts(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            const char n = s[i + 1];
            if (n == '\'' || n == '"' || n == '\\') {
                out += n;
                ++i;
                continue;
            }
            if (n == 'r' || n == 'n' || n == 't') {  // a literal "\r\n" left by an export
                if (n != 'r') out += n == 't' ? ' ' : '\n';
                ++i;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

}  // namespace

std::string cleanFeedText(std::string_view raw) {
    std::string text = plainTextFromHtml(unescapeScrapeArtefacts(raw));
    // Halley scrapers leave the tail of an HTML attribute ('">') in front of titles.
    size_t k = 0;
    while (k < text.size() && (text[k] == '"' || text[k] == '\'' || text[k] == ' ')) ++k;
    if (k < text.size() && text[k] == '>') text = trim(std::string_view(text).substr(k + 1));
    return text;
}

std::optional<CivilDate> parseFeedDay(std::string_view raw) {
    const std::string s = trim(raw);
    if (s.empty() || startsWith(s, "0000-00-00") || startsWith(s, "00/00/0000")) return std::nullopt;
    if (auto d = parseDayMonthYear(s)) return d;
    if (auto d = parseIsoDate(s)) return d;
    if (auto t = parseIsoInstant(s)) return romeDate(*t);
    if (auto t = parseRfc822(s)) return romeDate(*t);
    // "dd/mm/yyyy hh:mm" and similar: the date part alone.
    const size_t space = s.find(' ');
    if (space != std::string::npos) {
        if (auto d = parseDayMonthYear(std::string_view(s).substr(0, space))) return d;
    }
    return std::nullopt;
}

int lineAtOffset(std::string_view buffer, std::ptrdiff_t offset) {
    if (offset < 0) return 0;
    const auto end =
        buffer.begin() + std::min<std::ptrdiff_t>(offset, static_cast<std::ptrdiff_t>(buffer.size()));
    return 1 + static_cast<int>(std::count(buffer.begin(), end, '\n'));
}

LineIndex::LineIndex(std::string_view buffer) {
    m_lineStarts.push_back(0);
    for (std::size_t i = 0; i < buffer.size(); ++i)
        if (buffer[i] == '\n') m_lineStarts.push_back(i + 1);
}

int LineIndex::lineAt(std::ptrdiff_t offset) const {
    if (offset < 0) return 0;
    const auto it =
        std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), static_cast<std::size_t>(offset));
    return static_cast<int>(it - m_lineStarts.begin());
}

}  // namespace vt
