// The reach band: the part of a mounted panel that a seated user (a wheelchair user) or a short
// person can touch, 380 to 1220 mm above the floor (EN 301 549 §8.3.2, forward reach).
#pragma once

namespace vt {

struct ReachBand {
    float top = 0;      // pixels from the top of the picture
    float bottom = 0;   // exclusive
    bool whole = true;  // the whole picture is within reach: nothing to move
};

constexpr double kReachLowMm = 380.0;
constexpr double kReachHighMm = 1220.0;

// For a picture `heightPx` tall at `pxPerMm`, whose bottom edge is `mountBottomMm` above the floor.
ReachBand reachBand(int heightPx, double pxPerMm, double mountBottomMm);

}  // namespace vt
