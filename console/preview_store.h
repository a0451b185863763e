// The store a preview looks at: the published content with a draft laid over it, imported into a
// kiosk store by the same core code the kiosk's sync runs (importBuffer per manifest file, a
// notice's image read next to it). The published folder is only read.
#pragma once

#include "core/sources/importers.h"
#include "core/store/database.h"
#include "core/util/civil_time.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace vt::console {

struct PreviewContent {
    std::string outDir;  // the published folder (manifest.json + objects/); no manifest: the draft alone
    // Content-relative path -> bytes ("notices/avviso.md", "media/avviso.png"): replace or add.
    std::map<std::string, std::string> overlay;
    std::vector<std::string> removed;      // published paths the draft deletes
    std::string sourceName = "contenuti";  // items are stored as the kiosk stores them: "<source>/<path>"
    ImportOptions options;                 // as the kiosk's manifest source asks (importOptionsFor)
    UnixSeconds now = 0;                   // the import instant (albo purge)
};

struct PreviewStoreResult {
    bool ok = false;
    std::string error;                // why nothing usable was built (Italian / English)
    std::vector<std::string> issues;  // what the import reported, "notices/x.md:3: ..."
    std::int64_t revision = 0;        // the published revision laid under the draft (0: none)
    int files = 0;                    // files imported
    int items = 0;                    // items imported
};

// Imports everything into `db` (a new, empty kiosk store) in one transaction.
PreviewStoreResult buildPreviewStore(const PreviewContent& content, Database& db);

// `vetrina shoot` opens a notice or an event by its row in the store, which only the scratch store
// knows: "notice:avviso" (the file's id) becomes "notice:17" there; numbers and other screens are
// kept. Empty, with `error` set, when the store has no such item.
std::string resolveScreen(const Database& db, const std::string& screen, std::string& error);

}  // namespace vt::console
