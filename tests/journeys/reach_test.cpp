#include <catch2/catch.hpp>

#include "core/a11y/reach.h"
#include "journey_support.h"

using vt::test::HeadlessKiosk;

TEST_CASE("journey: in reach mode every control lies 380-1220 mm above the floor", "[journey][a11y][reach]") {
    HeadlessKiosk k("reach", R"(
[town]
name = "Comune di Ladispoli"
[paths]
data_dir = "{DATA}"
[display]
diagonal_inches = 32
mount_bottom_mm = 800
[[source]]
name = "albo"
kind = "albopop"
url = "{TESTDATA}/albo/ladispoli_albopop_feed.xml"
)",
                    "2026-05-25T10:00:00+02:00");
    const double ppmm = k.config.display.effectivePixelsPerMm();
    const vt::ReachBand band = vt::reachBand(1920, ppmm, 800);
    REQUIRE_FALSE(band.whole);
    auto allInBand = [&] {
        const auto& tree = k.host->tree();
        int checked = 0;
        for (size_t i = 0; i < tree.size(); ++i) {
            const vt::SemanticNode& n = tree[i];
            if (!n.interactive) continue;
            INFO(n.label);
            // Height above the floor of the control's top and bottom edges.
            const double topMm = 800 + (1920 - n.rect.y) / ppmm;
            const double bottomMm = 800 + (1920 - (n.rect.y + n.rect.h)) / ppmm;
            CHECK(topMm <= vt::kReachHighMm + 0.5);
            CHECK(bottomMm >= vt::kReachLowMm - 0.5);
            ++checked;
        }
        return checked;
    };
    REQUIRE(k.tap("A portata di mano: no"));
    CHECK(k.sees("A portata di mano: sì"));
    CHECK(allInBand() >= 4);
    k.shot("home-a-portata-di-mano");
    REQUIRE(k.tap("Albo pretorio"));
    CHECK(allInBand() >= 3);
    // Whichever act the short band shows first.
    const auto& tree = k.host->tree();
    std::string firstAct;
    for (size_t i = 0; i < tree.size() && firstAct.empty(); ++i)
        if (tree[i].role == vt::Role::ListItem) firstAct = tree[i].label;
    REQUIRE_FALSE(firstAct.empty());
    REQUIRE(k.tap(firstAct));
    CHECK(k.sees("Atto n."));
    CHECK(allInBand() >= 2);
    k.shot("atto-a-portata-di-mano");
}
