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

struct KioskSession {
    Config config;
    Database writer;
    Database reader;
    std::unique_ptr<KioskHost> host;
    std::unique_ptr<KioskUi> ui;

    // Opens config and store; --data-dir overrides the config's data directory (tests).
    static KioskSession open(const Args& args);
    // Pulls every source once, now (shoot, play); the kiosk does it on the sync engine's thread.
    void syncNow(UnixSeconds now);
    // Creates the window (or the off-screen surface when headless) and the UI.
    void createHost(int width, int height, bool fullscreen, bool headless);
};

}  // namespace vt
