// The signage screens: CAP takeover and banner, the idle reset and attract loop, offices and
// events, with a simulated clock.
#include <catch2/catch.hpp>

#include "journey_support.h"

#include "core/alerts/alert_store.h"
#include "core/sources/importers.h"
#include "core/util/files.h"

using vt::test::HeadlessKiosk;

namespace {

const char* kSignageConfig = R"toml(
[town]
name = "Comune di Borgo Vetrina (demo)"
[paths]
data_dir = "{DATA}"
[display]
pixels_per_mm = 3.0
[kiosk]
geocodes = ["EMMA_ID=IT003"]
[[source]]
name = "lavori"
kind = "notices"
url = "{SOURCE}/content/notices/lavori-piazza.md"
[[source]]
name = "tari"
kind = "notices"
url = "{SOURCE}/content/notices/tari-scadenza.md"
[[source]]
name = "eventi"
kind = "ical"
url = "{SOURCE}/content/events/borgo-vetrina.ics"
[[source]]
name = "anagrafe"
kind = "offices"
url = "{SOURCE}/content/offices/anagrafe.toml"
[[source]]
name = "tributi"
kind = "offices"
url = "{SOURCE}/content/offices/tributi.toml"
[[source]]
name = "albo"
kind = "albopop"
url = "{TESTDATA}/albo/ladispoli_albopop_feed.xml"
)toml";

void importCap(HeadlessKiosk& k, const std::string& file) {
    const auto bytes = vt::readFile(std::string(VETRINA_TEST_DATA) + "/" + file);
    REQUIRE(bytes);
    const auto summary = vt::importBuffer(k.writer, "cap", *bytes, "protezione-civile", k.runner->now());
    REQUIRE(!summary.report.fatal);
    k.ui->contentChanged();
}

}  // namespace

TEST_CASE("A severe alert takes over the attract loop, then stays as a banner until cancelled",
          "[journey][signage]") {
    HeadlessKiosk k("signage-takeover", kSignageConfig, "2026-11-23T10:00:00+01:00");
    std::vector<std::string> shown;
    vt::KioskActions actions;
    actions.alertShown = [&](const std::string& uid) {
        shown.push_back(uid);
        vt::recordAlertShown(k.writer, uid, k.runner->now());
    };
    k.ui->setActions(actions);

    k.runner->wait(70);
    REQUIRE(k.ui->attractPlaying());
    REQUIRE(k.sees("Tocca lo schermo per iniziare"));

    importCap(k, "cap/it_alert.xml");
    k.runner->settle(1);  // one frame
    CHECK(k.sees("Allerta arancione per temporali"));
    CHECK(k.sees("ALLERTA"));
    CHECK_FALSE(k.sees("Tocca lo schermo per iniziare"));
    CHECK_FALSE(k.sees("Ho capito"));
    k.shot("takeover-reading");
    k.runner->wait(3);
    CHECK_FALSE(k.sees("Ho capito"));
    k.runner->wait(2.5);
    REQUIRE(k.sees("Ho capito"));
    k.shot("takeover");
    REQUIRE(k.tap("Ho capito"));

    // The banner on Home and on the albo.
    CHECK(k.sees("Benvenuti"));
    CHECK(k.sees("ALLERTA: Allerta arancione per temporali"));
    REQUIRE(k.tap("Albo pretorio"));
    CHECK(k.sees("ALLERTA: Allerta arancione per temporali"));
    k.shot("banner-albo");

    // Logged once, with the time it appeared.
    REQUIRE(shown.size() == 1);
    CHECK(shown[0] == "protezionecivile@regione.demo.example,IT-2026-001");
    const auto log = vt::alertLog(k.writer);
    REQUIRE(log.size() == 1);
    CHECK(log[0].alertUid == shown[0]);

    importCap(k, "signage/cap_cancel_it001.xml");
    k.runner->settle(1);
    CHECK_FALSE(k.sees("ALLERTA"));
    CHECK(k.sees("atti in pubblicazione oggi"));
}

