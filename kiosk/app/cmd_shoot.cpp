// vetrina shoot --config FILE --screen SCREEN --size WxH [--at ISO] [--language it|en] [--sync] --out
// FILE.png
#include "args.h"
#include "command_clock.h"
#include "commands.h"
#include "kiosk_session.h"

#include "platform/journey_runner.h"

#include <cstdio>
#include <ctime>

namespace vt {

int cmdShoot(int argc, char** argv) {
    // A look at what the store holds; --sync first pulls every source once, as `vetrina sync
    // --once` would, at the kiosk's clock (not at --at). --cached, the old name of the default, is
    // still accepted.
    Args args(argc, argv, 2, {"cached", "sync"});
    args.allowOnly({"config", "screen", "size", "at", "out", "data-dir", "cached", "sync", "language"});
    if (args.has("cached") && args.has("sync")) throw UsageError("--cached and --sync exclude each other");
    const std::string screen = args.require("screen");
    const std::string out = args.require("out");
    auto route = parseRoute(screen);
    if (!route)
        throw UsageError(
            "unknown --screen \"" + screen +
            "\" (home, albo, albo:CHIP, act:ID, pdf:ACT[:PAGE], services, sheets:event:CODE, sheet:ID, "
            "search, search:QUERY, notices, notice:ID, events, offices, attract, alert, maintenance)");
    KioskSession s = KioskSession::open(args, StoreAccess::Look);
    int w = s.config.display.width, h = s.config.display.height;
    if (auto size = args.get("size"); size && !parseSize(*size, w, h))
        throw UsageError("--size \"" + *size + "\" is not WxH");
    const std::string language = args.get("language").value_or("it");
    if (language != "it" && language != "en")
        throw UsageError("--language \"" + language + "\" is not it or en");
    if (args.has("sync")) s.syncNow();
    const UnixSeconds now = viewedInstant(args, s.config.dataDir);
    s.createHost(w, h, false, true);
    if (language == "en") s.ui->session().language = Language::English;
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
