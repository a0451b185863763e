#include <catch2/catch.hpp>

#include "journey_support.h"

#include <filesystem>

using vt::test::HeadlessKiosk;

namespace {}  // namespace

TEST_CASE("journey: home, albo, an act, back", "[journey][albo]") {
    // 25 May 2026 in Rome: the acts published from 19 May are in their window.
    HeadlessKiosk k("albo-journey", vt::test::kLadispoliKiosk, "2026-05-25T10:00:00+02:00");
    REQUIRE(k.sees("Comune di Ladispoli"));
    REQUIRE(k.sees("Albo pretorio"));
    CHECK(std::filesystem::file_size(k.shot("01-home")) > 10000);

    REQUIRE(k.tap("Albo pretorio"));
    CHECK(k.sees("20 atti in pubblicazione oggi"));
    // The newest act is at the top of the list.
    CHECK(k.sees("N. 2026/1345"));
    CHECK(k.sees("DETERMINAZIONE DIRIGENZIALE DI AGGIUDICAZIONE"));
    k.shot("02-albo");

    REQUIRE(k.tap("DETERMINAZIONE DIRIGENZIALE DI AGGIUDICAZIONE"));
    CHECK(k.sees("Atto n. 2026/1345"));
    CHECK(k.sees("dal 19 maggio 2026 al 3 giugno 2026"));
    CHECK(k.sees("DETERMINE"));
    k.shot("03-atto");

    REQUIRE(k.tap("Indietro"));
    CHECK(k.sees("20 atti in pubblicazione oggi"));
    CHECK_FALSE(k.sees("Atto n. 2026/1345"));
    k.shot("04-albo-di-nuovo");

    REQUIRE(k.tap("Inizio"));
    CHECK(k.sees("Benvenuti"));
}

TEST_CASE("journey: the albo follows the clock, then ended acts leave at midnight",
          "[journey][albo][window]") {
    // 3 June 2026 is the last day of the acts published on 19 May (pubEnd 03/06/2026).
    HeadlessKiosk k("albo-midnight", vt::test::kLadispoliKiosk, "2026-06-03T23:59:00+02:00");
    REQUIRE(k.tap("Albo pretorio"));
    CHECK(k.sees("N. 2026/1345"));
    k.runner->wait(90);  // past midnight in Rome
    CHECK_FALSE(k.sees("N. 2026/1345"));
}

TEST_CASE("journey: a drag scrolls the list and does not open an act", "[journey][touch]") {
    HeadlessKiosk k("albo-drag", vt::test::kLadispoliKiosk, "2026-05-25T10:00:00+02:00");
    REQUIRE(k.tap("Albo pretorio"));
    REQUIRE(k.sees("N. 2026/1345"));
    k.runner->drag(540, 1600, 540, 500);
    CHECK(k.sees("atti in pubblicazione oggi"));  // still the list, no act opened
    CHECK_FALSE(k.sees("Atto n."));
    CHECK_FALSE(k.sees("N. 2026/1345"));  // scrolled out of view
    k.shot("albo-scrolled");
}

TEST_CASE("journey: portrait and landscape layouts keep every control on screen", "[journey][layout]") {
    for (auto [w, h] : {std::pair{1080, 1920}, std::pair{1920, 1080}}) {
        HeadlessKiosk k("albo-layout-" + std::to_string(w), vt::test::kLadispoliKiosk,
                        "2026-05-25T10:00:00+02:00", w, h);
        REQUIRE(k.tap("Albo pretorio"));
        REQUIRE(k.tap("DETERMINAZIONE DIRIGENZIALE DI AGGIUDICAZIONE"));
        k.shot(w > h ? "landscape-atto" : "portrait-atto");
        const auto& tree = k.host->tree();
        for (size_t i = 0; i < tree.size(); ++i) {
            const vt::SemanticNode& n = tree[i];
            if (!n.interactive) continue;
            INFO(n.label);
            CHECK(n.rect.x >= 0);
            CHECK(n.rect.y >= 0);
            CHECK(n.rect.x + n.rect.w <= float(w));
            CHECK(n.rect.y + n.rect.h <= float(h));
            // Touch targets of at least 12 mm (pixels per mm from the panel's diagonal).
            const float ppmm = static_cast<float>(k.config.display.effectivePixelsPerMm());
            CHECK(n.rect.h >= 12.0f * ppmm - 1.0f);
        }
    }
}
