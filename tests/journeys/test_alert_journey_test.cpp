// Maintenance's "Mostra un avviso di prova": a takeover labelled PROVA · TEST that says there is
// no emergency, read aloud for the audio check, closed with "Ho capito", never logged as shown.
#include <catch2/catch.hpp>

#include "core/alerts/alert_store.h"
#include "core/maintenance/pin_guard.h"
#include "journey_support.h"

using vt::test::HeadlessKiosk;

namespace {

void openMaintenance(HeadlessKiosk& k) {
    k.runner->hold(20, 20, 6.0);
    REQUIRE(k.ui->pinKeypadOpen());
    for (char c : std::string("246810")) REQUIRE(k.tap(std::string(1, c)));
    REQUIRE(k.tap("OK"));
    REQUIRE(k.sees("Versione"));
}

}  // namespace

TEST_CASE("journey: maintenance shows a test alert, clearly labelled, closed with Ho capito",
          "[journey][maintenance][alerts]") {
    const bool landscape = GENERATE(false, true);
    const std::string config = std::string(vt::test::kLadispoliKiosk) + "[maintenance]\npin_hash = \"" +
                               vt::PinGuard::hashPin("246810") + "\"\n";
    HeadlessKiosk k(landscape ? "test-alert-landscape" : "test-alert", config, "2026-05-25T10:00:00+02:00",
                    landscape ? 1920 : 1080, landscape ? 1080 : 1920);
    std::vector<std::string> logged, spoken;
    vt::KioskActions actions;
    actions.alertShown = [&](const std::string& uid) { logged.push_back(uid); };
    actions.speak = [&](const std::string& text, bool) { spoken.push_back(text); };
    k.ui->setActions(actions);
    openMaintenance(k);
    k.shot("maintenance");

    REQUIRE(k.tap("Mostra un avviso di prova"));
    k.runner->settle(2);
    CHECK(k.sees("PROVA \xC2\xB7 TEST"));
    CHECK(k.sees("Avviso di prova: nessuna emergenza"));
    CHECK(k.sees("Non c'\xC3\xA8 nessuna emergenza in corso."));
    CHECK_FALSE(k.sees("Versione"));        // over everything, maintenance included
    CHECK_FALSE(k.sees("Gravit\xC3\xA0"));  // no severity that a passer-by could take for real
    REQUIRE(spoken.size() == 1);            // the audio check
    CHECK_THAT(spoken[0], Catch::Contains("Non c'\xC3\xA8 nessuna emergenza"));
    CHECK_FALSE(k.sees("I understand"));  // the button: the same reading time as a real takeover
    k.runner->wait(5.5);
    REQUIRE(k.sees("I understand"));
    k.shot("test-alert");
    REQUIRE(k.tap("Ho capito"));
    CHECK(k.sees("Versione"));
    CHECK(k.sees("Fatto: Avviso di prova mostrato"));
    CHECK_FALSE(k.sees("PROVA \xC2\xB7 TEST"));

    // Not an alert shown: nothing reported, nothing in the store's audit log.
    CHECK(logged.empty());
    CHECK(vt::alertLog(k.writer).empty());
    CHECK(vt::activeAlertsAt(k.writer, vt::AlertAudience{}, k.runner->now()).empty());
}
