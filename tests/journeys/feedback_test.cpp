#include <catch2/catch.hpp>

#include "core/feedback/feedback.h"
#include "journey_support.h"

using vt::test::HeadlessKiosk;

TEST_CASE("journey: three faces at the end of an act, counted anonymously", "[journey][feedback]") {
    HeadlessKiosk k("feedback", vt::test::kLadispoliKiosk,
                    "2026-05-25T10:00:00+02:00");
    vt::KioskActions actions;
    actions.recordFeedback = [&](const std::string& kind, const std::string& item, int face) {
        vt::recordFeedback(k.writer, kind, item, static_cast<vt::FeedbackFace>(face));
    };
    k.ui->setActions(actions);
    REQUIRE(k.tap("Albo pretorio"));
    REQUIRE(k.tap("DETERMINA DI SOSTITUZIONE PER FERIE"));
    k.runner->drag(540, 1500, 540, 300);
    CHECK(k.sees("Hai trovato quello che cercavi?"));
    k.shot("facce");
    REQUIRE(k.tap("Sì"));
    CHECK(k.sees("Grazie per la risposta"));
    CHECK_FALSE(k.sees("In parte"));  // one answer per visit
    const auto counts = vt::feedbackCounts(k.writer);
    REQUIRE(counts.size() == 1);
    CHECK(counts[0].kind == "act");
    CHECK(counts[0].item == "2026/1340");
    CHECK(counts[0].yes == 1);
    CHECK(counts[0].no == 0);
}
