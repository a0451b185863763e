// Text clean-up shared by every importer: feeds carry HTML, entities and scraping artefacts,
// and the kiosk shows plain text only (never interpreted markup).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vt {

std::string trim(std::string_view s);
// Collapses blank runs (NBSP, line breaks too) into one space; trims; first makes it drawable (readableText).
std::string collapseWhitespace(std::string_view s);
// Same, but keeps paragraph breaks (two or more newlines become "\n\n", one becomes a space).
std::string collapseKeepingParagraphs(std::string_view s);
// Decodes HTML entities: named ones common in Italian text, numeric (&#233; &#xE9;), and the
// bogus "&quote;" found in real feeds. Unknown entities are left as they are.
std::string decodeEntities(std::string_view s);
// Tags removed (<br>, </p>, </li>, </div> become line breaks), entities decoded, blank space tidied.
std::string plainTextFromHtml(std::string_view s);
// Replaces bad UTF-8 with U+FFFD; drops control characters but \n and \t, and zero-width/bidi controls.
std::string sanitizeUtf8(std::string_view s);
// Appends the UTF-8 encoding of a code point.
void appendUtf8(std::string& out, std::uint32_t cp);
// Decodes one code point at s[i], advancing i; returns U+FFFD on a bad sequence.
std::uint32_t nextCodepoint(std::string_view s, size_t& i);
// Lower case and accents removed, for comparisons and filters ("Città" -> "citta").
std::string foldForMatch(std::string_view s);
bool startsWith(std::string_view s, std::string_view prefix);
bool endsWith(std::string_view s, std::string_view suffix);
std::string toLowerAscii(std::string_view s);

}  // namespace vt
