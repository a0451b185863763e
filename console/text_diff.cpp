#include "text_diff.h"

#include <algorithm>
#include <cstdint>

namespace vt::console {

std::vector<std::string> splitLines(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        out.emplace_back(line);
        start = end + 1;
    }
    return out;
}

bool looksLikeText(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == 0) return false;
        int more = 0;
        if (c < 0x80)
            more = 0;
        else if ((c & 0xE0) == 0xC0 && c >= 0xC2)
            more = 1;
        else if ((c & 0xF0) == 0xE0)
            more = 2;
        else if ((c & 0xF8) == 0xF0 && c <= 0xF4)
            more = 3;
        else
            return false;
        if (more > 0 && i + more >= s.size()) return false;
        for (int k = 1; k <= more; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += 1 + more;
    }
    return true;
}

namespace {

// The edit script of the middle part a[0..n) -> b[0..m): an exact longest common subsequence
// when the table fits, else all of a removed then all of b added.
void middleScript(const std::vector<std::string>& a, std::size_t a0, std::size_t n,
                  const std::vector<std::string>& b, std::size_t b0, std::size_t m, std::vector<char>& ops,
                  bool& approximate) {
    if (n == 0 || m == 0 || (n + 1) * (m + 1) > kMaxDiffCells) {
        approximate = n > 0 && m > 0;
        ops.insert(ops.end(), n, '-');
        ops.insert(ops.end(), m, '+');
        return;
    }
    // lcs[i][j]: the longest common subsequence of a[i..n) and b[j..m).
    std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
    const auto at = [m](std::size_t i, std::size_t j) { return i * (m + 1) + j; };
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            lcs[at(i, j)] = a[a0 + i] == b[b0 + j] ? lcs[at(i + 1, j + 1)] + 1
                                                   : std::max(lcs[at(i + 1, j)], lcs[at(i, j + 1)]);
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[a0 + i] == b[b0 + j]) {
            ops.push_back(' ');
            ++i, ++j;
        } else if (j == m || (i < n && lcs[at(i + 1, j)] >= lcs[at(i, j + 1)])) {
            ops.push_back('-');
            ++i;
        } else {
            ops.push_back('+');
            ++j;
        }
    }
}

}  // namespace

TextDiff diffText(std::string_view before, std::string_view after, int context) {
    const std::vector<std::string> a = splitLines(before), b = splitLines(after);
    TextDiff d;
    std::size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
    std::size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    std::vector<char> ops(prefix, ' ');
    middleScript(a, prefix, a.size() - prefix - suffix, b, prefix, b.size() - prefix - suffix, ops,
                 d.approximate);
    ops.insert(ops.end(), suffix, ' ');

    // Every line of the script with its numbers on both sides.
    std::vector<DiffLine> lines;
    lines.reserve(ops.size());
    int oldNo = 0, newNo = 0;
    for (char op : ops) {
        DiffLine l;
        l.op = op;
        if (op != '+') l.oldNo = ++oldNo;
        if (op != '-') l.newNo = ++newNo;
        l.text = op == '+' ? b[static_cast<std::size_t>(newNo - 1)] : a[static_cast<std::size_t>(oldNo - 1)];
        if (op == '+') ++d.added;
        if (op == '-') ++d.removed;
        lines.push_back(std::move(l));
    }

    // Hunks: each change with `context` lines around it, neighbours closer than that merged.
    const auto ctx = static_cast<std::size_t>(std::max(context, 0));
    std::size_t k = 0;
    while (k < lines.size()) {
        if (lines[k].op == ' ') {
            ++k;
            continue;
        }
        const std::size_t begin = k > ctx ? k - ctx : 0;
        std::size_t lastChange = k;
        std::size_t scan = k + 1;
        while (scan < lines.size() && scan <= lastChange + 2 * ctx + 1) {
            if (lines[scan].op != ' ') lastChange = scan;
            ++scan;
        }
        const std::size_t end = std::min(lines.size(), lastChange + ctx + 1);
        DiffHunk h;
        // As `diff -u`: a side with no lines in the hunk starts at the line before it.
        int oldBefore = 0, newBefore = 0;
        for (std::size_t x = 0; x < begin; ++x) {
            if (lines[x].oldNo) oldBefore = lines[x].oldNo;
            if (lines[x].newNo) newBefore = lines[x].newNo;
        }
        for (std::size_t x = begin; x < end; ++x) {
            if (lines[x].oldNo) ++h.oldCount;
            if (lines[x].newNo) ++h.newCount;
            h.lines.push_back(lines[x]);
        }
        h.oldStart = h.oldCount ? oldBefore + 1 : oldBefore;
        h.newStart = h.newCount ? newBefore + 1 : newBefore;
        d.hunks.push_back(std::move(h));
        k = end;
    }
    return d;
}

}  // namespace vt::console