TEST_CASE("Left alone, the kiosk warns, resets the session and plays the attract loop",
          "[journey][signage]") {
    HeadlessKiosk k("signage-idle", kSignageConfig, "2026-11-23T10:00:00+01:00");
    REQUIRE(k.tap("Testo normale"));
    REQUIRE(k.ui->session().textSize == vt::TextSize::Large);
    REQUIRE(k.tap("Albo pretorio"));

    // "Sì, continuo" keeps the visitor where they were.
    k.runner->wait(55);
    REQUIRE(k.sees("Sei ancora l\xC3\xAC?"));
    k.shot("idle-warning");
    REQUIRE(k.tap("S\xC3\xAC, continuo"));
    CHECK_FALSE(k.sees("Sei ancora l\xC3\xAC?"));
    CHECK(k.sees("atti in pubblicazione oggi"));
    CHECK(k.ui->session().textSize == vt::TextSize::Large);

    k.runner->wait(55);
    REQUIRE(k.sees("Sei ancora l\xC3\xAC?"));
    k.runner->wait(10);
    CHECK_FALSE(k.sees("Sei ancora l\xC3\xAC?"));
    REQUIRE(k.sees("Tocca lo schermo per iniziare"));
    CHECK(k.ui->session().textSize == vt::TextSize::Normal);
    CHECK(k.sees("Lavori in Piazza del Municipio"));  // the first slide: the highest priority notice
    k.shot("attract");

    REQUIRE(k.tap("Tocca lo schermo per iniziare"));
    CHECK(k.sees("Benvenuti"));
    CHECK(k.ui->nav().current().screen == vt::ScreenId::Home);
    CHECK(k.ui->session().textSize == vt::TextSize::Normal);
    CHECK(k.sees("Testo normale"));
}

TEST_CASE("Offices say in words whether they are open", "[journey][signage]") {
    SECTION("open, with its closing time") {
        HeadlessKiosk k("signage-offices-open", kSignageConfig, "2026-11-23T10:00:00+01:00");
        REQUIRE(k.tap("Uffici e orari"));
        CHECK(k.sees("Aperto ora \xC2\xB7 chiude alle 12:30"));
        k.shot("offices");
    }
    SECTION("closed, with the next opening") {
        HeadlessKiosk k("signage-offices-closed", kSignageConfig, "2026-11-21T13:00:00+01:00");
        REQUIRE(k.tap("Uffici e orari"));
        CHECK(k.sees("Chiuso ora \xC2\xB7 Apre luned\xC3\xAC alle 8:30"));
        CHECK(k.sees("sabato (oggi)"));
    }
}

TEST_CASE("Events today and this week", "[journey][signage]") {
    HeadlessKiosk k("signage-events", kSignageConfig, "2026-11-23T10:00:00+01:00");
    REQUIRE(k.tap("Eventi"));
    CHECK(k.sees("Ginnastica dolce per over 65"));
    CHECK_FALSE(k.sees("Cineforum del marted\xC3\xAC"));
    REQUIRE(k.tap("Questa settimana"));
    CHECK(k.sees("Cineforum del marted\xC3\xAC"));
    CHECK(k.sees("Mercato settimanale"));
    k.shot("events-week");
    REQUIRE(k.tap("Cineforum del marted\xC3\xAC"));
    CHECK(k.sees("marted\xC3\xAC 24 novembre, ore 21:00"));
}

