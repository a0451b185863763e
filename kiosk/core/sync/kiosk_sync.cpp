#include "core/sync/kiosk_sync.h"

#include <filesystem>

namespace vt {

namespace {
Database openStore(const Config& config) {
    std::filesystem::create_directories(config.dataDir);
    return Database::open(config.databasePath());
}
}  // namespace

KioskSync::KioskSync(const Config& config)
    : clock(config.clock.maxSkewSeconds), engine(config, openStore(config)) {
    clock.setStatePath(config.dataDir + "/clock.json");
    clock.load();
    engine.setClock(&clock);
}

}  // namespace vt
