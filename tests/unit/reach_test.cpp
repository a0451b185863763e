#include "core/a11y/reach.h"

#include <catch2/catch.hpp>

using namespace vt;

TEST_CASE("the reach band of a mounted panel", "[a11y][reach]") {
    // A 32" portrait panel (about 398 x 708 mm at 2.71 px/mm) with its bottom edge at 800 mm:
    // the top at about 1508 mm, so the upper ~288 mm are out of reach.
    const double ppmm = 2.713;
    const ReachBand b = reachBand(1920, ppmm, 800);
    CHECK_FALSE(b.whole);
    CHECK(b.top == Approx((800 + 1920 / ppmm - 1220) * ppmm).margin(1.0));
    CHECK(b.bottom == 1920);  // the bottom edge at 800 mm is above 380 mm
    // Mounted low enough, the whole picture is within reach.
    CHECK(reachBand(1920, ppmm, 400).whole);
    // Mounted very low, the bottom part is below 380 mm.
    const ReachBand low = reachBand(1920, ppmm, 200);
    CHECK(low.top == 0);
    CHECK(low.bottom == Approx((200 + 1920 / ppmm - 380) * ppmm).margin(1.0));
}
