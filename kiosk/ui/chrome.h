// The frame around every screen: the header with the town, date and clock, and the navigation
// bar at the bottom (within reach of a seated user) with Back and Home always visible.
#pragma once

#include "ui/screen_env.h"

namespace vt {

void drawHeader(ScreenEnv& env, ImVec2 pos, ImVec2 size);
void drawNavBar(ScreenEnv& env, ImVec2 pos, ImVec2 size);
// "Ascolta" reads the screen aloud; while reading it becomes "Ferma". Hidden without audio.
bool hasReadAloud(const ScreenEnv& env);
void listenButton(ScreenEnv& env, ImVec2 size);

}  // namespace vt
