#include "ui/language_button.h"

#include "ui/widgets.h"

namespace vt {

void languageButton(ScreenEnv& env, ImVec2 size) {
    // Not through the catalog: each label is written in the language it switches to.
    const bool english = env.session.language == Language::English;
    const char* label = english ? "Italiano" : "English";
    const char* line = english ? "Leggi in italiano" : "Read in English";
    if (widgets::button(env.ui, "##language", label, line, size, widgets::ButtonStyle::Primary))
        env.session.language = english ? Language::Italian : Language::English;
}

}  // namespace vt
