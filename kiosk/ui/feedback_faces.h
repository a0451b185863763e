// "Hai trovato quello che cercavi?" with three faces at the end of a sheet or an act. The answer
// goes to anonymous counts through KioskActions::recordFeedback; a thank-you replaces the faces.
#pragma once

#include "ui/kiosk_actions.h"
#include "ui/ui_context.h"

#include <string>

namespace vt {

class FeedbackFaces {
public:
    // `kind` is "act" or "sheet", `item` its uid or id.
    void draw(Ui& ui, const KioskActions& actions, const std::string& kind, const std::string& item,
              float width);

private:
    std::string m_answered;  // kind/item already answered in this visit
};

}  // namespace vt
