#include <catch2/catch.hpp>

#include "journey_support.h"
#include "services_test_config.h"

using vt::test::HeadlessKiosk;

namespace {

const vt::SemanticNode* nodeWithRole(const vt::SemanticTree& tree, vt::Role role, const std::string& label) {
    for (size_t i = 0; i < tree.size(); ++i)
        if (tree[i].role == role && tree[i].label == label) return &tree[i];
    return nullptr;
}

}  // namespace

TEST_CASE("journey: home, services by life event, a sheet with its sections and QR, back",
          "[journey][services]") {
    HeadlessKiosk k("services-journey", vt::test::servicesConfig(), vt::test::kServicesAt);
    REQUIRE(k.sees("Servizi"));
    REQUIRE(k.sees("Services for citizens"));
    CHECK(k.sees("19 schede"));  // the English variant of a sheet is not a sheet of its own
    k.shot("01-home");

    REQUIRE(k.tap("Servizi"));
    CHECK(k.sees("Per argomento"));
    CHECK(k.sees("Per ente"));
    CHECK(k.sees("Dalla A alla Z"));
    REQUIRE(k.tap("Per evento della vita"));
    CHECK(k.sees("Per le persone"));
    k.shot("02-servizi");

    // The life event's official label; two of the demo sheets are filed under it.
    REQUIRE(k.tap("Cambio di residenza"));
    CHECK(k.sees("2 schede"));
    CHECK(k.sees("Cambio di residenza o di indirizzo"));
    CHECK(k.sees("Ente: Comune di Borgo Vetrina (demo)"));
    k.shot("03-elenco");

    REQUIRE(k.tap("Cambio di residenza o di indirizzo"));
    CHECK(k.sees("Ente: Comune di Borgo Vetrina (demo)"));
    CHECK(k.sees("Stato: servizio attivo"));
    CHECK(k.sees("Se vieni ad abitare a Borgo Vetrina"));
    // Jump buttons for the sections present, under their short names.
    for (const char* b :
         {"Descrizione", "A chi \xC3\xA8 rivolto", "Come fare", "Cosa serve", "Costi", "Contatti"})
        CHECK(k.host->tree().findInteractive(b) != nullptr);
    k.shot("04-scheda");

    REQUIRE(k.tap("Cosa serve"));
    CHECK(k.sees("Un documento d'identit\xC3\xA0 valido"));
    CHECK_FALSE(k.sees("Se vieni ad abitare a Borgo Vetrina"));  // the description scrolled away
    k.shot("05-cosa-serve");

    // Further down: the online link as a QR code with its URL in words, and the office.
    REQUIRE(k.tap("Accedi al servizio"));
    const vt::SemanticNode* qr = nodeWithRole(k.host->tree(), vt::Role::Image, "Codice QR");
    REQUIRE(qr != nullptr);
    CHECK(qr->text == "https://www.anagrafenazionale.interno.gov.it");
    const float ppmm = static_cast<float>(k.config.display.effectivePixelsPerMm());
    CHECK(qr->rect.w >= 35.0f * ppmm);
    CHECK(qr->rect.h == qr->rect.w);
    CHECK(k.sees("Inquadra il codice per aprire il servizio online sul telefono"));
    CHECK(k.sees("https://www.anagrafenazionale.interno.gov.it"));
    k.shot("06-qr");
    k.runner->drag(540, 1500, 540, 400);
    CHECK(k.sees("Ufficio di riferimento"));
    CHECK(k.sees("Servizi demografici"));

    REQUIRE(k.tap("Indietro"));
    CHECK(k.sees("2 schede"));
    REQUIRE(k.tap("Indietro"));
    CHECK(k.sees("Per evento della vita"));
    REQUIRE(k.tap("Inizio"));
    CHECK(k.sees("Benvenuti"));
}

TEST_CASE("journey: services by body, by topic and A to Z, then a sheet not active says so",
          "[journey][services]") {
    HeadlessKiosk k("services-ways", vt::test::servicesConfig(), vt::test::kServicesAt);
    REQUIRE(k.tap("Servizi"));
    REQUIRE(k.tap("Per ente"));
    CHECK(k.sees("Questura"));
    REQUIRE(k.tap("Per argomento"));
    CHECK(k.sees("Anagrafe"));
    REQUIRE(k.tap("Dalla A alla Z"));
    k.shot("az");
    REQUIRE(k.tap("Lettera C"));
    CHECK(k.sees("Centro estivo"));
    CHECK(k.sees("Non attivo"));
    k.shot("lettera-c");
    REQUIRE(k.tap("Centro estivo"));
    CHECK(k.sees("Stato: servizio non attivo"));
    CHECK(k.sees("riapriranno ad aprile"));
}

TEST_CASE("journey: sheet and services screens in portrait and landscape", "[journey][services][layout]") {
    for (auto [w, h] : {std::pair{1080, 1920}, std::pair{1920, 1080}}) {
        const std::string o = w > h ? "landscape" : "portrait";
        HeadlessKiosk k("services-layout-" + o, vt::test::servicesConfig(), vt::test::kServicesAt, w, h);
        k.shot(o + "-home");
        REQUIRE(k.tap("Servizi"));
        k.shot(o + "-servizi");
        k.ui->nav().open(*vt::parseRoute("sheet:carta-identita-elettronica"));
        k.runner->settle(3);
        CHECK(k.sees("Carta d'identit\xC3\xA0 elettronica (CIE)"));
        k.shot(o + "-scheda");
        REQUIRE(k.tap("Accedi al servizio"));
        CHECK(nodeWithRole(k.host->tree(), vt::Role::Image, "Codice QR") != nullptr);
        k.shot(o + "-scheda-qr");
        const auto& tree = k.host->tree();
        for (size_t i = 0; i < tree.size(); ++i) {
            const vt::SemanticNode& n = tree[i];
            if (!n.interactive) continue;
            INFO(n.label);
            CHECK(n.rect.x >= 0);
            CHECK(n.rect.x + n.rect.w <= float(w));
            CHECK(n.rect.y + n.rect.h <= float(h));
        }
        // Larger text and high contrast on the same sheet.
        k.ui->session().textSize = vt::TextSize::Larger;
        k.ui->session().highContrast = true;
        k.runner->settle(3);
        k.shot(o + "-scheda-grande-contrasto");
    }
}

TEST_CASE("routes of the services and search screens", "[journey][services][routes]") {
    using vt::ScreenId;
    CHECK(vt::parseRoute("services")->screen == ScreenId::Services);
    CHECK(vt::parseRoute("sheets")->screen == ScreenId::Services);
    const auto sheet = vt::parseRoute("sheet:carta-identita-elettronica");
    REQUIRE(sheet);
    CHECK(sheet->screen == ScreenId::SheetDetail);
    CHECK(sheet->key == "carta-identita-elettronica");
    CHECK(vt::routeName(*sheet) == "sheet:carta-identita-elettronica");
    const auto list = vt::parseRoute("sheets:event:persone/9");
    REQUIRE(list);
    CHECK(list->screen == ScreenId::SheetList);
    CHECK(list->key == "event:persone/9");
    const auto search = vt::parseRoute("search:carta");
    REQUIRE(search);
    CHECK(search->screen == ScreenId::Search);
    CHECK(search->key == "carta");
    CHECK(vt::parseRoute("search")->key.empty());
    CHECK_FALSE(vt::parseRoute("sheets:colour:blue"));
    CHECK_FALSE(vt::parseRoute("sheet:"));
}
