// The two languages of the kiosk. Italian is the source language: every message is written in
// Italian in the code and translated through a catalog (po/en.po).
#pragma once

namespace vt {

enum class Language { Italian, English };

// "it" or "en": the code content items use for their language variants.
inline const char* languageCode(Language l) {
    return l == Language::English ? "en" : "it";
}

}  // namespace vt
