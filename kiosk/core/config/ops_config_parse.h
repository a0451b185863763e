// Parsing of [clock], [fleet] and [storage]; used by config.cpp only.
#pragma once

#include "core/config/ops_config.h"

#include <toml++/toml.h>

#include <string>

namespace vt {

struct Config;
// Fills config.clock, config.fleet and config.storage; ConfigError names file, line and key.
void parseOpsSections(const toml::table& root, Config& config, const std::string& path);

}  // namespace vt
