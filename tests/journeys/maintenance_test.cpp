#include <catch2/catch.hpp>

#include "core/maintenance/pin_guard.h"
#include "journey_support.h"

using vt::test::HeadlessKiosk;

namespace {
std::string configWithPin(const std::string& pinLine) {
    return R"(
[town]
name = "Comune di Prova"
[paths]
data_dir = "{DATA}"
[display]
diagonal_inches = 32
)" + pinLine +
           R"(
[[source]]
name = "albo"
kind = "albopop"
url = "{TESTDATA}/albo/ladispoli_albopop_feed.xml"
)";
}

void typePin(HeadlessKiosk& k, const std::string& pin) {
    for (char c : pin) REQUIRE(k.tap(std::string(1, c)));
    REQUIRE(k.tap("OK"));
}
}  // namespace

TEST_CASE("journey: a long press in the corner and the PIN open maintenance", "[journey][maintenance]") {
    const std::string hash = vt::PinGuard::hashPin("246810");
    HeadlessKiosk k("maintenance", configWithPin("[maintenance]\npin_hash = \"" + hash + "\""),
                    "2026-05-25T10:00:00+02:00");
    int refreshes = 0;
    vt::KioskActions actions;
    actions.refreshContent = [&] { ++refreshes; };
    k.ui->setActions(actions);

    // A short press in the corner does nothing.
    k.runner->hold(20, 20, 1.0);
    CHECK_FALSE(k.ui->pinKeypadOpen());
    k.runner->hold(20, 20, 6.0);
    REQUIRE(k.ui->pinKeypadOpen());
    CHECK(k.sees("Inserisci il PIN"));
    k.shot("pin");

    typePin(k, "111111");
    CHECK(k.sees("PIN errato: ancora 4 tentativi"));
    typePin(k, "246810");
    CHECK(k.sees("Manutenzione"));
    CHECK(k.sees("Versione"));
    CHECK(k.sees("20 in pubblicazione oggi"));
    k.shot("manutenzione");
    REQUIRE(k.tap("Aggiorna contenuti"));
    CHECK(refreshes == 1);
    REQUIRE(k.tap("Esci dalla manutenzione"));
    CHECK(k.sees("Benvenuti"));
}

TEST_CASE("journey: \"Chiudi Vetrina\" asks first, and says when the kiosk comes back",
          "[journey][maintenance]") {
    const std::string hash = vt::PinGuard::hashPin("246810");
    const bool landscape = GENERATE(false, true);
    const std::string name = landscape ? "maintenance-quit-landscape" : "maintenance-quit";
    HeadlessKiosk k(name, configWithPin("[maintenance]\npin_hash = \"" + hash + "\"\npause_minutes = 45"),
                    "2026-05-25T10:00:00+02:00", landscape ? 1920 : 1080, landscape ? 1080 : 1920);
    int quits = 0;
    vt::KioskActions actions;
    actions.quit = [&] { ++quits; };
    k.ui->setActions(actions);
    k.runner->hold(20, 20, 6.0);
    typePin(k, "246810");
    REQUIRE(k.sees("Versione"));

    // One tap only asks; "Annulla" goes back to the panel with the kiosk still running.
    REQUIRE(k.tap("Chiudi Vetrina"));
    CHECK(quits == 0);
    CHECK(k.sees("Chiudere Vetrina?"));
    CHECK(k.sees("Vetrina torna da sola tra 45 minuti (alle 10:45) e a ogni riaccensione."));
    CHECK_FALSE(k.sees("Versione"));  // the question replaces the panel: nothing else to tap
    k.shot("chiudi-conferma");
    REQUIRE(k.tap("Annulla"));
    CHECK(quits == 0);
    CHECK(k.sees("Versione"));
    CHECK_FALSE(k.sees("Chiudere Vetrina?"));
    CHECK_FALSE(k.sees("Fatto: Chiudi Vetrina"));

    // Confirming asks the app to quit (it writes the pause file; systemd does the rest).
    REQUIRE(k.tap("Chiudi Vetrina"));
    REQUIRE(k.tap("Chiudi per 45 minuti"));
    CHECK(quits == 1);
    CHECK_FALSE(k.sees("Chiudere Vetrina?"));
}

