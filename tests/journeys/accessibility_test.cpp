#include <catch2/catch.hpp>

#include "journey_support.h"
#include "ui/theme.h"

using vt::test::HeadlessKiosk;

TEST_CASE("every text colour pair reaches 4.5:1, and 7:1 in high contrast", "[a11y][theme]") {
    for (const auto& pair : vt::textColorPairs(vt::normalPalette())) {
        INFO(pair.use);
        CHECK(vt::contrastRatio(pair.fg, pair.bg) >= 4.5);
    }
    for (const auto& pair : vt::textColorPairs(vt::highContrastPalette())) {
        INFO(pair.use);
        CHECK(vt::contrastRatio(pair.fg, pair.bg) >= 7.0);
    }
    CHECK(vt::contrastRatio(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)) == Approx(21.0));
    CHECK(vt::contrastRatio(IM_COL32(0x77, 0x77, 0x77, 255), IM_COL32(255, 255, 255, 255)) ==
          Approx(4.48).epsilon(0.01));
}

TEST_CASE("journey: larger text reflows, high contrast switches palette", "[a11y][journey]") {
    HeadlessKiosk k("a11y", vt::test::kLadispoliKiosk, "2026-05-25T10:00:00+02:00");
    const float normalBody = k.host->theme().fonts.body->FontSize;
    REQUIRE(k.tap("Testo normale"));
    CHECK(k.sees("Testo grande"));
    CHECK(k.host->theme().fonts.body->FontSize > normalBody * 1.2f);
    REQUIRE(k.tap("Testo grande"));
    CHECK(k.sees("Testo molto grande"));
    CHECK(k.host->theme().fonts.body->FontSize > normalBody * 1.45f);
    k.shot("home-testo-molto-grande");
    REQUIRE(k.tap("Albo pretorio"));
    CHECK(k.sees("N. 2026/1345"));
    k.shot("albo-testo-molto-grande");
    // Larger text, but every control still fits the screen.
    const auto& tree = k.host->tree();
    for (size_t i = 0; i < tree.size(); ++i)
        if (tree[i].interactive) CHECK(tree[i].rect.x + tree[i].rect.w <= 1080.0f);
    REQUIRE(k.tap("Inizio"));
    REQUIRE(k.tap("Alto contrasto: no"));
    CHECK(k.sees("Alto contrasto: sì"));
    CHECK(k.host->theme().highContrast);
    CHECK(k.host->theme().palette.background == IM_COL32(0, 0, 0, 255));
    k.shot("home-alto-contrasto");
    REQUIRE(k.tap("Albo pretorio"));
    k.shot("albo-alto-contrasto");
}
