// A line diff for people: which lines of a text were removed and added, in hunks with a few lines
// of context, the way `diff -u` shows them. Bounded: very different big files fall back to
// "everything between the common start and end changed" instead of using unbounded memory.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vt::console {

struct DiffLine {
    char op = ' ';  // ' ' context, '-' removed, '+' added
    std::string text;
    int oldNo = 0, newNo = 0;  // 1-based line numbers; 0 where the line does not exist on that side
};

struct DiffHunk {
    int oldStart = 0, oldCount = 0, newStart = 0, newCount = 0;
    std::vector<DiffLine> lines;
};

struct TextDiff {
    std::vector<DiffHunk> hunks;
    int added = 0, removed = 0;
    bool approximate = false;  // too big for a line-by-line match: the changed middle shown whole
};

// The most line pairs the exact match compares (a table of this many cells); beyond it, approximate.
constexpr std::size_t kMaxDiffCells = 4'000'000;

// Splits on '\n' ("\r\n" too); a final newline does not make an empty last line.
std::vector<std::string> splitLines(std::string_view text);
TextDiff diffText(std::string_view before, std::string_view after, int context = 3);
// True when the bytes read as text: valid UTF-8 without NUL bytes.
bool looksLikeText(std::string_view bytes);

}  // namespace vt::console
