// The language switch on Home: English titles, buttons, dates and content, the way back to
// Italian, and the reset to Italian for the next visitor; in portrait and landscape.
#include <catch2/catch.hpp>

#include "journey_support.h"
#include "services_test_config.h"
#include "ui/i18n.h"

using vt::test::HeadlessKiosk;

namespace {

// Every tappable thing lies inside the picture (long English words must not push buttons out).
void checkInside(HeadlessKiosk& k, float w, float h, const std::string& where) {
    const auto& tree = k.host->tree();
    for (size_t i = 0; i < tree.size(); ++i) {
        if (!tree[i].interactive) continue;
        INFO(where << ": " << tree[i].label);
        CHECK(tree[i].rect.x >= 0.0f);
        CHECK(tree[i].rect.x + tree[i].rect.w <= w + 0.5f);
        CHECK(tree[i].rect.y + tree[i].rect.h <= h + 0.5f);
    }
}

}  // namespace

TEST_CASE("journey: English on Home, through the screens, back to Italian, reset by the idle loop",
          "[i18n][journey]") {
    for (const auto& [w, h, name] :
         {std::tuple{1080, 1920, "portrait"}, std::tuple{1920, 1080, "landscape"}}) {
        HeadlessKiosk k(std::string("language-") + name, vt::test::servicesConfig(), vt::test::kServicesAt, w,
                        h);
        const float fw = static_cast<float>(w), fh = static_cast<float>(h);
        CHECK(k.sees("Benvenuti \xC2\xB7 Welcome"));
        CHECK(k.sees("luned\xC3\xAC 25 maggio 2026"));
        REQUIRE(k.tap("English"));
        CHECK(k.ui->session().language == vt::Language::English);
        CHECK(k.sees("Welcome \xC2\xB7 Benvenuti"));
        CHECK(k.sees("Monday 25 May 2026"));
        CHECK(k.sees("Official notice board"));
        CHECK(k.sees("20 acts on the board"));
        if (h > w) CHECK(k.sees("From 19/05/2026 to 03/06/2026"));  // the latest acts (no room in landscape)
        CHECK(k.host->tree().readingText(true).find("Button: Italiano") != std::string::npos);
        checkInside(k, fw, fh, "home");
        k.shot("home-en");

        REQUIRE(k.tap("Services"));
        CHECK(k.sees("By life event"));
        CHECK(k.sees("Per evento della vita"));  // the Italian under the English
        checkInside(k, fw, fh, "services");
        k.shot("services-en");
        REQUIRE(k.tap("Home"));

        REQUIRE(k.tap("Offices and hours"));
        CHECK(k.sees("This week's hours"));
        checkInside(k, fw, fh, "offices");
        k.shot("offices-en");
        REQUIRE(k.tap("Home"));

        REQUIRE(k.tap("Official notice board"));
        CHECK(k.sees("20 acts on the board today"));
        checkInside(k, fw, fh, "albo");
        k.shot("albo-en");
        k.ui->nav().open(*vt::parseRoute("sheet:carta-identita-elettronica"));
        k.runner->settle(3);
        CHECK(k.sees("Electronic identity card"));  // the sheet's English variant
        k.ui->nav().open(*vt::parseRoute("sheet:cambio-residenza"));
        k.runner->settle(3);
        CHECK(k.sees("Public body:"));   // no English variant: Italian text, English frame
        CHECK(k.sees("Who it is for"));  // the template's headings are translated
        CHECK(k.sees("(Not available in English: Italian text.)"));
        checkInside(k, fw, fh, "sheet");
        k.shot("sheet-it-in-english");

        REQUIRE(k.tap("Home"));
        REQUIRE(k.tap("Italiano"));
        CHECK(k.ui->session().language == vt::Language::Italian);
        CHECK(k.sees("Benvenuti \xC2\xB7 Welcome"));
        CHECK(k.sees("Albo pretorio"));

        // The next visitor starts in Italian.
        REQUIRE(k.tap("English"));
        k.runner->wait(double(k.config.kiosk.idleSeconds) + 5.0);
        CHECK(k.ui->session().language == vt::Language::Italian);
        CHECK(vt::uiLanguage() == vt::Language::Italian);
    }
}

TEST_CASE("tr() falls back to the Italian for a message the catalog lacks", "[i18n][journey]") {
    REQUIRE(vt::englishCatalog() != nullptr);  // build/locale/en/LC_MESSAGES/vetrina.mo was found
    CHECK(std::string(vt::tr("Indietro", vt::Language::English)) == "Back");
    CHECK(std::string(vt::tr("Una frase che nessuno ha tradotto", vt::Language::English)) ==
          "Una frase che nessuno ha tradotto");
    CHECK(std::string(vt::tr("Indietro", vt::Language::Italian)) == "Indietro");
}
