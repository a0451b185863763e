// vetrina play --config FILE --script FILE --out DIR [--size WxH] [--at ISO]
#include "args.h"
#include "commands.h"
#include "kiosk_session.h"

#include "core/util/files.h"
#include "platform/journey_runner.h"

#include <cstdio>

namespace vt {

UnixSeconds instantFromArgs(const Args& args);

int cmdPlay(int argc, char** argv) {
    Args args(argc, argv, 2);
    args.allowOnly({"config", "script", "out", "size", "at", "data-dir"});
    const std::string scriptPath = args.require("script");
    const std::string outDir = args.require("out");
    auto text = readFile(scriptPath);
    if (!text) throw UsageError("cannot read the script " + scriptPath);
    const std::vector<PlayStep> steps = parsePlayScript(*text, scriptPath);
    KioskSession s = KioskSession::open(args);
    int w = s.config.display.width, h = s.config.display.height;
    if (auto size = args.get("size"); size && !parseSize(*size, w, h))
        throw UsageError("--size \"" + *size + "\" is not WxH");
    const UnixSeconds now = instantFromArgs(args);
    s.syncNow(now);
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
