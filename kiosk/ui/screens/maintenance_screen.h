// The maintenance panel for the technician: what the kiosk runs and holds, and the few actions
// that fix things in the field. Reached only through the hidden gesture and the PIN.
#pragma once

#include "ui/kiosk_actions.h"
#include "ui/screen_env.h"
#include "ui/touch_scroller.h"

#include <string>
#include <utility>

namespace vt {

class MaintenanceScreen {
public:
    // Returns true when the technician leaves the panel.
    bool draw(ScreenEnv& env, UnixSeconds startedAt);
    // "Mostra un avviso di prova" was tapped since the last call.
    bool takeTestAlertRequest() { return std::exchange(m_testAlertRequested, false); }
    // Forgets a question left open ("Chiudere Vetrina?") when the session ends.
    void reset() { m_confirmQuit = false; }

private:
    TouchScroller m_scroller;
    std::string m_lastAction;
    bool m_testAlertRequested = false;
    bool m_confirmQuit = false;  // "Chiudi Vetrina" tapped: the question replaces the panel
};

}  // namespace vt
