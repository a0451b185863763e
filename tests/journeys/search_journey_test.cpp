#include <catch2/catch.hpp>

#include "journey_support.h"
#include "services_test_config.h"

#include <algorithm>
#include <string>
#include <vector>

using vt::test::HeadlessKiosk;

namespace {

// Types by tapping the on-screen keys, one per character (" " is the space bar).
void typeKeys(HeadlessKiosk& k, const std::string& text) {
    for (char c : text) {
        const std::string key = c == ' ' ? "Spazio" : std::string(1, c);
        INFO("key " << key);
        REQUIRE(k.tap(key));
    }
}

// The first result card (list items in drawing order, after the query field).
std::string firstResult(const HeadlessKiosk& k) {
    const auto& tree = k.host->tree();
    for (size_t i = 0; i < tree.size(); ++i)
        if (tree[i].role == vt::Role::ListItem) return tree[i].label;
    return {};
}

std::string queryShown(const HeadlessKiosk& k) {
    const auto& tree = k.host->tree();
    for (size_t i = 0; i < tree.size(); ++i)
        if (tree[i].label == "Testo cercato") return tree[i].text;
    return {};
}

}  // namespace

TEST_CASE("journey: search by typing on the on-screen keyboard, open the sheet", "[journey][search]") {
    HeadlessKiosk k("search-journey", vt::test::servicesConfig(), vt::test::kServicesAt);
    std::vector<std::string> misses;
    vt::KioskActions actions;
    actions.recordSearchMiss = [&](const std::string& q) { misses.push_back(q); };
    k.ui->setActions(actions);

    REQUIRE(k.tap("Cerca"));
    CHECK(queryShown(k) == "vuoto");
    CHECK(k.sees("Scrivi una o due parole"));
    k.shot("01-vuoto");

    typeKeys(k, "carta identita");
    CHECK(queryShown(k) == "carta identita");
    CHECK(firstResult(k) == "Carta d'identit\xC3\xA0 elettronica (CIE)");
    CHECK(k.sees("Servizi \xC2\xB7 Services ("));
    k.shot("02-risultati");

    REQUIRE(k.tap("Carta d'identit\xC3\xA0 elettronica (CIE)"));
    CHECK(k.sees("Scheda servizio"));
    CHECK(k.sees("Ente: Comune di Borgo Vetrina (demo)"));
    REQUIRE(k.tap("Indietro"));
    CHECK(queryShown(k) == "carta identita");  // the query is still there on the way back

    // Backspace removes one letter; Cancella empties the field.
    REQUIRE(k.tap("Elimina lettera"));
    CHECK(queryShown(k) == "carta identit");
    REQUIRE(k.tap("Cancella"));
    CHECK(queryShown(k) == "vuoto");

    // A typo: "Forse cercavi" applies the correction.
    typeKeys(k, "residensa");
    CHECK(k.sees("Forse cercavi: residenza"));
    k.shot("03-forse-cercavi");
    REQUIRE(k.tap("Forse cercavi"));
    CHECK(queryShown(k) == "residenza");
    CHECK(firstResult(k) == "Cambio di residenza o di indirizzo");
    CHECK(misses.empty());  // the typo found the suggestion's results: not a miss

    // Nothing at all: advice in words, and the miss is counted once, after a pause.
    REQUIRE(k.tap("Cancella"));
    typeKeys(k, "zqzqzq");
    CHECK(k.sees("Nessun risultato"));
    CHECK(k.sees("prova con meno parole"));
    CHECK(misses.empty());  // not per keystroke
    k.shot("04-nessun-risultato");
    k.runner->wait(6);
    REQUIRE(misses.size() == 1);
    CHECK(misses[0] == "zqzqzq");
    REQUIRE(k.tap("Inizio"));  // leaving does not count it a second time
    CHECK(misses.size() == 1);
}

TEST_CASE("journey: the accent row, the apostrophe and the numbers layer", "[journey][search][keyboard]") {
    HeadlessKiosk k("search-keys", vt::test::servicesConfig(), vt::test::kServicesAt);
    std::vector<std::string> misses;
    vt::KioskActions actions;
    actions.recordSearchMiss = [&](const std::string& q) { misses.push_back(q); };
    k.ui->setActions(actions);
    REQUIRE(k.tap("Cerca"));
    typeKeys(k, "citt");
    REQUIRE(k.tap("\xC3\xA0 accento grave"));
    CHECK(queryShown(k) == "citt\xC3\xA0");
    REQUIRE(k.tap("Elimina lettera"));
    CHECK(queryShown(k) == "citt");
    REQUIRE(k.tap("Cancella"));
    typeKeys(k, "dell");
    REQUIRE(k.tap("apostrofo"));
    CHECK(queryShown(k) == "dell'");
    REQUIRE(k.tap("Cancella"));

    REQUIRE(k.tap("123"));
    CHECK(k.host->tree().findInteractive("ABC") != nullptr);
    CHECK(k.host->tree().findInteractive("q") == nullptr);
    REQUIRE(k.tap("2"));
    REQUIRE(k.tap("0"));
    REQUIRE(k.tap("2"));
    REQUIRE(k.tap("6"));
    CHECK(queryShown(k) == "2026");
    k.shot("numeri");
    REQUIRE(k.tap("ABC"));
    CHECK(k.host->tree().findInteractive("q") != nullptr);
    // A cleared query that found nothing is finished: counted once.
    REQUIRE(k.tap("Cancella"));
    typeKeys(k, "qqqq");
    CHECK(k.sees("Nessun risultato"));
    REQUIRE(k.tap("Cancella"));
    REQUIRE_FALSE(misses.empty());
    CHECK(misses.back() == "qqqq");
    CHECK(std::count(misses.begin(), misses.end(), "qqqq") == 1);
}

