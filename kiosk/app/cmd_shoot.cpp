// vetrina shoot --config FILE --screen SCREEN --size WxH [--at ISO] --out FILE.png
#include "args.h"
#include "commands.h"
#include "kiosk_session.h"

#include "platform/journey_runner.h"

#include <cstdio>
#include <ctime>

namespace vt {

UnixSeconds instantFromArgs(const Args& args);

int cmdShoot(int argc, char** argv) {
    Args args(argc, argv, 2);
    args.allowOnly({"config", "screen", "size", "at", "out", "data-dir"});
    const std::string screen = args.require("screen");
    const std::string out = args.require("out");
    auto route = parseRoute(screen);
    if (!route) throw UsageError("unknown --screen \"" + screen + "\" (home, albo, act:ID, notices, notice:ID, events, offices, attract, alert)");
    KioskSession s = KioskSession::open(args);
    int w = s.config.display.width, h = s.config.display.height;
    if (auto size = args.get("size"); size && !parseSize(*size, w, h))
        throw UsageError("--size \"" + *size + "\" is not WxH");
    const UnixSeconds now = instantFromArgs(args);
    s.refreshLocalSourcesNow(now);
    s.createHost(w, h, false, true);
    s.ui->nav().open(*route);
    JourneyRunner runner(*s.host, *s.ui, now);
    runner.settle(3);
    if (!runner.shot(out)) {
        std::fprintf(stderr, "vetrina shoot: cannot write %s\n", out.c_str());
        return 1;
    }
    std::printf("%s\n", out.c_str());
    return 0;
}

}  // namespace vt
