// A QR code drawn with the ImGui draw list: dark modules on a white square, quiet zone included,
// so a phone reads it from the panel. The kiosk never opens the link; it shows it.
#pragma once

#include "core/qr/qr_code.h"
#include "ui/ui_context.h"

#include <string>

namespace vt {

// Side of the square in pixels: at least ~35 mm, whole pixels per module.
float qrSide(const Ui& ui, const QrMatrix& qr, float maxWidth);
// The smallest side of whole pixels per module that is at least `minSide`.
float qrSideAtLeast(const QrMatrix& qr, float minSide);
// Draws the code at the cursor and registers it as an image labelled "Codice QR" with `url`.
void drawQr(Ui& ui, const QrMatrix& qr, const std::string& url, float side);

}  // namespace vt
