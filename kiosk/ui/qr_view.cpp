#include "ui/qr_view.h"

#include "ui/widgets.h"

#include <cmath>

namespace vt {

float qrSide(const QrMatrix& qr, float minSide) {
    if (qr.size <= 0) return 0;
    const float module = std::ceil(minSide / static_cast<float>(qr.size));
    return module * static_cast<float>(qr.size);
}

void drawQrCode(Ui& ui, const QrMatrix& qr, const std::string& url, float minSide) {
    const float side = qrSide(qr, minSide);
    if (side <= 0) return;
    const float module = side / static_cast<float>(qr.size);
    const ImVec2 pos(std::floor(ImGui::GetCursorScreenPos().x), std::floor(ImGui::GetCursorScreenPos().y));
    const ImVec2 max(pos.x + side, pos.y + side);
    ImGui::Dummy(ImVec2(side, side));
    // White and black whatever the palette: phones read dark on light best, and the quiet zone
    // (part of the matrix) keeps the symbol apart from what is around it.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, max, IM_COL32(255, 255, 255, 255));
    for (int y = 0; y < qr.size; ++y) {
        // One rectangle per horizontal run of dark modules: fewer vertices than one per module.
        for (int x = 0; x < qr.size;) {
            if (!qr.dark(x, y)) {
                ++x;
                continue;
            }
            int end = x;
            while (end < qr.size && qr.dark(end, y)) ++end;
            dl->AddRectFilled(ImVec2(pos.x + static_cast<float>(x) * module, pos.y + static_cast<float>(y) * module),
                              ImVec2(pos.x + static_cast<float>(end) * module, pos.y + static_cast<float>(y + 1) * module),
                              IM_COL32(0, 0, 0, 255));
            x = end;
        }
    }
    ui.tree.add(Role::Image, "Codice QR", url, widgets::visibleRect(pos, max), false);
}

}  // namespace vt
