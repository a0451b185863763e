// Refuses the tables and keys the configuration does not know (core/config/config_keys.h).
#pragma once

#include <toml++/toml.h>

#include <string>

namespace vt {

// Throws ConfigError "file:line: unknown key "idle_secnds" in [kiosk]; did you mean
// "idle_seconds"?" for the first unknown table or key. Values are checked by the parser.
void checkConfigKeys(const toml::table& root, const std::string& file);

}  // namespace vt
