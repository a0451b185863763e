#include "ui/keyboard.h"

#include "ui/i18n.h"
#include "ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace vt {

bool QueryText::append(std::string_view utf8) {
    if (utf8.empty() || text.size() + utf8.size() > kMaxBytes) return false;
    // A query never starts with a blank nor has two in a row: it would only show as a gap.
    if (utf8 == " " && (text.empty() || text.back() == ' ')) return false;
    text += utf8;
    return true;
}

bool QueryText::backspace() {
    if (text.empty()) return false;
    size_t n = text.size() - 1;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;  // continuation bytes
    text.erase(n);
    return true;
}

bool QueryText::clear() {
    if (text.empty()) return false;
    text.clear();
    return true;
}

namespace {

// One key: what it types (or does), what it shows, and what a test or read-aloud calls it.
struct Key {
    const char* types;  // text appended; nullptr for the special keys below
    const char* shown;
    const char* label;  // semantic label, distinct for every key (accents fold away in lookups)
    float units = 1.0f;
    enum class Action { Type, Backspace, Clear, Layer } action = Action::Type;
};

using A = Key::Action;

const std::vector<std::vector<Key>>& rowsFor(OnScreenKeyboard::Layer layer) {
    static const std::vector<Key> accents = {
        {"\xC3\xA0", "\xC3\xA0", tr("\xC3\xA0 accento grave", kMarkOnly)},
        {"\xC3\xA8", "\xC3\xA8", tr("\xC3\xA8 accento grave", kMarkOnly)},
        {"\xC3\xA9", "\xC3\xA9", tr("\xC3\xA9 accento acuto", kMarkOnly)},
        {"\xC3\xAC", "\xC3\xAC", tr("\xC3\xAC accento grave", kMarkOnly)},
        {"\xC3\xB2", "\xC3\xB2", tr("\xC3\xB2 accento grave", kMarkOnly)},
        {"\xC3\xB9", "\xC3\xB9", tr("\xC3\xB9 accento grave", kMarkOnly)},
        {"'", "'", tr("apostrofo", kMarkOnly)}};
    static const std::vector<Key> backspaceRow = {
        {nullptr, "\xE2\x8C\xAB", tr("Elimina lettera", kMarkOnly), 2.0f, A::Backspace}};
    static const std::vector<std::vector<Key>> letters = [] {
        std::vector<std::vector<Key>> rows{accents};
        static const char* const kRows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
        static std::string storage[26];  // one-letter strings live as long as the table
        int n = 0;
        for (const char* r : kRows) {
            std::vector<Key> row;
            for (const char* c = r; *c; ++c) {
                storage[n] = std::string(1, *c);
                row.push_back({storage[n].c_str(), storage[n].c_str(), storage[n].c_str()});
                ++n;
            }
            rows.push_back(row);
        }
        rows.back().push_back(backspaceRow[0]);
        rows.push_back({{nullptr, "123", "123", 2.0f, A::Layer},
                        {" ", tr("Spazio", kMarkOnly), tr("Spazio", kMarkOnly), 5.0f},
                        {nullptr, tr("Cancella", kMarkOnly), tr("Cancella", kMarkOnly), 3.0f, A::Clear}});
        return rows;
    }();
    static const std::vector<std::vector<Key>> numbers = {
        accents,
        {{"1", "1", "1"},
         {"2", "2", "2"},
         {"3", "3", "3"},
         {"4", "4", "4"},
         {"5", "5", "5"},
         {"6", "6", "6"},
         {"7", "7", "7"},
         {"8", "8", "8"},
         {"9", "9", "9"},
         {"0", "0", "0"}},
        {{"-", "-", tr("trattino", kMarkOnly)},
         {"/", "/", tr("barra", kMarkOnly)},
         {".", ".", tr("punto", kMarkOnly)},
         {",", ",", tr("virgola", kMarkOnly)},
         {":", ":", tr("due punti", kMarkOnly)},
         {"(", "(", tr("parentesi aperta", kMarkOnly)},
         {")", ")", tr("parentesi chiusa", kMarkOnly)}},
        {{"\xE2\x82\xAC", "\xE2\x82\xAC", tr("euro", kMarkOnly)},
         {"%", "%", tr("per cento", kMarkOnly)},
         {"&", "&", tr("e commerciale", kMarkOnly)},
         {"+", "+", tr("pi\xC3\xB9", kMarkOnly)},
         backspaceRow[0]},
        {{nullptr, "ABC", "ABC", 2.0f, A::Layer},
         {" ", tr("Spazio", kMarkOnly), tr("Spazio", kMarkOnly), 5.0f},
         {nullptr, tr("Cancella", kMarkOnly), tr("Cancella", kMarkOnly), 3.0f, A::Clear}},
    };
    return layer == OnScreenKeyboard::Layer::Letters ? letters : numbers;
}

float keyGap(const Ui& ui) {
    return std::round(ui.met().mm(2.5f));
}

// A key: pressed look on the very next frame, the label in the semantic tree.
bool drawKey(Ui& ui, const Key& key, ImVec2 size, bool special) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    bool held = false;
    ImGui::PushID(key.label);
    const bool pressed = widgets::pressArea("##key", size, &held);
    ImGui::PopID();
    const Palette& p = ui.pal();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    const ImU32 bg = held ? p.surfacePressed : special ? p.primaryLight : p.surface;
    const ImU32 fg = special && !held ? p.primaryDark : p.text;
    dl->AddRectFilled(pos, max, bg, ui.met().radius);
    dl->AddRect(pos, max, p.border, ui.met().radius, 0, std::max(1.0f, ui.met().mm(0.4f)));
    ImFont* f = ui.fonts().bodyBold;
    const char* shown = tr(key.shown);  // words ("Spazio") in the visitor's language
    ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, shown);
    if (ts.x > size.x - ui.met().mm(2.0f)) {
        f = ui.fonts().small;
        ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, shown);
    }
    dl->AddText(
        f, f->FontSize,
        ImVec2(std::floor(pos.x + (size.x - ts.x) * 0.5f), std::floor(pos.y + (size.y - ts.y) * 0.5f)), fg,
        shown);
    ui.tree.add(Role::Button, tr(key.label), tr(key.label), widgets::visibleRect(pos, max), true);
    return pressed;
}

}  // namespace

