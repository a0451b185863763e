// Imports the sources that are plain local files (file:// or a path), used by the kiosk at start
// and by the demo. Remote sources belong to the sync engine.
#pragma once

#include "core/config/config.h"
#include "core/sources/importers.h"

#include <string>
#include <vector>

namespace vt {

struct SourceOutcome {
    std::string source;
    bool ok = false;
    std::string error;  // empty when ok
    ImportSummary summary;
};

bool isLocalSource(const SourceConfig& s);
std::vector<SourceOutcome> refreshLocalSources(Database& db, const Config& config, UnixSeconds now);

}  // namespace vt
