// A QR code on screen: dark modules on a white square with the quiet zone, in whole pixels per
// module so a phone camera sees sharp edges, registered as an image with the link it encodes.
#pragma once

#include "core/qr/qr_code.h"
#include "ui/ui_context.h"

#include <string>

namespace vt {

// The side in pixels drawQrCode will use for `qr` when asked for at least `minSide`.
float qrSide(const QrMatrix& qr, float minSide);
// Draws at the cursor (advancing it) and registers Role::Image "Codice QR" with `url` as text.
void drawQrCode(Ui& ui, const QrMatrix& qr, const std::string& url, float minSide);

}  // namespace vt
