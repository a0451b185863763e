// vetrina sync --config FILE --once [--json]: pull every configured source once.
// Without --once it keeps syncing at the poll intervals until SIGINT or SIGTERM.
#include "args.h"
#include "commands.h"

#include "core/sync/kiosk_sync.h"

#include <nlohmann/json.hpp>

#include <csignal>
#include <cstdio>

namespace vt {

namespace {
void printOutcome(const SyncOutcome& o) {
    if (o.ok)
        std::printf("%s: %s\n", o.source.c_str(), o.message.c_str());
    else
        std::fprintf(stderr, "%s: FAILED: %s\n", o.source.c_str(), o.message.c_str());
}
}  // namespace

int cmdSync(int argc, char** argv) {
    Args args(argc, argv, 2, {"once", "json"});
    args.allowOnly({"config", "once", "json"});
    Config config = loadConfig(args.get("config").value_or("config/vetrina.toml"));
    KioskSync sync(config);
    if (args.has("once")) {
        const auto outcomes = sync.once();
        int failed = 0;
        nlohmann::json out = nlohmann::json::array();
        for (const SyncOutcome& o : outcomes) {
            if (!o.ok) ++failed;
            if (args.has("json"))
                out.push_back({{"source", o.source},
                               {"ok", o.ok},
                               {"changed", o.changed},
                               {"not_modified", o.notModified},
                               {"revision", o.revision},
                               {"message", o.message}});
            else
                printOutcome(o);
        }
        if (args.has("json")) std::printf("%s\n", out.dump(2).c_str());
        if (failed)
            std::fprintf(stderr, "%d of %zu sources failed; the cache keeps what it had\n", failed,
                         outcomes.size());
        return failed ? 1 : 0;
    }
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);  // before the thread starts, so it inherits the mask
    sync.engine.start([] {
        std::printf("content changed\n");
        std::fflush(stdout);
    });
    int sig = 0;
    sigwait(&set, &sig);
    sync.engine.stop();
    return 0;
}

}  // namespace vt
