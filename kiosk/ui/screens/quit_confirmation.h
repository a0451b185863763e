// "Chiudi Vetrina" asks first: one stray tap must not take the totem off the screen. The view
// says what happens (the screen is the technician's) and when the kiosk comes back by itself.
#pragma once

#include "ui/screen_env.h"

namespace vt {

enum class QuitChoice { Open, Cancel, Confirm };

// Draws the question over `env`'s area, in place of the maintenance panel.
QuitChoice drawQuitConfirmation(ScreenEnv& env, int pauseMinutes);

}  // namespace vt
