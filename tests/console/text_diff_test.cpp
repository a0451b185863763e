// The line diff of the revisions page: exact on ordinary files, bounded on huge ones.
#include "text_diff.h"

#include <catch2/catch.hpp>

#include <string>

using namespace vt::console;

TEST_CASE("console text diff: one changed line in the middle, with three lines of context",
          "[console][revisions][diff]") {
    const std::string before = "a\nb\nc\nd\ne\nf\ng\nh\ni\n";
    const std::string after = "a\nb\nc\nd\nE\nf\ng\nh\ni\n";
    const TextDiff d = diffText(before, after);
    CHECK_FALSE(d.approximate);
    CHECK(d.added == 1);
    CHECK(d.removed == 1);
    REQUIRE(d.hunks.size() == 1);
    const DiffHunk& h = d.hunks[0];
    CHECK(h.oldStart == 2);
    CHECK(h.oldCount == 7);
    CHECK(h.newStart == 2);
    CHECK(h.newCount == 7);
    REQUIRE(h.lines.size() == 8);
    CHECK(h.lines[0].text == "b");
    CHECK(h.lines[3].op == '-');
    CHECK(h.lines[3].text == "e");
    CHECK(h.lines[3].oldNo == 5);
    CHECK(h.lines[3].newNo == 0);
    CHECK(h.lines[4].op == '+');
    CHECK(h.lines[4].text == "E");
    CHECK(h.lines[4].newNo == 5);
    CHECK(h.lines[7].text == "h");
}

TEST_CASE("console text diff: far apart changes make two hunks, near ones one",
          "[console][revisions][diff]") {
    std::string before, far, near;
    for (int i = 1; i <= 30; ++i) before += "riga " + std::to_string(i) + "\n";
    far = before;
    far.replace(far.find("riga 2\n"), 7, "riga due\n");
    far.replace(far.find("riga 25\n"), 8, "riga venticinque\n");
    CHECK(diffText(before, far).hunks.size() == 2);
    near = before;
    near.replace(near.find("riga 2\n"), 7, "riga due\n");
    near.replace(near.find("riga 8\n"), 7, "riga otto\n");  // five lines apart: < 2 x 3 of context
    CHECK(diffText(before, near).hunks.size() == 1);
}

TEST_CASE("console text diff: added and removed files, same texts, CRLF", "[console][revisions][diff]") {
    const TextDiff added = diffText("", "uno\ndue\n");
    CHECK(added.added == 2);
    REQUIRE(added.hunks.size() == 1);
    CHECK(added.hunks[0].oldStart == 0);
    CHECK(added.hunks[0].oldCount == 0);
    CHECK(added.hunks[0].newStart == 1);
    const TextDiff removed = diffText("uno\n", "");
    CHECK(removed.removed == 1);
    CHECK(diffText("x\ny\n", "x\ny\n").hunks.empty());
    CHECK(diffText("x\r\ny\r\n", "x\ny\n").hunks.empty());
    CHECK(splitLines("a\r\nb") == std::vector<std::string>{"a", "b"});
    CHECK(splitLines("a\n\nb\n") == std::vector<std::string>{"a", "", "b"});
}

TEST_CASE("console text diff: two big different files stay bounded and say so",
          "[console][revisions][diff]") {
    std::string a, b;
    for (int i = 0; i < 3000; ++i) {
        a += "vecchia " + std::to_string(i) + "\n";
        b += "nuova " + std::to_string(i) + "\n";
    }
    a = "stesso inizio\n" + a + "stessa fine\n";
    b = "stesso inizio\n" + b + "stessa fine\n";
    const TextDiff d = diffText(a, b);
    CHECK(d.approximate);  // 3000 x 3000 lines exceed kMaxDiffCells
    CHECK(d.removed == 3000);
    CHECK(d.added == 3000);
    REQUIRE(d.hunks.size() == 1);
    CHECK(d.hunks[0].lines.front().text == "stesso inizio");
    CHECK(d.hunks[0].lines.back().text == "stessa fine");
}

TEST_CASE("console text or binary: UTF-8 without NUL is text", "[console][revisions][diff]") {
    CHECK(looksLikeText("Perché è così\n"));
    CHECK(looksLikeText(""));
    CHECK_FALSE(looksLikeText(std::string("PNG\0\x01", 5)));
    CHECK_FALSE(looksLikeText("\xC3"));          // cut in the middle of a character
    CHECK_FALSE(looksLikeText("\xFF\xFE\x41"));  // not UTF-8
}
