// Commands whose implementation lands with the kiosk window (this file goes away then).
#include "commands.h"

#include <cstdio>

namespace vt {
int cmdRun(int, char**) { std::fprintf(stderr, "vetrina run: the kiosk window is not built yet\n"); return 1; }
int cmdShoot(int, char**) { std::fprintf(stderr, "vetrina shoot: not built yet\n"); return 1; }
int cmdPlay(int, char**) { std::fprintf(stderr, "vetrina play: not built yet\n"); return 1; }
int cmdBench(int, char**) { std::fprintf(stderr, "vetrina bench: not built yet\n"); return 1; }
}  // namespace vt
