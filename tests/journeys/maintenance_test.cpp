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
)" + pinLine + R"(
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
