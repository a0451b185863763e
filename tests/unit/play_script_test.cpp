#include "core/play/script.h"

#include <catch2/catch.hpp>

using namespace vt;

TEST_CASE("play scripts parse every step", "[play]") {
    const auto steps = parsePlayScript(R"(# a comment
tap "Albo pretorio"
tap 540 960
drag 540 1500 540 500
wait 2s
wait 500ms
wait 5min
expect "atti in \"pubblicazione\""
expect-not "Errore"
shot albo-1
)",
                                       "t.play");
    REQUIRE(steps.size() == 9);
    CHECK(steps[0].kind == PlayStep::Kind::TapLabel);
    CHECK(steps[0].text == "Albo pretorio");
    CHECK(steps[0].line == 2);
    CHECK(steps[1].kind == PlayStep::Kind::TapPoint);
    CHECK(steps[1].x1 == 540);
    CHECK(steps[2].kind == PlayStep::Kind::Drag);
    CHECK(steps[2].y2 == 500);
    CHECK(steps[3].seconds == Approx(2.0));
    CHECK(steps[4].seconds == Approx(0.5));
    CHECK(steps[5].seconds == Approx(300.0));
    CHECK(steps[6].text == "atti in \"pubblicazione\"");
    CHECK(steps[7].kind == PlayStep::Kind::ExpectNot);
    CHECK(steps[8].text == "albo-1");
}

TEST_CASE("play script errors name the line", "[play]") {
    CHECK_THROWS_WITH(parsePlayScript("tap\n", "a.play"), Catch::Contains("a.play:1"));
    CHECK_THROWS_WITH(parsePlayScript("\n\nwait forever\n", "b.play"), Catch::Contains("b.play:3"));
    CHECK_THROWS_WITH(parsePlayScript("drag 1 2 3\n", "c.play"), Catch::Contains("x1 y1 x2 y2"));
    CHECK_THROWS_WITH(parsePlayScript("shot ../escape\n", "d.play"), Catch::Contains("d.play:1"));
    CHECK_THROWS_WITH(parsePlayScript("jump 3\n", "e.play"), Catch::Contains("unknown step"));
    CHECK_THROWS_WITH(parsePlayScript("expect unquoted\n", "f.play"), Catch::Contains("f.play:1"));
}

TEST_CASE("hold steps carry a point and a duration", "[play]") {
    const auto steps = parsePlayScript("hold 30 60 6s\n", "h.play");
    REQUIRE(steps.size() == 1);
    CHECK(steps[0].kind == PlayStep::Kind::Hold);
    CHECK(steps[0].x1 == 30);
    CHECK(steps[0].seconds == Approx(6.0));
    CHECK_THROWS_WITH(parsePlayScript("hold 30 60\n", "h.play"), Catch::Contains("h.play:1"));
}
