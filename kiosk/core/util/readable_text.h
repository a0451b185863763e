// What the kiosk can draw. Its fonts cover Latin-1, Latin Extended-A, typographic punctuation, the
// euro sign and a few symbols; anything else would be drawn by ImGui as "?". Imported text is made
// readable once, in core: invisible format characters (zero-width, bidi controls) go, combining
// marks are composed with their letter (NFC) or dropped, and each run of letters in a script the
// fonts cannot draw (Hebrew, Arabic, Greek...) becomes one marker, kUndrawableMarker.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vt {

// 0-terminated [first, last] pairs, as Dear ImGui's glyph ranges (the UI builds its atlas from them).
inline constexpr unsigned short kTextGlyphRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010,
                                                      0x2027, 0x20AC, 0x20AC, 0};
// Arrows and marks merged from DejaVu Sans into every size.
inline constexpr unsigned short kSymbolGlyphRanges[] = {
    0x2190, 0x2193, 0x2212, 0x2212, 0x2302, 0x2302, 0x232B, 0x232B, 0x25A0, 0x25A0,
    0x25B2, 0x25C0, 0x25D0, 0x25D1, 0x26A0, 0x26A0, 0x2713, 0x2717, 0};

// "[…]": says something is there that this screen cannot show, in any language.
inline constexpr std::string_view kUndrawableMarker = "[\xE2\x80\xA6]";

bool isDrawable(std::uint32_t cp);
// Zero-width characters, bidi controls and other invisible format characters (Unicode Cf).
bool isInvisibleFormat(std::uint32_t cp);
// The text as the kiosk will show it (see above); ASCII comes back unchanged.
std::string readableText(std::string_view utf8);

}  // namespace vt
