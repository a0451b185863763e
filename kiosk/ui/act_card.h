// The card of one act in a list (albo screen, home): type, number, subject on two lines, dates.
#pragma once

#include "core/model/act.h"
#include "ui/ui_context.h"

#include <string>

namespace vt {

struct ActCard {
    std::int64_t id = 0;
    std::string type;            // upper case, as a label
    std::string number;          // "N. 2026/123"
    std::string subject;         // displayable
    CivilDate pubStart, pubEnd;  // written "Dal 12/11/2026 al 27/11/2026" in the frame's language
    bool endsToday = false;
    bool annulled = false;  // still listed, with the word "ANNULLATO"

    static ActCard from(const Act& a, CivilDate today);
};

float actCardHeight(const Ui& ui);
// Draws the card at the cursor; true when tapped.
bool drawActCard(Ui& ui, const ActCard& card, ImVec2 size);

}  // namespace vt
