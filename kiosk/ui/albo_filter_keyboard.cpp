#include "ui/albo_filter_keyboard.h"
#include "ui/i18n.h"

#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace vt {

namespace {

constexpr const char* kRows[] = {"1234567890", "QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"};
constexpr int kColumns = 10;

float keyHeight(const Ui& ui) {
    return std::max(ui.met().touchMin, std::round(ui.fonts().bodyBold->FontSize * 1.7f));
}

void popUtf8(std::string& s) {
    while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
    if (!s.empty()) s.pop_back();
}

}  // namespace

float AlboFilterKeyboard::height(const Ui& ui, float width) {
    (void)width;
    return 5 * keyHeight(ui) + 4 * ui.met().gap;
}

AlboFilterKeyboard::Outcome AlboFilterKeyboard::draw(Ui& ui, std::string& text, float width) {
    const Metrics& m = ui.met();
    const float kh = keyHeight(ui);
    const float kw = std::floor((width - static_cast<float>(kColumns - 1) * m.gap) / kColumns);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    Outcome out = Outcome::None;
    float y = origin.y;
    for (int r = 0; r < 4; ++r) {
        const std::string_view row(kRows[r]);
        // Shorter rows are centred, as on a real keyboard.
        float x =
            origin.x + std::floor((width - (static_cast<float>(row.size()) * (kw + m.gap) - m.gap)) * 0.5f);
        if (r == 3) x = origin.x;  // the last letter row shares its line with the delete key
        for (const char c : row) {
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            const char key[2] = {c, 0};
            const std::string id = std::string("##kb-") + key;
            if (widgets::button(ui, id.c_str(), key, "", ImVec2(kw, kh), widgets::ButtonStyle::Secondary) &&
                text.size() < kMaxChars) {
                text += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
                out = Outcome::Changed;
            }
            x += kw + m.gap;
        }
        if (r == 3) {
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            const float w = origin.x + width - x;
            if (widgets::button(ui, "##kb-del", tr("Cancella"), tr("Cancella", kOther), ImVec2(w, kh),
                                widgets::ButtonStyle::Secondary, "\xE2\x86\x90") &&
                !text.empty()) {
                popUtf8(text);
                out = Outcome::Changed;
            }
        }
        y += kh + m.gap;
    }
    // Space, clear, done.
    const float third = std::floor((width - 2 * m.gap) / 3.0f);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
    if (widgets::button(ui, "##kb-space", tr("Spazio"), tr("Spazio", kOther), ImVec2(third, kh),
                        widgets::ButtonStyle::Secondary) &&
        !text.empty() && text.back() != ' ' && text.size() < kMaxChars) {
        text += ' ';
        out = Outcome::Changed;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x + third + m.gap, y));
    if (widgets::button(ui, "##kb-clear", tr("Svuota"), tr("Svuota", kOther), ImVec2(third, kh),
                        widgets::ButtonStyle::Secondary) &&
        !text.empty()) {
        text.clear();
        out = Outcome::Changed;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x + 2 * (third + m.gap), y));
    if (widgets::button(ui, "##kb-done", tr("Fatto"), tr("Fatto", kOther),
                        ImVec2(width - 2 * (third + m.gap), kh)))
        out = Outcome::Done;
    ImGui::SetCursorScreenPos(ImVec2(origin.x, y + kh));
    ImGui::Dummy(ImVec2(width, 0));
    return out;
}

}  // namespace vt