TEST_CASE("Notices list and detail with the image", "[journey][signage]") {
    // Imported under its path so that the image next to it is found (a local [[source]] passes
    // its name, not its path, to the importer: see the report).
    std::string config = kSignageConfig;
    const size_t a = config.find("[[source]]\nname = \"lavori\"");
    config.erase(a, config.find("[[source]]", a + 1) - a);
    HeadlessKiosk k("signage-notices", config, "2026-11-23T10:00:00+01:00");
    const std::string path = std::string(VETRINA_SOURCE_DIR) + "/content/notices/lavori-piazza.md";
    const auto bytes = vt::readFile(path);
    REQUIRE(bytes);
    REQUIRE_FALSE(vt::importBuffer(k.writer, "notices", *bytes, path, k.runner->now()).report.fatal);
    k.ui->contentChanged();
    k.runner->settle();
    CHECK(k.sees("2 avvisi"));
    REQUIRE(k.tap("Avvisi"));
    k.shot("notices");
    REQUIRE(k.tap("Lavori in Piazza del Municipio"));
    CHECK(k.sees("31 gennaio"));
    CHECK(k.host->tree().dump().find("Immagine") != std::string::npos);
    k.shot("notice-detail");
    k.runner->wait(70);  // the attract loop shows the image too
    k.shot("attract-notice");
}

TEST_CASE("Signage screens in landscape", "[journey][signage]") {
    HeadlessKiosk k("signage-landscape", kSignageConfig, "2026-11-23T10:00:00+01:00", 1920, 1080);
    k.shot("home");
    REQUIRE(k.tap("Avvisi"));
    k.shot("notices");
    REQUIRE(k.tap("Inizio"));
    REQUIRE(k.tap("Eventi"));
    k.shot("events");
    REQUIRE(k.tap("Inizio"));
    REQUIRE(k.tap("Uffici e orari"));
    k.shot("offices");
    k.runner->wait(70);
    REQUIRE(k.sees("Tocca lo schermo per iniziare"));
    k.shot("attract");
    importCap(k, "cap/it_alert.xml");
    k.runner->wait(6);
    REQUIRE(k.sees("Ho capito"));
    k.shot("takeover");
    REQUIRE(k.tap("Ho capito"));
    k.shot("home-banner");
}

TEST_CASE("The attract loop asks for frames only while it crossfades", "[journey][signage]") {
    HeadlessKiosk k("signage-pacing", kSignageConfig, "2026-11-23T10:00:00+01:00");
    k.runner->wait(62);
    REQUIRE(k.ui->attractPlaying());
    // Step through 30 s of loop at 10 Hz: a static slide asks for its next frame a second or more
    // ahead (slide change or minute), a crossfade at ~25 fps.
    int fading = 0, still = 0;
    for (int i = 0; i < 300; ++i) {
        k.runner->wait(0.1);
        const double next = k.host->nextFrameIn();
        REQUIRE(next >= 0);
        if (next < 0.1)
            ++fading;
        else
            ++still;
    }
    CHECK(fading > 0);
    CHECK(still > fading * 3);
}

TEST_CASE("Sleep hours: a dark screen that a touch wakes, and an alert wakes too", "[journey][signage]") {
    std::string config = kSignageConfig;
    config += "\n[screen]\nsleep = \"Mo-Su 22:00-24:00\"\n";
    HeadlessKiosk k("signage-sleep", config, "2026-11-23T23:00:00+01:00");
    k.runner->wait(65);
    REQUIRE(k.host->asleep());
    CHECK(k.sees("Schermo a riposo"));
    CHECK_FALSE(k.sees("Tocca lo schermo per iniziare"));
    k.runner->tapPoint(500, 900);
    CHECK_FALSE(k.host->asleep());
    CHECK(k.sees("Benvenuti"));
    k.runner->wait(65);
    REQUIRE(k.host->asleep());
    // A takeover lights the screen whatever the hour (it_alert is on until 20:00: use the
    // update, on until tomorrow 08:00).
    importCap(k, "cap/it_update.xml");
    k.runner->settle(1);
    CHECK_FALSE(k.host->asleep());
    CHECK(k.sees("Allerta rossa per temporali"));
}

