#include <catch2/catch.hpp>

#include "core/feedback/feedback.h"
#include "journey_support.h"
#include "services_test_config.h"

using vt::test::HeadlessKiosk;

TEST_CASE("journey: three faces at the end of an act, counted anonymously", "[journey][feedback]") {
    HeadlessKiosk k("feedback", vt::test::kLadispoliKiosk, "2026-05-25T10:00:00+02:00");
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

TEST_CASE("journey: three faces at the end of a service sheet, counted under the sheet's id",
          "[journey][feedback][services]") {
    HeadlessKiosk k("feedback-sheet", vt::test::servicesConfig(), vt::test::kServicesAt);
    vt::KioskActions actions;
    actions.recordFeedback = [&](const std::string& kind, const std::string& item, int face) {
        vt::recordFeedback(k.writer, kind, item, static_cast<vt::FeedbackFace>(face));
    };
    k.ui->setActions(actions);
    k.ui->nav().open(*vt::parseRoute("sheet:passaporto"));
    k.runner->settle(3);
    REQUIRE(k.sees("Passaporto"));
    // The faces come after the last section: scroll to the end of the sheet.
    for (int i = 0; i < 6 && !k.host->tree().findInteractive("In parte"); ++i)
        k.runner->drag(540, 1700, 540, 500);
    CHECK(k.sees("Hai trovato quello che cercavi?"));
    k.shot("scheda-facce");
    REQUIRE(k.tap("In parte"));
    CHECK(k.sees("Grazie per la risposta"));
    CHECK(k.host->tree().findInteractive("S\xC3\xAC") == nullptr);  // one answer per visit
    const auto counts = vt::feedbackCounts(k.writer);
    REQUIRE(counts.size() == 1);
    CHECK(counts[0].kind == "sheet");
    CHECK(counts[0].item == "passaporto");
    CHECK(counts[0].partly == 1);
    CHECK(counts[0].yes + counts[0].no == 0);
}

TEST_CASE("journey: the sheet's faces in landscape", "[journey][feedback][services][layout]") {
    HeadlessKiosk k("feedback-sheet-landscape", vt::test::servicesConfig(), vt::test::kServicesAt, 1920,
                    1080);
    vt::KioskActions actions;
    int answers = 0;
    actions.recordFeedback = [&](const std::string&, const std::string&, int) { ++answers; };
    k.ui->setActions(actions);
    k.ui->nav().open(*vt::parseRoute("sheet:passaporto"));
    k.runner->settle(3);
    for (int i = 0; i < 8 && !k.host->tree().findInteractive("In parte"); ++i)
        k.runner->drag(960, 800, 960, 250);
    CHECK(k.sees("Hai trovato quello che cercavi?"));
    k.shot("scheda-facce-orizzontale");
    REQUIRE(k.tap("No"));
    CHECK(answers == 1);
}
