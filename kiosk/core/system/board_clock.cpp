#include "core/system/board_clock.h"

#include <chrono>
#include <cstdlib>
#include <string>

namespace vt {

namespace {

struct Pin {
    std::optional<UnixSeconds> at;
    std::string error;
    std::chrono::steady_clock::time_point since;
};

const Pin& pin() {
    static const Pin p = [] {
        Pin out;
        out.since = std::chrono::steady_clock::now();
        const char* env = std::getenv("VETRINA_BOARD_CLOCK");
        if (!env || !*env) return out;
        out.at = parseIsoInstant(env);
        if (!out.at)
            out.error = std::string("VETRINA_BOARD_CLOCK \"") + env +
                        "\" is not an ISO 8601 instant (e.g. 2026-11-23T10:00:00+01:00)";
        return out;
    }();
    return p;
}

}  // namespace

std::optional<UnixSeconds> pinnedBoardClock() {
    const Pin& p = pin();
    if (!p.error.empty()) throw BoardClockError(p.error);
    return p.at;
}

UnixSeconds boardNow() {
    if (const auto at = pinnedBoardClock()) {
        const auto elapsed = std::chrono::steady_clock::now() - pin().since;
        return *at + std::chrono::duration_cast<std::chrono::seconds>(elapsed).count();
    }
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace vt
