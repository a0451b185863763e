// The operations facts in the UI: the maintenance panel shows the trusted clock and the cache
// rows the app provides, and opening a screen is counted (by kind only) for the fleet report.
#include <catch2/catch.hpp>

#include "core/fleet/usage_counters.h"
#include "core/maintenance/pin_guard.h"
#include "core/system/trusted_clock.h"
#include "journey_support.h"

using vt::test::HeadlessKiosk;

namespace {

void maintenanceJourney(const std::string& name, int w, int h) {
    const std::string hash = vt::PinGuard::hashPin("135790");
    HeadlessKiosk k(name, R"(
[town]
name = "Comune di Prova"
[paths]
data_dir = "{DATA}"
[display]
diagonal_inches = 32
[maintenance]
pin_hash = ")" + hash + R"("
[[source]]
name = "albo"
kind = "albopop"
url = "{TESTDATA}/albo/ladispoli_albopop_feed.xml"
)",
                    "2026-05-25T10:00:00+02:00", w, h);
    // This board's clock is 3 h 12 min behind the town's server.
    vt::TrustedClock clock(120, 1700000000, [] { return vt::UnixSeconds{1779700000}; });
    vt::ClockSample s;
    s.source = "albo";
    s.https = true;
    s.localTime = 1779700000;
    s.serverTime = s.localTime + 3 * 3600 + 12 * 60;
    // The answer that carried the town's verified manifest: it may correct the clock alone.
    s.signedContent = true;
    s.signedCreated = s.localTime;
    s.signedExpires = s.localTime + 30 * 86400;
    REQUIRE(clock.observe(s));
    vt::UsageCounters usage;
    vt::KioskActions actions;
    actions.screenOpened = [&](const std::string& screen) { usage.screenOpened(screen); };
    actions.opsNotes = [&] {
        return std::vector<std::pair<std::string, std::string>>{
            {"Orologio", vt::describeClockIt(clock.state())},
            {"Archivio file",
             "Cache: 512 MB su 400 MB: supera il limite, il contenuto attuale da solo occupa 480 MB"},
            {"Rapporto di stato", "nessun invio riuscito \xC2\xB7 errore: HTTP 503 (12 in coda)"}};
    };
    k.ui->setActions(actions);

    REQUIRE(k.tap("Albo pretorio"));
    k.runner->hold(20, 20, 6.0);
    REQUIRE(k.ui->pinKeypadOpen());
    for (char c : std::string("135790")) REQUIRE(k.tap(std::string(1, c)));
    REQUIRE(k.tap("OK"));
    CHECK(k.sees("Orologio corretto di +3 h 12 min dal server (albo)"));
    k.shot("manutenzione-orologio");
    // In landscape the panel scrolls: the cache and report rows are under the buttons.
    if (!k.sees("supera il limite")) {
        k.runner->drag(float(w) * 0.5f, float(h) * 0.8f, float(w) * 0.5f, float(h) * 0.2f);
        k.runner->wait(1.0);
    }
    CHECK(k.sees("supera il limite"));
    const vt::UsageSnapshot u = usage.take();
    CHECK(u.screensOpened.count("albo") == 1);
    CHECK(u.screensOpened.count("maintenance") == 1);
    for (const auto& [screen, n] : u.screensOpened)
        CHECK(screen.find(':') == std::string::npos);  // never an item id
}

}  // namespace

TEST_CASE("journey: maintenance says how the clock is corrected, then screens opened are counted",
          "[journey][ops]") {
    maintenanceJourney("ops-portrait", 1080, 1920);
    maintenanceJourney("ops-landscape", 1920, 1080);
}
