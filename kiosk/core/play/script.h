// The language of `vetrina play`: one step per line, for scripted touch journeys.
//   tap "Albo pretorio"      tap the element with that label (or the first starting with it)
//   tap 540 960              tap a point
//   drag 540 1500 540 500    drag from a point to another (a flick when fast)
//   hold 30 60 6s            press a point and keep the finger there (long press)
//   wait 2s | wait 500ms     let time pass (the kiosk's clock advances too)
//   expect "text"            fail unless the text is on screen
//   expect-not "text"        fail if it is
//   shot name                save the screen as NN-name.png
//   # comment
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vt {

struct PlayStep {
    enum class Kind { TapLabel, TapPoint, Drag, Hold, Wait, Expect, ExpectNot, Shot } kind;
    int line = 0;
    std::string text;  // label, expected text or shot name
    float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double seconds = 0;  // for Wait and Hold
};

class PlayScriptError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Parses a whole script; PlayScriptError names the source, the line and what is wrong.
std::vector<PlayStep> parsePlayScript(std::string_view text, const std::string& sourceName);

}  // namespace vt
