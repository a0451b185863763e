#include "core/a11y/reach.h"

#include <algorithm>
#include <cmath>

namespace vt {

ReachBand reachBand(int heightPx, double pxPerMm, double mountBottomMm) {
    const double heightMm = heightPx / pxPerMm;
    const double topMm = mountBottomMm + heightMm;  // height of the picture's top edge
    ReachBand b;
    b.top =
        static_cast<float>(std::clamp(std::ceil((topMm - kReachHighMm) * pxPerMm), 0.0, double(heightPx)));
    b.bottom =
        static_cast<float>(std::clamp(std::floor((topMm - kReachLowMm) * pxPerMm), 0.0, double(heightPx)));
    b.whole = b.top <= 0 && b.bottom >= static_cast<float>(heightPx);
    return b;
}

}  // namespace vt
