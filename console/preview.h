// The exact preview: a draft rendered by `vetrina shoot` — the code that draws the totem — on a
// scratch store of the published content plus the draft, at the instant the clerk picks. The
// child runs with limits and a timeout (child_process.h); the published folder is only read and
// the scratch folder is removed afterwards, also on failure.
#pragma once

#include "core/util/civil_time.h"

#include <map>
#include <string>
#include <vector>

namespace vt::console {

struct ConsoleConfig;

struct PreviewSettings {
    std::string vetrinaBinary;  // the kiosk binary, run headless
    std::string outDir;         // the published folder (manifest.json + objects/): read only
    // The town's kiosk config used as the base (town, coat of arms, panel size in mm, [kiosk]);
    // empty: a minimal one. Sources, fleet, screen sleep and the rest are left out of the copy.
    std::string kioskConfig;
    std::string scratchRoot;  // scratch folders are made here, one per preview
    int timeoutSeconds = 30;
    // Previews rendering at once in this process; the others wait for a slot up to the timeout.
    int maxConcurrent = 2;
};

struct PreviewRequest {
    // Content-relative path -> bytes: the draft's files ("notices/avviso.md", "media/avviso.png",
    // "events/festa.ics"); they replace or add to the published files.
    std::map<std::string, std::string> overlay;
    std::vector<std::string> removed;  // published paths the draft deletes
    // As `vetrina shoot --screen` (home, notices, notice:ID, event:ID...), where a notice or an
    // event may also be named by its file's id ("notice:avviso-neve"): resolved in the scratch store.
    std::string screen = "home";
    int width = 1080, height = 1920;
    std::string language = "it";
    UnixSeconds at = 0;   // the instant looked at (--at)
    UnixSeconds now = 0;  // the console's clock: the scratch store is imported at it
};

struct PreviewResult {
    bool ok = false;
    std::string png;                  // the image bytes
    std::string error;                // why not, for a clerk (Italian / English) and the child's last lines
    std::vector<std::string> issues;  // what importing the content reported (a draft's skipped item)
    double seconds = 0;               // the whole preview
};

// [preview] of the console's config, the published folder and <data_dir>/preview.
PreviewSettings previewSettingsFor(const ConsoleConfig& config);

PreviewResult renderPreview(const PreviewSettings& settings, const PreviewRequest& request);

// Width and height from a PNG's IHDR; false when the bytes are not a PNG.
bool pngSize(const std::string& png, int& width, int& height);

}  // namespace vt::console
