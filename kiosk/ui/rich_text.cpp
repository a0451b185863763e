#include "ui/rich_text.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace vt {

namespace {

struct Word {
    std::string_view text;  // the word without the blank after it
    bool bold = false;
    bool spaceAfter = false;
    float width = 0;
};

std::vector<Word> wordsOf(const std::vector<TextSpan>& spans, const RichStyle& st) {
    std::vector<Word> out;
    for (const TextSpan& sp : spans) {
        ImFont* f = sp.bold ? st.bold : st.regular;
        const std::string_view s = sp.text;
        size_t i = 0;
        while (i < s.size()) {
            if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t') {
                if (!out.empty()) out.back().spaceAfter = true;
                ++i;
                continue;
            }
            size_t j = i;
            while (j < s.size() && s[j] != ' ' && s[j] != '\n' && s[j] != '\t') ++j;
            Word w{s.substr(i, j - i), sp.bold, false, 0};
            w.width = f->CalcTextSizeA(st.regular->FontSize, FLT_MAX, 0, w.text.data(),
                                       w.text.data() + w.text.size())
                          .x;
            out.push_back(w);
            i = j;
        }
    }
    return out;
}

struct Line {
    size_t begin = 0, end = 0;  // words [begin, end)
};

std::vector<Line> layout(const std::vector<Word>& words, const RichStyle& st, float width) {
    std::vector<Line> lines;
    const float space = st.regular->CalcTextSizeA(st.regular->FontSize, FLT_MAX, 0, " ").x;
    size_t i = 0;
    while (i < words.size()) {
        Line l{i, i};
        float x = 0;
        while (l.end < words.size()) {
            const float w = words[l.end].width;
            if (l.end > l.begin && x + w > width) break;
            x += w + (words[l.end].spaceAfter ? space : 0);
            ++l.end;
        }
        lines.push_back(l);
        i = l.end;
    }
    return lines;
}

float lineHeight(const RichStyle& st) {
    return std::round(st.regular->FontSize * 1.2f);
}

}  // namespace

std::string plainText(const std::vector<TextSpan>& spans) {
    std::string out;
    for (const TextSpan& s : spans) out += s.text;
    return out;
}

float richTextHeight(const std::vector<TextSpan>& spans, const RichStyle& style, float width) {
    const std::vector<Word> words = wordsOf(spans, style);
    size_t n = layout(words, style, width).size();
    if (style.maxLines > 0) n = std::min(n, static_cast<size_t>(style.maxLines));
    return static_cast<float>(n) * lineHeight(style);
}

float drawRichText(ImDrawList* dl, const std::vector<TextSpan>& spans, const RichStyle& style, ImVec2 pos,
                   float width) {
    const std::vector<Word> words = wordsOf(spans, style);
    const std::vector<Line> lines = layout(words, style, width);
    const float lh = lineHeight(style);
    const float space = style.regular->CalcTextSizeA(style.regular->FontSize, FLT_MAX, 0, " ").x;
    const char* ellipsis = "\xE2\x80\xA6";
    const float ellW = style.regular->CalcTextSizeA(style.regular->FontSize, FLT_MAX, 0, ellipsis).x;
    size_t count = lines.size();
    const bool cut = style.maxLines > 0 && count > static_cast<size_t>(style.maxLines);
    if (cut) count = static_cast<size_t>(style.maxLines);
    for (size_t li = 0; li < count; ++li) {
        const bool last = cut && li + 1 == count;
        float x = pos.x;
        const float y = pos.y + static_cast<float>(li) * lh;
        for (size_t wi = lines[li].begin; wi < lines[li].end; ++wi) {
            const Word& w = words[wi];
            ImFont* f = w.bold ? style.bold : style.regular;
            // On a cut last line, stop where the ellipsis would no longer fit.
            if (last && x + w.width + ellW > pos.x + width) break;
            dl->AddText(f, style.regular->FontSize, ImVec2(x, y), style.color, w.text.data(),
                        w.text.data() + w.text.size());
            x += w.width + (w.spaceAfter ? space : 0);
        }
        if (last) dl->AddText(style.regular, style.regular->FontSize, ImVec2(x, y), style.color, ellipsis);
    }
    return static_cast<float>(count) * lh;
}

}  // namespace vt
