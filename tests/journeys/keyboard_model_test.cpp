#include <catch2/catch.hpp>

#include "ui/keyboard.h"

TEST_CASE("query text: backspace removes one whole UTF-8 code point", "[keyboard]") {
    vt::QueryText q;
    for (const char* key : {"c", "i", "t", "t", "\xC3\xA0"}) REQUIRE(q.append(key));
    CHECK(q.text == "citt\xC3\xA0");
    REQUIRE(q.backspace());
    CHECK(q.text == "citt");  // the two bytes of "à" went together
    REQUIRE(q.backspace());
    CHECK(q.text == "cit");
    REQUIRE(q.append("\xE2\x82\xAC"));  // € is three bytes
    REQUIRE(q.backspace());
    CHECK(q.text == "cit");
    REQUIRE(q.clear());
    CHECK(q.text.empty());
    CHECK_FALSE(q.backspace());
    CHECK_FALSE(q.clear());
}

TEST_CASE("query text: no leading or doubled blanks, and a length limit", "[keyboard]") {
    vt::QueryText q;
    CHECK_FALSE(q.append(" "));
    REQUIRE(q.append("a"));
    REQUIRE(q.append(" "));
    CHECK_FALSE(q.append(" "));
    CHECK(q.text == "a ");
    while (q.append("x")) {
    }
    CHECK(q.text.size() == vt::QueryText::kMaxBytes);
}
