// What a screen gets each frame: the frame context, navigation, and the read side of the store.
#pragma once

#include "core/config/config.h"
#include "core/store/database.h"
#include "ui/kiosk_actions.h"
#include "ui/navigation.h"
#include "ui/session.h"
#include "ui/ui_context.h"

#include <cstdint>

namespace vt {

struct ScreenEnv {
    Ui& ui;
    Navigator& nav;
    Session& session;
    const KioskActions& actions;
    const SyncOverview& sync;  // refreshed on content changes and each minute, not per frame
    const Config& config;
    const Database& db;
    std::uint64_t contentVersion;  // bumps whenever the store changed
    ImVec2 pos;                    // the area the screen may use
    ImVec2 size;
};

}  // namespace vt
