// CAP alerts on screen: the full-screen takeover (headline, description, instruction, sender,
// time; "Ho capito" after a few seconds) and the banner that stays at the top of every screen.
#pragma once

#include "core/alerts/alert_store.h"
#include "ui/touch_scroller.h"
#include "ui/ui_context.h"

#include <vector>

namespace vt {

// Seconds a takeover stays before "Ho capito" appears: time to start reading, not a reflex tap.
constexpr double kTakeoverReadSeconds = 5.0;

class AlertView {
public:
    // Draws the alert over the whole display; `shownFor` is how long it has been on screen.
    // Returns true when "Ho capito" was tapped.
    bool drawTakeover(Ui& ui, const ShownAlert& a, double shownFor, ImVec2 pos, ImVec2 size);
    void resetScroll() { m_scroller.stop(); }

private:
    TouchScroller m_scroller;
};

// The banner's height for `count` alerts (0: none).
float alertBannerHeight(const Ui& ui, size_t count);
// Draws the banner lines (at most three alerts); returns the index of a tapped alert, or -1.
int drawAlertBanner(Ui& ui, const std::vector<ShownAlert>& alerts, ImVec2 pos, float width);

// "Estrema", "Grave"... in words for CAP severity; "" when unknown.
std::string severityIt(const std::string& capSeverity);

}  // namespace vt
