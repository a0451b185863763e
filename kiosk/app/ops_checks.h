// The operations facts `vetrina status` and `vetrina doctor` print: the trusted clock (from
// <data>/clock.json, written by the running kiosk), the object cache against its budget, and the
// fleet reports waiting to be sent.
#pragma once

#include "core/config/config.h"
#include "core/store/database.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace vt {

struct OpsCheck {
    std::string id;      // "trusted_clock", "cache", "fleet"
    int level = 0;       // 0 ok, 1 warning, 2 error
    std::string it, en;  // plain sentences
};

// `config` may be null (`vetrina status --db`): then no budget and no fleet.
std::vector<OpsCheck> opsChecks(const std::string& dataDir, const Config* config, const Database& db,
                                UnixSeconds now);
nlohmann::json opsJson(const std::string& dataDir, const Config* config, const Database& db, UnixSeconds now);

}  // namespace vt