TEST_CASE("Config: idle time and the screen's wake and power commands", "[signage][config]") {
    const vt::Config d = vt::parseConfig("", "defaults.toml");
    CHECK(d.kiosk.idleSeconds == 60);
    CHECK(d.screen.wakeOnTouch);
    CHECK(d.screen.offCommand.empty());
    const vt::Config c = vt::parseConfig(
        "[kiosk]\nidle_seconds = 90\n[screen]\nwake_on_touch = false\noff_command = [\"wlr-randr\", "
        "\"--output\", "
        "\"HDMI-A-1\", \"--off\"]\non_command = [\"wlr-randr\", \"--output\", \"HDMI-A-1\", \"--on\"]\n",
        "k.toml");
    CHECK(c.kiosk.idleSeconds == 90);
    CHECK_FALSE(c.screen.wakeOnTouch);
    CHECK(c.screen.offCommand == std::vector<std::string>{"wlr-randr", "--output", "HDMI-A-1", "--off"});
    CHECK(c.screen.onCommand.back() == "--on");
    CHECK_THROWS_WITH(vt::parseConfig("[screen]\noff_command = \"xset dpms force off\"\n", "k.toml"),
                      Catch::Contains("k.toml") && Catch::Contains("off_command"));
    CHECK_THROWS(vt::parseConfig("[kiosk]\nidle_seconds = 2\n", "k.toml"));
}

TEST_CASE("Signage screens with the largest text and high contrast", "[journey][signage]") {
    HeadlessKiosk k("signage-larger", kSignageConfig, "2026-11-23T10:00:00+01:00");
    k.ui->session().textSize = vt::TextSize::Larger;
    k.ui->session().highContrast = true;
    k.runner->settle();
    k.shot("home");
    REQUIRE(k.tap("Eventi"));
    k.shot("events");
    REQUIRE(k.tap("Inizio"));
    REQUIRE(k.tap("Uffici e orari"));
    CHECK(k.sees("Aperto ora \xC2\xB7 chiude alle 12:30"));
    k.shot("offices");
    importCap(k, "cap/it_alert.xml");
    k.runner->wait(6);
    k.shot("takeover");
    REQUIRE(k.tap("Ho capito"));
    k.shot("offices-banner");
}

TEST_CASE("Home with the largest text: tiles scroll above the access bar, never under it",
          "[journey][signage][a11y]") {
    // Landscape: with the largest text the four tiles do not fit above the access bar.
    HeadlessKiosk k("home-larger-scroll", kSignageConfig, "2026-11-23T10:00:00+01:00", 1920, 1080);
    k.ui->session().textSize = vt::TextSize::Larger;
    k.runner->settle();
    const auto overlaps = [](const vt::Rect& a, const vt::Rect& b) {
        return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    };
    // No two controls share pixels: before, the language switch and the access bar were drawn
    // over the lower tiles, and a tap there could open a tile.
    const auto checkNoOverlap = [&] {
        const auto& t = k.host->tree();
        for (size_t i = 0; i < t.size(); ++i)
            for (size_t j = i + 1; j < t.size(); ++j)
                if (t[i].interactive && t[j].interactive && t[i].rect.w > 0 && t[j].rect.w > 0) {
                    INFO(t[i].label << " / " << t[j].label);
                    CHECK_FALSE(overlaps(t[i].rect, t[j].rect));
                }
    };
    checkNoOverlap();
    const vt::SemanticNode* offices = k.host->tree().findInteractive("Uffici e orari");
    CHECK((offices == nullptr || offices->rect.h < 50.0f));  // below the fold, at most a sliver
    k.shot("home-larger-top");
    k.runner->drag(960, 600, 960, 150);  // on the tiles: the drag starts inside the scroll region
    k.runner->wait(2);
    checkNoOverlap();
    offices = k.host->tree().findInteractive("Uffici e orari");
    REQUIRE(offices != nullptr);
    CHECK(offices->rect.h > 100.0f);
    k.shot("home-larger-scrolled");
    REQUIRE(k.tap("Uffici e orari"));
    CHECK(k.sees("Aperto ora \xC2\xB7 chiude alle 12:30"));
}
