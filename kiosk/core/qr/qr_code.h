// QR codes of official links (acts, online services): the kiosk never opens links, it shows
// them for the visitor's phone. The UI draws the matrix; this only encodes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vt {

// Modules of a QR symbol including its quiet zone, row by row (true = dark).
struct QrMatrix {
    int size = 0;       // modules per side, quiet zone included
    int version = 0;    // 1..40
    int quietZone = 0;  // light modules around the symbol on each side
    std::vector<bool> modules;

    bool dark(int x, int y) const {
        return modules[static_cast<size_t>(y) * static_cast<size_t>(size) + static_cast<size_t>(x)];
    }
};

// The quiet zone the QR specification asks for.
constexpr int kQrQuietZone = 4;

// True for an absolute http:// or https:// URL with a host, no credentials ("user:pw@") and no blank
// or control characters (core/util/url_policy.h).
bool isQrLink(std::string_view url);

// Encodes an http(s) link (error correction level M). False with a reason for any other text
// (mailto:, javascript:, file:, relative links...) or when it does not fit a QR symbol.
bool makeQrCode(std::string_view url, QrMatrix& out, std::string& error);

}  // namespace vt
