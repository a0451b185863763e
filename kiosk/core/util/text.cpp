#include "core/util/text.h"

#include "core/util/readable_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

namespace vt {

namespace {

bool isAsciiBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

struct Entity {
    const char* name;
    std::uint32_t cp;
};

// Named entities seen in Italian public-administration feeds; the full HTML5 table is not needed.
constexpr std::array<Entity, 64> kEntities{{
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},      {"quote", '"'},
    {"apos", '\''},    {"nbsp", 0xA0},    {"agrave", 0xE0},  {"aacute", 0xE1},   {"egrave", 0xE8},
    {"eacute", 0xE9},  {"igrave", 0xEC},  {"iacute", 0xED},  {"ograve", 0xF2},   {"oacute", 0xF3},
    {"ugrave", 0xF9},  {"uacute", 0xFA},  {"Agrave", 0xC0},  {"Aacute", 0xC1},   {"Egrave", 0xC8},
    {"Eacute", 0xC9},  {"Igrave", 0xCC},  {"Iacute", 0xCD},  {"Ograve", 0xD2},   {"Oacute", 0xD3},
    {"Ugrave", 0xD9},  {"Uacute", 0xDA},  {"ccedil", 0xE7},  {"Ccedil", 0xC7},   {"ntilde", 0xF1},
    {"auml", 0xE4},    {"ouml", 0xF6},    {"uuml", 0xFC},    {"euml", 0xEB},     {"iuml", 0xEF},
    {"acirc", 0xE2},   {"ecirc", 0xEA},   {"icirc", 0xEE},   {"ocirc", 0xF4},    {"ucirc", 0xFB},
    {"laquo", 0xAB},   {"raquo", 0xBB},   {"deg", 0xB0},     {"ordm", 0xBA},     {"ordf", 0xAA},
    {"euro", 0x20AC},  {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C},  {"rdquo", 0x201D},
    {"bdquo", 0x201E}, {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"bull", 0x2022},
    {"middot", 0xB7},  {"sect", 0xA7},    {"copy", 0xA9},    {"reg", 0xAE},      {"para", 0xB6},
    {"shy", 0xAD},     {"times", 0xD7},   {"frac12", 0xBD},  {"szlig", 0xDF},
}};

std::uint32_t lowerFoldCodepoint(std::uint32_t cp) {
    if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    // Latin-1 supplement letters to their base letter.
    static const char kLatin1Base[] =
        "aaaaaaaceeeeiiiidnooooo*ouuuuyts"
        "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
    if (cp >= 0xC0 && cp <= 0xFF) {
        const char b = kLatin1Base[cp - 0xC0];
        if (b != '*' && b != '/') return static_cast<unsigned char>(b);
        return cp;
    }
    if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) return '\'';
    return cp;
}

bool isInlineTag(const std::string& tag) {
    // Inline markup joins text without a break ("gras<b>set</b>to").
    static const char* kInline[] = {"b", "i",    "u",     "em",  "strong", "span",
                                    "a", "font", "small", "sup", "sub",    "abbr"};
    std::string name = tag[0] == '/' ? tag.substr(1) : tag;
    const size_t end = name.find_first_of(" \t\n/>");
    if (end != std::string::npos) name.resize(end);
    for (const char* n : kInline)
        if (name == n) return true;
    return false;
}

}  // namespace

bool startsWith(std::string_view s, std::string_view p) {
    return s.substr(0, p.size()) == p;
}
bool endsWith(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::string toLowerAscii(std::string_view s) {
    std::string r(s);
    for (auto& c : r)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return r;
}

std::string trim(std::string_view s) {
    size_t a = 0, b = s.size();
    while (a < b && isAsciiBlank(s[a])) ++a;
    while (b > a && isAsciiBlank(s[b - 1])) --b;
    return std::string(s.substr(a, b - a));
}

void appendUtf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::uint32_t nextCodepoint(std::string_view s, size_t& i) {
    const auto c0 = static_cast<unsigned char>(s[i]);
    if (c0 < 0x80) {
        ++i;
        return c0;
    }
    int len = 0;
    std::uint32_t cp = 0;
    if ((c0 & 0xE0) == 0xC0)
        len = 2, cp = c0 & 0x1F;
    else if ((c0 & 0xF0) == 0xE0)
        len = 3, cp = c0 & 0x0F;
    else if ((c0 & 0xF8) == 0xF0)
        len = 4, cp = c0 & 0x07;
    else {
        ++i;
        return 0xFFFD;
    }
    if (i + len > s.size()) {
        ++i;
        return 0xFFFD;
    }
    for (int k = 1; k < len; ++k) {
        const auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return 0xFFFD;
    }
    i += len;
    return cp;
}

std::string sanitizeUtf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) {
        const std::uint32_t cp = nextCodepoint(s, i);
        if (cp < 0x20 && cp != '\n' && cp != '\t') continue;
        if (cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) continue;
        if (isInvisibleFormat(cp)) continue;  // zero-width and bidi controls: drawn as "?" otherwise
        appendUtf8(out, cp);
    }
    return out;
}

