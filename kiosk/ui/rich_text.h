// Wrapped text with bold spans: sheet paragraphs ("**Online:** ...") and search snippets whose
// matched words are drawn in bold (never by colour alone).
#pragma once

#include "core/sheets/sheet.h"
#include "ui/ui_context.h"

#include <string_view>
#include <vector>

namespace vt {

struct RichStyle {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;  // drawn at the regular font's size
    ImU32 color = 0;
    int maxLines = 0;  // 0: no limit; otherwise the last line ends with "…" when cut
};

// Height the spans take wrapped at `width`.
float richTextHeight(const std::vector<TextSpan>& spans, const RichStyle& style, float width);
// Draws the spans at `pos`; returns the height used.
float drawRichText(ImDrawList* dl, const std::vector<TextSpan>& spans, const RichStyle& style, ImVec2 pos,
                   float width);
// The spans as one plain string (for the semantic tree).
std::string plainText(const std::vector<TextSpan>& spans);

}  // namespace vt
