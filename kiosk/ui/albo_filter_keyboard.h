// The small on-screen keyboard of the albo's "Filtra" field: digits, letters, space, delete,
// clear and done, in keys of at least 12 mm. (The full search keyboard lives elsewhere.)
#pragma once

#include "ui/ui_context.h"

#include <string>

namespace vt {

class AlboFilterKeyboard {
public:
    enum class Outcome { None, Changed, Done };

    // The height the keyboard needs at `width`.
    static float height(const Ui& ui, float width);
    // Draws at the cursor, `width` wide; edits `text` (at most kMaxChars characters).
    Outcome draw(Ui& ui, std::string& text, float width);

    static constexpr size_t kMaxChars = 40;
};

}  // namespace vt
