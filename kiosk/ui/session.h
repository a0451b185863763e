// What one visitor chose for themselves: text size, contrast, reach, language. The attract loop
// resets it to the defaults when the kiosk has been left alone (privacy and a clean start).
#pragma once

#include "core/i18n/language.h"

namespace vt {

enum class TextSize { Normal, Large, Larger };

struct Session {
    TextSize textSize = TextSize::Normal;
    bool highContrast = false;
    bool reach = false;  // every control within 380-1220 mm from the floor
    Language language = Language::Italian;

    bool operator==(const Session&) const = default;
};

inline float textScaleOf(TextSize s) {
    return s == TextSize::Normal ? 1.0f : s == TextSize::Large ? 1.25f : 1.5f;
}

}  // namespace vt
