// `vetrina bench --alerts`: time from a CAP alert reaching the server to its takeover on screen.
#pragma once

#include "args.h"

#include <string>

namespace vt {

// Runs the bench (options: --runs N, --poll-seconds N, --size WxH, --out FILE.json).
int benchAlerts(const Args& args);

// For `vetrina run --print-alerts`: one line "<tag> steady_ms=<CLOCK_MONOTONIC ms> <detail>" on
// stdout, flushed at once (the bench reads it; the clock is the same in both processes).
void printBenchLine(const char* tag, const std::string& detail);

}  // namespace vt
