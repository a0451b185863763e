// What the maintenance panel can ask of the process around the UI; the app wires these to the
// real thing (sync, screenshot to disk, exit for systemd to restart), tests record them.
#pragma once

#include "core/sync/sync_status.h"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace vt {

struct KioskActions {
    std::function<void()> refreshContent;        // pull every source now
    std::function<SyncOverview()> syncOverview;  // last update, offline: the header's status line
    // Anonymous "did you find it?" counts: kind "act" or "sheet", face 1 no, 2 partly, 3 yes.
    std::function<void(const std::string& kind, const std::string& item, int face)> recordFeedback;
    std::function<std::string()> takeScreenshot;  // returns the file written, or "" on failure
    std::function<void()> restart;                // exit so that systemd starts the kiosk again
    std::function<void()> quit;                   // stop the kiosk
    // Read-aloud of the current screen; absent when there is no audio output.
    std::function<void(const std::string& text, bool english)> speak;
    std::function<void()> stopSpeaking;
    std::function<bool()> isSpeaking;
    // A finished search that found nothing, counted for the staff (the UI's store is read-only).
    std::function<void(const std::string& query)> recordSearchMiss;
    // An alert ("sender,identifier") appeared on screen: the app logs it once with the time
    // (recordAlertShown through a writer connection).
    std::function<void(const std::string& alertUid)> alertShown;
    // A screen was opened ("albo", "search"...: the kind only, never the item), for the fleet's
    // anonymous usage counts.
    std::function<void(const std::string& screen)> screenOpened;
    // Operations facts for the maintenance panel: (label, plain sentence) pairs, e.g.
    // ("Orologio", "Orologio corretto di +3 h 12 min dal server").
    std::function<std::vector<std::pair<std::string, std::string>>()> opsNotes;
};

}  // namespace vt
