#include "ui/qr_view.h"
#include "ui/i18n.h"

#include "ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace vt {

float qrSide(const Ui& ui, const QrMatrix& qr, float maxWidth) {
    if (qr.size <= 0) return 0;
    // ~60 mm: a phone held at arm's length reads it without the visitor leaning in.
    const float want = std::max(ui.met().mm(60.0f), ui.met().mm(1.0f) * float(qr.size));
    float module = std::ceil(want / float(qr.size));
    if (module * float(qr.size) > maxWidth) module = std::floor(maxWidth / float(qr.size));
    module = std::max(1.0f, module);
    return module * float(qr.size);
}

float qrSideAtLeast(const QrMatrix& qr, float minSide) {
    if (qr.size <= 0) return 0;
    return std::ceil(minSide / float(qr.size)) * float(qr.size);
}

void drawQr(Ui& ui, const QrMatrix& qr, const std::string& url, float side) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 max(pos.x + side, pos.y + side);
    ImGui::ItemSize(ImVec2(side, side));
    if (!ImGui::ItemAdd(ImRect(pos, max), 0) || qr.size <= 0) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Always black on white, also in high contrast: readers expect dark modules on light.
    dl->AddRectFilled(pos, max, IM_COL32(255, 255, 255, 255));
    const float module = side / float(qr.size);
    const ImU32 dark = IM_COL32(0, 0, 0, 255);
    for (int y = 0; y < qr.size; ++y) {
        // Runs of dark modules on a row as one rectangle: fewer vertices for the software renderer.
        int x = 0;
        while (x < qr.size) {
            if (!qr.dark(x, y)) {
                ++x;
                continue;
            }
            int end = x;
            while (end < qr.size && qr.dark(end, y)) ++end;
            dl->AddRectFilled(ImVec2(pos.x + float(x) * module, pos.y + float(y) * module),
                              ImVec2(pos.x + float(end) * module, pos.y + float(y + 1) * module), dark);
            x = end;
        }
    }
    ui.tree.add(Role::Image, tr("Codice QR"), url, widgets::visibleRect(pos, max), false);
}

}  // namespace vt
