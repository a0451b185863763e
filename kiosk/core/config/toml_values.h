// Small readers of TOML values shared by the config's sections: every error names the file and
// the line of the value, as the rest of the config does.
#pragma once

#include <toml++/toml.h>

#include <string>

namespace vt {

// "file:line" of a node, for error messages.
std::string tomlWhere(const std::string& file, const toml::node& n);

// An integer or a float in [min, max]; `fallback` when the key is absent. `what` completes
// "must be ..." in the error ("a number", "a number of seconds").
double tomlNumber(const toml::table& t, const char* key, double fallback, double min, double max,
                  const std::string& file, const char* what = "a number");

}  // namespace vt
