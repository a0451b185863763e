#include "core/sync/backoff.h"

#include <algorithm>
#include <cmath>

namespace vt {

int retryDelaySeconds(int failures, int pollSeconds, int maxBackoffSeconds, double jitter01) {
    if (failures <= 0) return pollSeconds;
    const int cap = std::min(maxBackoffSeconds, std::max(pollSeconds, 60) * 4);
    const double step = std::min<double>(cap, 10.0 * std::pow(2.0, std::min(failures - 1, 16)));
    const double j = std::clamp(jitter01, 0.0, 1.0);
    return std::max(1, static_cast<int>(step * (0.5 + 0.5 * j)));
}

}  // namespace vt
