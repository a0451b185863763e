// What `run`, `shoot` and `play` share: the configuration, the store (one writer, one reader),
// the content refresh, the window or surface, and the UI.
#pragma once

#include "args.h"

#include "core/config/config.h"
#include "core/store/database.h"
#include "platform/kiosk_host.h"
#include "ui/kiosk_ui.h"

#include <memory>
#include <string>

namespace vt {

// --config, else $VETRINA_CONFIG, else /etc/vetrina/vetrina.toml, else config/vetrina.toml.
std::string findConfigPath(const Args& args);
// Titillium Web next to the binary's share dir, in the source tree, or none (DejaVu).
std::string findFontDir();

// When the store at `dbPath` is damaged (storeIsCorrupt), moves it aside (kept for diagnosis) and
// logs it; true when it did. The next open creates a new store.
bool healCorruptStore(const std::string& dbPath);

// How a session uses the store: the kiosk (and the benches' own stores) write to it; shoot and
// play only look, so a live kiosk's store is left as it was (DESIGN.md "Time").
enum class StoreAccess { Live, Look };

struct KioskSession {
    Config config;
    Database writer;  // not open when looking
    Database reader;
    std::unique_ptr<KioskHost> host;
    std::unique_ptr<KioskUi> ui;

    // Opens config and store; --data-dir overrides the config's data directory (tests). A look at
    // a data folder with no store yet starts an empty one.
    static KioskSession open(const Args& args, StoreAccess access = StoreAccess::Live);
    // For a kiosk that cannot open its store for writing at start-up (read-only folder, store
    // locked): the store as it is, read-only, or an empty one in memory when it cannot even be read
    // (no store yet, or a lock that keeps readers out too). No writer; nothing is created on disk.
    static KioskSession openUnwritable(const Args& args);
    // Pulls every source once on the kiosk's trusted clock (shoot --sync, play --sync), as
    // `vetrina sync --once` does; the kiosk does it on the sync engine's thread.
    void syncNow();
    // Creates the window (or the off-screen surface when headless) and the UI.
    void createHost(int width, int height, bool fullscreen, bool headless);
};

}  // namespace vt