TEST_CASE("journey: the close question at the largest text size", "[journey][maintenance]") {
    const std::string hash = vt::PinGuard::hashPin("246810");
    const bool landscape = GENERATE(false, true);
    HeadlessKiosk k(landscape ? "maintenance-quit-large-landscape" : "maintenance-quit-large",
                    configWithPin("[maintenance]\npin_hash = \"" + hash + "\""), "2026-05-25T10:00:00+02:00",
                    landscape ? 1920 : 1080, landscape ? 1080 : 1920);
    int quits = 0;
    vt::KioskActions actions;
    actions.quit = [&] { ++quits; };
    k.ui->setActions(actions);
    REQUIRE(k.tap("Testo normale"));
    REQUIRE(k.tap("Testo grande"));
    REQUIRE(k.sees("Testo molto grande"));
    k.runner->hold(20, 20, 6.0);
    typePin(k, "246810");
    k.shot("pannello");
    // In landscape the panel's buttons are below the fold at this size: the technician scrolls.
    if (landscape) k.runner->drag(960, 900, 960, 200);
    REQUIRE(k.tap("Chiudi Vetrina"));
    CHECK(k.sees("Chiudere Vetrina?"));
    k.shot("chiudi-conferma");
    // Both answers are whole on screen and big enough to hit.
    const float w = landscape ? 1920.0f : 1080.0f, h = landscape ? 1080.0f : 1920.0f;
    const auto& tree = k.host->tree();
    int buttons = 0;
    for (size_t i = 0; i < tree.size(); ++i) {
        if (!tree[i].interactive) continue;
        ++buttons;
        CHECK(tree[i].rect.x >= 0.0f);
        CHECK(tree[i].rect.y >= 0.0f);
        CHECK(tree[i].rect.x + tree[i].rect.w <= w);
        CHECK(tree[i].rect.y + tree[i].rect.h <= h);
        CHECK(tree[i].rect.h >= k.host->theme().metrics.touchMin);
    }
    CHECK(buttons >= 2);
    REQUIRE(k.tap("Chiudi per 30 minuti"));
    CHECK(quits == 1);
}

TEST_CASE("journey: five wrong PINs lock the keypad for five minutes", "[journey][maintenance]") {
    const std::string hash = vt::PinGuard::hashPin("246810");
    HeadlessKiosk k("maintenance-lock", configWithPin("[maintenance]\npin_hash = \"" + hash + "\""),
                    "2026-05-25T10:00:00+02:00");
    k.runner->hold(20, 20, 6.0);
    REQUIRE(k.ui->pinKeypadOpen());
    for (int i = 0; i < 5; ++i) typePin(k, "999999");
    CHECK(k.sees("Troppi tentativi: riprova tra 5 minuti"));
    typePin(k, "246810");  // ignored while locked
    CHECK_FALSE(k.sees("Versione"));
    k.runner->wait(301);
    typePin(k, "246810");
    CHECK(k.sees("Versione"));
}

TEST_CASE("journey: with no PIN configured the gesture opens nothing", "[journey][maintenance]") {
    HeadlessKiosk k("maintenance-none", configWithPin(""), "2026-05-25T10:00:00+02:00");
    k.runner->hold(20, 20, 10.0);
    CHECK_FALSE(k.ui->pinKeypadOpen());
    CHECK_FALSE(k.sees("Inserisci il PIN"));
}

TEST_CASE("keyboard shortcuts and close requests do not leave a kiosk", "[journey][lockdown]") {
    vt::KioskHost::clearStop();
    vt::HostOptions opt;
    opt.headless = true;
    opt.fullscreen = true;  // a kiosk
    opt.fontDir = std::string(VETRINA_SOURCE_DIR) + "/fonts";
    std::string err;
    {
        auto kiosk = vt::KioskHost::create(opt, err);
        REQUIRE(kiosk);
        SDL_Event quit{};
        quit.type = SDL_QUIT;
        kiosk->handleEvent(quit);
        CHECK_FALSE(vt::KioskHost::stopRequested());
        for (SDL_Keycode key : {SDLK_F4, SDLK_q, SDLK_TAB, SDLK_ESCAPE, SDLK_F11, SDLK_w}) {
            SDL_Event e{};
            e.type = SDL_KEYDOWN;
            e.key.keysym.sym = key;
            e.key.keysym.mod = KMOD_LALT | KMOD_LCTRL;
            CHECK_FALSE(kiosk->handleEvent(e));
        }
        CHECK_FALSE(vt::KioskHost::stopRequested());
    }
    // A development window, instead, may be closed.
    opt.fullscreen = false;
    auto dev = vt::KioskHost::create(opt, err);
    REQUIRE(dev);
    SDL_Event quit{};
    quit.type = SDL_QUIT;
    dev->handleEvent(quit);
    CHECK(vt::KioskHost::stopRequested());
    vt::KioskHost::clearStop();
}
