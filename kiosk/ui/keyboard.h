// The on-screen Italian keyboard of the search screen. The query is a plain string edited by the
// keys (no ImGui::InputText: a tapped key would steal its focus); the edits are a pure model.
#pragma once

#include "ui/ui_context.h"

#include <string>
#include <string_view>

namespace vt {

// Edits of the query text, whole UTF-8 code points at a time.
struct QueryText {
    static constexpr size_t kMaxBytes = 120;  // a kiosk query is a few words

    std::string text;

    // Appends one key's text (a code point or a short string); false when it would be too long.
    bool append(std::string_view utf8);
    // Removes the last code point ("città" -> "citt"); false when already empty.
    bool backspace();
    // Empties the text; false when already empty.
    bool clear();
};

class OnScreenKeyboard {
public:
    enum class Layer { Letters, Numbers };

    // Keys are at least 18 mm high and fit the text size; `minKeyHeight` asks for taller keys
    // where there is room (portrait).
    float keyHeight(const Ui& ui, float minKeyHeight = 0) const;
    float height(const Ui& ui, float minKeyHeight = 0) const;
    // Draws at the cursor, `width` wide; true when a key changed `query`.
    bool draw(Ui& ui, QueryText& query, float width, float minKeyHeight = 0);
    Layer layer() const { return m_layer; }
    void reset() { m_layer = Layer::Letters; }

private:
    Layer m_layer = Layer::Letters;
};

}  // namespace vt
