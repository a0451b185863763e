#include "core/qr/qr_code.h"

#include "core/util/url_policy.h"

#include <qrencode.h>

#include <memory>

namespace vt {

bool isQrLink(std::string_view url) {
    // The host curl would read, with no "user:password@" in front to disguise it.
    return checkUrl(url, UrlUse::QrLink).ok;
}

bool makeQrCode(std::string_view url, QrMatrix& out, std::string& error) {
    if (!isQrLink(url)) {
        error = "only http:// and https:// links become QR codes";
        return false;
    }
    const std::string text(url);
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code) {
        error = "the link is too long for a QR code";
        return false;
    }
    const int w = code->width;
    out.version = code->version;
    out.quietZone = kQrQuietZone;
    out.size = w + 2 * kQrQuietZone;
    out.modules.assign(static_cast<size_t>(out.size) * static_cast<size_t>(out.size), false);
    for (int y = 0; y < w; ++y)
        for (int x = 0; x < w; ++x)
            // libqrencode: bit 0 of each byte is the module's colour, the other bits are metadata.
            if (code->data[y * w + x] & 1)
                out.modules[static_cast<size_t>(y + kQrQuietZone) * static_cast<size_t>(out.size) +
                            static_cast<size_t>(x + kQrQuietZone)] = true;
    return true;
}

}  // namespace vt
