#include <catch2/catch.hpp>

#include "journey_support.h"
#include "platform/speech.h"

#include <cmath>

using vt::test::HeadlessKiosk;

namespace {
double rms(const std::vector<std::int16_t>& s) {
    double acc = 0;
    for (auto v : s) acc += double(v) * double(v);
    return s.empty() ? 0 : std::sqrt(acc / double(s.size()));
}
}  // namespace

TEST_CASE("read-aloud says the current screen, in reading order, with audible speech", "[a11y][speech]") {
    HeadlessKiosk k("read-aloud", vt::test::kLadispoliKiosk, "2026-05-25T10:00:00+02:00");
    std::string spoken;
    bool english = true;
    vt::KioskActions actions;
    actions.speak = [&](const std::string& text, bool en) {
        spoken = text;
        english = en;
    };
    actions.stopSpeaking = [] {};
    actions.isSpeaking = [] { return false; };
    k.ui->setActions(actions);
    k.runner->settle(2);
    REQUIRE(k.tap("Albo pretorio"));
    REQUIRE(k.tap("Ascolta"));
    CHECK_FALSE(english);
    // Header first, then the title, then the acts, then the controls.
    const size_t town = spoken.find("Comune di Ladispoli");
    const size_t title = spoken.find("Albo pretorio");
    const size_t act = spoken.find("N. 2026/1345");
    const size_t back = spoken.find("Pulsante: Indietro");
    REQUIRE(town != std::string::npos);
    REQUIRE(title != std::string::npos);
    REQUIRE(act != std::string::npos);
    REQUIRE(back != std::string::npos);
    CHECK(town < title);
    CHECK(title < act);
    CHECK(act < back);

    // espeak-ng turns it into speech that is not silence, in Italian and in English.
    vt::SpeechAudio audio;
    std::string error;
    REQUIRE(vt::synthesizeSpeech(spoken.substr(0, 400), "it", audio, error));
    INFO(error);
    CHECK(audio.sampleRate > 8000);
    CHECK(audio.samples.size() > size_t(audio.sampleRate));  // more than a second
    CHECK(rms(audio.samples) > 300.0);
    vt::SpeechAudio en;
    REQUIRE(vt::synthesizeSpeech("Official notice board of the town", "en", en, error));
    CHECK(rms(en.samples) > 300.0);
    CHECK_FALSE(vt::synthesizeSpeech("prova", "xx-nonexistent", en, error));
    CHECK(error.find("voice") != std::string::npos);
}
