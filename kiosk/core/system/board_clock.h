// The board's own clock: the one place the kiosk and every command read the wall clock for "now"
// (logs keep their own real timestamps). What the kiosk shows and purges runs on the trusted clock
// (trusted_clock.h), which is this clock corrected by the servers' answers.
//
// VETRINA_BOARD_CLOCK=ISO-8601 (tests, demos, a technician reproducing a day) pins it: the board
// clock then starts at that instant when the process starts and advances with the monotonic
// clock. A pinned instant is the board's truth, so it also stands in for the build date as the
// trusted clock's floor when it is earlier (a test pinned in 2026 must pass on a binary built in
// 2030). A value that is not an ISO 8601 instant is an error, not a silent fallback to the real
// clock.
#pragma once

#include "core/util/civil_time.h"

#include <optional>
#include <stdexcept>

namespace vt {

struct BoardClockError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The board clock now. Throws BoardClockError when VETRINA_BOARD_CLOCK is set but unreadable.
UnixSeconds boardNow();
// The pinned starting instant, when VETRINA_BOARD_CLOCK is set.
std::optional<UnixSeconds> pinnedBoardClock();

}  // namespace vt
