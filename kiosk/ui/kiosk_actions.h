// What the maintenance panel can ask of the process around the UI; the app wires these to the
// real thing (sync, screenshot to disk, exit for systemd to restart), tests record them.
#pragma once

#include <functional>
#include <string>

namespace vt {

struct KioskActions {
    std::function<void()> refreshContent;        // pull every source now
    std::function<std::string()> takeScreenshot;  // returns the file written, or "" on failure
    std::function<void()> restart;               // exit so that systemd starts the kiosk again
    std::function<void()> quit;                  // stop the kiosk
    // Read-aloud of the current screen; absent when there is no audio output.
    std::function<void(const std::string& text, bool english)> speak;
    std::function<void()> stopSpeaking;
    std::function<bool()> isSpeaking;
    // An alert ("sender,identifier") appeared on screen: the app logs it once with the time
    // (recordAlertShown through a writer connection).
    std::function<void(const std::string& alertUid)> alertShown;
};

}  // namespace vt
