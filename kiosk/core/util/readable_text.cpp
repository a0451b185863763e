#include "core/util/readable_text.h"

#include "core/util/text.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include <vector>

namespace vt {

namespace {

bool inRanges(const unsigned short* r, std::uint32_t cp) {
    for (; r[0] != 0; r += 2)
        if (cp >= r[0] && cp <= r[1]) return true;
    return false;
}

// NFC through ICU; the text unchanged if ICU refuses it (it never should for valid UTF-8).
std::string composed(std::string_view s) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2* nfc = unorm2_getNFCInstance(&err);
    if (U_FAILURE(err)) return std::string(s);
    std::vector<UChar> in(s.size() + 1);
    int32_t inLen = 0;
    u_strFromUTF8WithSub(in.data(), static_cast<int32_t>(in.size()), &inLen, s.data(),
                         static_cast<int32_t>(s.size()), 0xFFFD, nullptr, &err);
    if (U_FAILURE(err)) return std::string(s);
    std::vector<UChar> out(static_cast<size_t>(inLen) * 3 + 1);  // NFC never grows more than 3x
    const int32_t outLen =
        unorm2_normalize(nfc, in.data(), inLen, out.data(), static_cast<int32_t>(out.size()), &err);
    if (U_FAILURE(err)) return std::string(s);
    std::string utf8(static_cast<size_t>(outLen) * 3 + 1, '\0');
    int32_t len = 0;
    u_strToUTF8(utf8.data(), static_cast<int32_t>(utf8.size()), &len, out.data(), outLen, &err);
    if (U_FAILURE(err)) return std::string(s);
    utf8.resize(static_cast<size_t>(len));
    return utf8;
}

bool isMark(std::uint32_t cp) {
    const int8_t t = u_charType(static_cast<UChar32>(cp));
    return t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_COMBINING_SPACING_MARK;
}

}  // namespace

bool isDrawable(std::uint32_t cp) {
    return cp == '\n' || cp == '\t' || inRanges(kTextGlyphRanges, cp) || inRanges(kSymbolGlyphRanges, cp);
}

bool isInvisibleFormat(std::uint32_t cp) {
    return cp == 0x00AD || cp == 0x061C || cp == 0x180E || (cp >= 0x200B && cp <= 0x200F) ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) ||
           (cp >= 0x2066 && cp <= 0x206F) || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB);
}

std::string readableText(std::string_view utf8) {
    bool ascii = true;
    for (const char c : utf8)
        if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
    if (ascii) return std::string(utf8);
    const std::string text = composed(utf8);
    std::string out;
    out.reserve(text.size());
    // Drawable characters seen right after a marker: spaces and punctuation between two words of
    // the same undrawable text are folded into one marker.
    std::string pending;
    bool afterMarker = false;
    for (size_t i = 0; i < text.size();) {
        const size_t start = i;
        const std::uint32_t cp = nextCodepoint(text, i);
        if (isInvisibleFormat(cp)) continue;
        if (isMark(cp)) continue;  // still combining after NFC: no precomposed form to draw
        if (!isDrawable(cp)) {
            if (!afterMarker) out += kUndrawableMarker;
            afterMarker = true;
            pending.clear();
            continue;
        }
        if (afterMarker) {
            const bool letterOrDigit = u_isalnum(static_cast<UChar32>(cp));
            if (!letterOrDigit && cp != '\n') {
                pending.append(text, start, i - start);
                continue;
            }
            out += pending;
            pending.clear();
            afterMarker = false;
        }
        out.append(text, start, i - start);
    }
    out += pending;
    return out;
}

}  // namespace vt
