// vetrina play --config FILE --script FILE --out DIR [--size WxH] [--at ISO] [--sync]
#include "args.h"
#include "command_clock.h"
#include "commands.h"
#include "kiosk_session.h"

#include "core/util/files.h"
#include "platform/journey_runner.h"

#include <cstdio>

namespace vt {

int cmdPlay(int argc, char** argv) {
    // A look at what the store holds (taps on the feedback faces are not recorded); --sync first
    // pulls every source once, as `vetrina sync --once` would, at the kiosk's clock (not at --at).
    Args args(argc, argv, 2, {"sync"});
    args.allowOnly({"config", "script", "out", "size", "at", "data-dir", "sync"});
    const std::string scriptPath = args.require("script");
    const std::string outDir = args.require("out");
    auto text = readFile(scriptPath);
    if (!text) throw UsageError("cannot read the script " + scriptPath);
    const std::vector<PlayStep> steps = parsePlayScript(*text, scriptPath);
    KioskSession s = KioskSession::open(args, StoreAccess::Look);
    int w = s.config.display.width, h = s.config.display.height;
    if (auto size = args.get("size"); size && !parseSize(*size, w, h))
        throw UsageError("--size \"" + *size + "\" is not WxH");
    if (args.has("sync")) s.syncNow();
    const UnixSeconds now = viewedInstant(args, s.config.dataDir);
    s.createHost(w, h, false, true);
    JourneyRunner runner(*s.host, *s.ui, now);
    const JourneyRunner::Result r = runner.run(steps, outDir, scriptPath);
    for (const std::string& shot : r.shots) std::printf("%s\n", shot.c_str());
    if (!r.ok) {
        std::fprintf(stderr, "vetrina play: %s\n", r.error.c_str());
        return 1;
    }
    std::printf("%zu steps passed, %zu screenshots in %s\n", steps.size(), r.shots.size(), outDir.c_str());
    return 0;
}

}  // namespace vt