std::string decodeEntities(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        if (s[i] != '&') {
            out += s[i++];
            continue;
        }
        const size_t semi = s.find(';', i + 1);
        if (semi == std::string_view::npos || semi - i > 12) {
            out += s[i++];
            continue;
        }
        const std::string_view name = s.substr(i + 1, semi - i - 1);
        std::uint32_t cp = 0;
        if (!name.empty() && name[0] == '#') {
            const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
            std::uint32_t v = 0;
            bool ok = name.size() > (hex ? 2u : 1u);
            for (size_t k = hex ? 2 : 1; k < name.size() && ok; ++k) {
                const char c = name[k];
                int d = -1;
                if (c >= '0' && c <= '9')
                    d = c - '0';
                else if (hex && c >= 'a' && c <= 'f')
                    d = c - 'a' + 10;
                else if (hex && c >= 'A' && c <= 'F')
                    d = c - 'A' + 10;
                if (d < 0 || v > 0x10FFFF)
                    ok = false;
                else
                    v = v * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
            }
            if (ok && v > 0 && v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF)) cp = v;
        } else {
            for (const auto& e : kEntities)
                if (name == e.name) cp = e.cp;
        }
        if (cp == 0) {
            out += s[i++];
            continue;
        }
        appendUtf8(out, cp);
        i = semi + 1;
    }
    return out;
}

std::string collapseWhitespace(std::string_view raw) {
    // Every displayed text ends here: made drawable first (readable_text.h), then tidied.
    const std::string readable = readableText(raw);
    const std::string_view s = readable;
    std::string out;
    out.reserve(s.size());
    bool pendingSpace = false;
    for (size_t i = 0; i < s.size();) {
        const size_t start = i;
        const std::uint32_t cp = nextCodepoint(s, i);
        const bool blank = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == '\f' ||
                           cp == '\v' || cp == 0x2028 || cp == 0x2029;
        if (blank) {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace) out += ' ';
        pendingSpace = false;
        out.append(s.substr(start, i - start));
    }
    return out;
}

std::string collapseKeepingParagraphs(std::string_view s) {
    std::string out;
    size_t pos = 0;
    std::string para;
    auto flush = [&] {
        std::string p = collapseWhitespace(para);
        if (!p.empty()) {
            if (!out.empty()) out += "\n\n";
            out += p;
        }
        para.clear();
    };
    while (pos < s.size()) {
        const size_t nl = s.find('\n', pos);
        const std::string_view line = s.substr(pos, nl == std::string_view::npos ? s.size() - pos : nl - pos);
        if (trim(line).empty())
            flush();
        else {
            para += ' ';
            para.append(line);
        }
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
    }
    flush();
    return out;
}

std::string plainTextFromHtml(std::string_view s) {
    std::string noTags;
    noTags.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        if (s[i] == '<') {
            const size_t close = s.find('>', i + 1);
            if (close == std::string_view::npos) {
                noTags.append(s.substr(i));  // a lone '<' is text
                break;
            }
            std::string tag = toLowerAscii(s.substr(i + 1, std::min<size_t>(close - i - 1, 8)));
            const bool looksLikeTag = !tag.empty() && (std::isalpha(static_cast<unsigned char>(tag[0])) ||
                                                       tag[0] == '/' || tag[0] == '!' || tag[0] == '?');
            if (!looksLikeTag) {
                noTags += s[i++];
                continue;
            }
            if (startsWith(tag, "br") || startsWith(tag, "/p") || startsWith(tag, "p") ||
                startsWith(tag, "/li") || startsWith(tag, "/div") || startsWith(tag, "/h"))
                noTags += "\n\n";
            else if (startsWith(tag, "li"))
                noTags += "\n\n• ";
            else if (!isInlineTag(tag))
                noTags += ' ';
            i = close + 1;
            continue;
        }
        noTags += s[i++];
    }
    return collapseKeepingParagraphs(sanitizeUtf8(decodeEntities(noTags)));
}

std::string foldForMatch(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) appendUtf8(out, lowerFoldCodepoint(nextCodepoint(s, i)));
    return out;
}

}  // namespace vt