TEST_CASE("journey: search with results in portrait and landscape, from the route",
          "[journey][search][layout]") {
    for (auto [w, h] : {std::pair{1080, 1920}, std::pair{1920, 1080}}) {
        const std::string o = w > h ? "landscape" : "portrait";
        HeadlessKiosk k("search-layout-" + o, vt::test::servicesConfig(), vt::test::kServicesAt, w, h);
        k.ui->nav().open(*vt::parseRoute("search:carta"));
        k.runner->settle(3);
        CHECK(queryShown(k) == "carta");
        CHECK(firstResult(k) == "Carta d'identit\xC3\xA0 elettronica (CIE)");
        k.shot(o + "-cerca");
        const auto& tree = k.host->tree();
        const float ppmm = static_cast<float>(k.config.display.effectivePixelsPerMm());
        for (size_t i = 0; i < tree.size(); ++i) {
            const vt::SemanticNode& n = tree[i];
            if (!n.interactive || n.role == vt::Role::ListItem) continue;  // result cards scroll
            INFO(n.label);
            CHECK(n.rect.x >= 0);
            CHECK(n.rect.x + n.rect.w <= float(w));
            CHECK(n.rect.y + n.rect.h <= float(h));
            CHECK(n.rect.h >= 12.0f * ppmm - 1.0f);
            CHECK(n.rect.w >= 12.0f * ppmm - 1.0f);
        }
        k.ui->session().textSize = vt::TextSize::Larger;
        k.runner->settle(3);
        k.shot(o + "-cerca-grande");
        k.ui->session().textSize = vt::TextSize::Normal;
        k.ui->session().highContrast = true;
        k.runner->settle(3);
        k.shot(o + "-cerca-contrasto");
    }
}

namespace {

// The services kiosk plus the demo town's night pharmacy notice, two offices and its events.
std::string everyKindConfig() {
    return vt::test::servicesConfig() + R"toml(
[[source]]
name = "farmacia"
kind = "notices"
url = "{SOURCE}/content/notices/farmacia-notte.md"
[[source]]
name = "polizia-locale"
kind = "offices"
url = "{SOURCE}/content/offices/polizia-locale.toml"
[[source]]
name = "biblioteca"
kind = "offices"
url = "{SOURCE}/content/offices/biblioteca.toml"
[[source]]
name = "eventi"
kind = "ical"
url = "{SOURCE}/content/events/borgo-vetrina.ics"
)toml";
}

// Monday 25 May 2026 at 21:00: the night pharmacy notice is showing (20:00-08:00).
constexpr const char* kEveningAt = "2026-05-25T21:00:00+02:00";

}  // namespace

TEST_CASE("journey: search finds notices, offices and events, each opening its detail", "[journey][search]") {
    HeadlessKiosk k("search-every-kind", everyKindConfig(), kEveningAt);
    REQUIRE(k.tap("Cerca"));

    typeKeys(k, "farmacia");
    CHECK(k.sees("Avvisi \xC2\xB7 Notices (1)"));
    CHECK(firstResult(k) == "Farmacia di turno questa notte");
    k.shot("01-avviso");
    REQUIRE(k.tap("Farmacia di turno questa notte"));
    CHECK(k.sees("AVVISO \xC2\xB7 NOTICE"));
    CHECK(k.sees("Il turno delle farmacie cambia ogni settimana"));
    REQUIRE(k.tap("Indietro"));
    CHECK(queryShown(k) == "farmacia");

    REQUIRE(k.tap("Cancella"));
    typeKeys(k, "polizia");
    CHECK(k.sees("Uffici \xC2\xB7 Offices (1)"));
    CHECK(firstResult(k) == "Polizia locale");
    REQUIRE(k.tap("Polizia locale"));
    CHECK(k.sees("Uffici e orari"));
    CHECK(k.sees("Telefono: "));
    CHECK_FALSE(k.sees("Biblioteca civica"));  // the office opened, not the whole list
    k.shot("02-ufficio");
    REQUIRE(k.tap("Indietro"));

    REQUIRE(k.tap("Cancella"));
    typeKeys(k, "concerto banda");
    CHECK(k.sees("Eventi \xC2\xB7 Events"));
    CHECK(firstResult(k) == "Concerto della banda musicale");
    REQUIRE(k.tap("Concerto della banda musicale"));
    CHECK(k.sees("EVENTO \xC2\xB7 EVENT"));
    // The next occurrence: the third Sunday of June 2026.
    CHECK(k.sees("domenica 21 giugno"));
    k.shot("03-evento");
}

TEST_CASE("journey: results of every kind in groups, portrait and landscape", "[journey][search][layout]") {
    for (auto [w, h] : {std::pair{1080, 1920}, std::pair{1920, 1080}}) {
        const std::string o = w > h ? "landscape" : "portrait";
        HeadlessKiosk k("search-groups-" + o, everyKindConfig(), kEveningAt, w, h);
        k.ui->nav().open(*vt::parseRoute("search:biblioteca"));
        k.runner->settle(3);
        CHECK(k.sees("Uffici \xC2\xB7 Offices"));
        CHECK(k.sees("Eventi \xC2\xB7 Events"));
        k.shot(o + "-gruppi");
        k.ui->nav().open(*vt::parseRoute("office:biblioteca"));
        k.runner->settle(3);
        CHECK(k.sees("Biblioteca civica"));
        CHECK_FALSE(k.sees("Polizia locale"));
        k.shot(o + "-ufficio");
    }
}
