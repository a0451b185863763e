// Translation of the kiosk's own words. Every message is written in Italian in the code inside
// tr("..."): xgettext extracts them into po/vetrina.pot, po/en.po translates them, msgfmt
// compiles it to locale/en/LC_MESSAGES/vetrina.mo next to the binary (share/vetrina/locale when
// installed), and Catalog reads it here. No setlocale(): the language is the visitor's, chosen
// per session, and set for each frame by KioskUi::frame.
#pragma once

#include "core/i18n/catalog.h"
#include "core/i18n/language.h"
#include "core/i18n/local_format.h"

#include <string>

namespace vt {

// The language the current frame is drawn in.
void setUiLanguage(Language l);
Language uiLanguage();
inline bool uiEnglish() {
    return uiLanguage() == Language::English;
}
// "it" / "en" for content variants.
inline const char* uiLanguageCode() {
    return languageCode(uiLanguage());
}

// The language of the small second line under titles and buttons: English under Italian, and
// Italian under English (a tourist then also sees the words written on the town's doors and
// papers, and an Italian who switched by mistake still reads their own language).
struct OtherLanguage {};
inline constexpr OtherLanguage kOther{};

// `msgid` (Italian) in the frame's language; the Italian itself when the catalog lacks it.
const char* tr(const char* msgid);
// In a given language, or in the other one (the second line).
const char* tr(const char* msgid, Language l);
const char* tr(const char* msgid, OtherLanguage);

// Both, for short labels: "Ufficio · Office" in Italian, "Office · Ufficio" in English (just
// one when the two are the same word).
struct BothLanguages {};
inline constexpr BothLanguages kBoth{};
std::string tr(const char* msgid, BothLanguages);

// Marks a message for extraction where it cannot be translated yet (static tables): returns
// `msgid` unchanged, and the table's user calls tr() on it when drawing.
struct MarkOnly {};
inline constexpr MarkOnly kMarkOnly{};
constexpr const char* tr(const char* msgid, MarkOnly) {
    return msgid;
}

// The English catalog in use (nullptr when none was found: English then shows Italian).
const Catalog* englishCatalog();
// Uses the catalog at `path` instead of the one found next to the binary (tests, tools).
bool loadEnglishCatalog(const std::string& path, std::string& error);
// Where the catalog was looked for, in order (for `vetrina doctor` and error messages).
std::string catalogSearchPath();

}  // namespace vt
