// The demo town's content (content/ in the source tree) as [[source]] entries of a kiosk config:
// what the bench and the long run show besides their own generated feeds.
#pragma once

#include <string>

namespace vt {

// One [[source]] table in TOML.
std::string sourceEntry(const std::string& name, const std::string& kind, const std::string& url);

// Events, synonyms, every notice, office and sheet under `contentDir`, each file its own source.
std::string demoContentSources(const std::string& contentDir);

}  // namespace vt
