// The maintenance PIN keypad: big digit keys, dots for what was typed, the outcome in words.
#pragma once

#include "core/maintenance/pin_guard.h"
#include "ui/screen_env.h"

#include <string>

namespace vt {

class PinKeypad {
public:
    enum class Outcome { Open, Granted, Cancelled };
    // Draws the keypad over `env`'s area; returns Granted once the right PIN is entered.
    Outcome draw(ScreenEnv& env, PinGuard& guard);
    void reset();

private:
    std::string m_digits;
    std::string m_message;
};

}  // namespace vt
