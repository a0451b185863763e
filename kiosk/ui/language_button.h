// The language switch on Home: one big button that names the other language in that language
// ("English" while the kiosk speaks Italian, "Italiano" while it speaks English), words only:
// a flag stands for a country, not a language, and an Italian visitor must find the way back.
#pragma once

#include "ui/screen_env.h"

namespace vt {

// Draws the button at the cursor; a tap switches env.session.language (from the next frame).
void languageButton(ScreenEnv& env, ImVec2 size);

}  // namespace vt
