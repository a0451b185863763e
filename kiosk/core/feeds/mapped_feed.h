// Any other vendor's JSON or XML list of acts, read through a mapping in the kiosk config:
//
//   [source.mapping]
//   items   = "/data/atti"        # JSON pointer to the array of acts, or XPath to the act nodes
//   uid     = "/numero"           # or year = "/anno" and number = "/numero"
//   subject = "/oggetto"
//   start   = "/inizio"           # any date shape the feeds use
//   end     = "/fine"
//   ...
//
// For JSON the field paths are JSON pointers relative to each act; for XML they are XPath
// expressions relative to each act node ("numero", "@id", "date/inizio"). "format" is "json" or
// "xml" (default: told from the first character).
#pragma once

#include "core/feeds/albopop_rss.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace vt {

using FieldMapping = std::map<std::string, std::string>;

// The keys a mapping may use.
const std::vector<std::string>& mappingKeys();
// Empty when the mapping can be used; otherwise what is wrong with it (unknown key, missing
// items/subject/number/start, a path that is not a JSON pointer...).
std::string checkMapping(const FieldMapping& mapping);

// A mapping that cannot be used is fatal for the source.
AlboFeed parseMappedFeed(std::string_view bytes, const FieldMapping& mapping, const std::string& sourceName);

}  // namespace vt