float OnScreenKeyboard::keyHeight(const Ui& ui, float minKeyHeight) const {
    return std::round(
        std::max({ui.met().touchMin * 1.5f, ui.fonts().bodyBold->FontSize * 1.6f, minKeyHeight}));
}

float OnScreenKeyboard::height(const Ui& ui, float minKeyHeight) const {
    const auto& rows = rowsFor(m_layer);
    return static_cast<float>(rows.size()) * (keyHeight(ui, minKeyHeight) + keyGap(ui)) - keyGap(ui);
}

bool OnScreenKeyboard::draw(Ui& ui, QueryText& query, float width, float minKeyHeight) {
    const float gap = keyGap(ui);
    const float kh = keyHeight(ui, minKeyHeight);
    const float unit = std::floor((width - 9.0f * gap) / 10.0f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    bool changed = false;
    bool switchLayer = false;
    const auto& rows = rowsFor(m_layer);
    ImGui::PushID(m_layer == Layer::Letters ? "letters" : "numbers");
    float y = origin.y;
    for (const std::vector<Key>& row : rows) {
        float units = 0;
        for (const Key& k : row) units += k.units;
        const float rowW = units * unit + (units - 1.0f) * gap;
        float x = origin.x + std::floor((width - rowW) * 0.5f);  // shorter rows centred
        for (const Key& k : row) {
            const float w = k.units * unit + (k.units - 1.0f) * gap;
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            if (drawKey(ui, k, ImVec2(w, kh), k.action != A::Type || k.units > 1.0f)) {
                switch (k.action) {
                    case A::Type:
                        changed |= query.append(k.types);
                        break;
                    case A::Backspace:
                        changed |= query.backspace();
                        break;
                    case A::Clear:
                        changed |= query.clear();
                        break;
                    case A::Layer:
                        switchLayer = true;
                        break;
                }
            }
            x += w + gap;
        }
        y += kh + gap;
    }
    ImGui::PopID();
    ImGui::SetCursorScreenPos(ImVec2(origin.x, y - gap));
    ImGui::Dummy(ImVec2(width, 0));
    if (switchLayer) m_layer = m_layer == Layer::Letters ? Layer::Numbers : Layer::Letters;
    return changed;
}

}  // namespace vt
