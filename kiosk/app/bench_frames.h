// `vetrina bench --frames`: per-screen frame times of the headless kiosk (see bench_frames.cpp).
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace vt {

// Drives the headless host directly through every screen and returns the figures; prints a table
// to stdout. `framesPerScreen` frames are measured on each screen.
nlohmann::json benchFrames(int acts, int width, int height, int framesPerScreen);

}  // namespace vt
