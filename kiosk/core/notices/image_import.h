// Images of notices: decoded with libstb, bounded in bytes and pixels, scaled down to the panel
// width at import so the kiosk never decodes a 12-megapixel photo, stored as PNG keyed by SHA-256.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vt {

struct ImageLimits {
    std::size_t maxBytes = 16u << 20;  // of the file as given
    int maxSide = 12000;               // of the source, before scaling
    long long maxPixels = 50'000'000;
    int outWidth = 1080;  // largest stored size
    int outHeight = 1920;
};

struct StoredImage {
    std::string hash;  // hex SHA-256 of the PNG
    std::string png;
    int width = 0, height = 0;
};

// The pre-scaled PNG, or the reason the image is unusable in `error`.
std::optional<StoredImage> prepareImage(std::string_view bytes, const ImageLimits& limits,
                                        std::string& error);

}  // namespace vt
