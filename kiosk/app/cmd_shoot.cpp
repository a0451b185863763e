// vetrina shoot --config FILE --screen SCREEN --size WxH [--at ISO] [--language it|en] --out FILE.png
#include "args.h"
#include "commands.h"
#include "kiosk_session.h"

#include "platform/journey_runner.h"

#include <cstdio>
#include <ctime>

namespace vt {

UnixSeconds instantFromArgs(const Args& args);

int cmdShoot(int argc, char** argv) {
    // --cached: render what the store holds, without pulling the sources first.
    Args args(argc, argv, 2, {"cached"});
    args.allowOnly({"config", "screen", "size", "at", "out", "data-dir", "cached", "language"});
    const std::string screen = args.require("screen");
    const std::string out = args.require("out");
    auto route = parseRoute(screen);
    if (!route)
        throw UsageError("unknown --screen \"" + screen +
                         "\" (home, albo, albo:CHIP, act:ID, pdf:ACT[:PAGE], services, sheets:event:CODE, sheet:ID, "
                         "search, search:QUERY, notices, notice:ID, events, offices, attract, alert, maintenance)");
    KioskSession s = KioskSession::open(args);
    int w = s.config.display.width, h = s.config.display.height;
    if (auto size = args.get("size"); size && !parseSize(*size, w, h))
        throw UsageError("--size \"" + *size + "\" is not WxH");
    const std::string language = args.get("language").value_or("it");
    if (language != "it" && language != "en") throw UsageError("--language \"" + language + "\" is not it or en");
    const UnixSeconds now = instantFromArgs(args);
    if (!args.has("cached")) s.syncNow(now);
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
