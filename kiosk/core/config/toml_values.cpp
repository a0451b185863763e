#include "core/config/toml_values.h"

#include "core/config/config.h"

#include <cstdint>

namespace vt {

std::string tomlWhere(const std::string& file, const toml::node& n) {
    return file + ":" + std::to_string(n.source().begin.line);
}

double tomlNumber(const toml::table& t, const char* key, double fallback, double min, double max,
                  const std::string& file, const char* what) {
    const toml::node* n = t.get(key);
    if (!n) return fallback;
    double v = 0;
    if (auto i = n->value_exact<std::int64_t>())
        v = static_cast<double>(*i);
    else if (auto d = n->value_exact<double>())
        v = *d;
    else
        throw ConfigError(tomlWhere(file, *n) + ": \"" + key + "\" must be " + what);
    if (!(v >= min && v <= max))
        throw ConfigError(tomlWhere(file, *n) + ": \"" + key + "\" must be between " + std::to_string(min) +
                          " and " + std::to_string(max));
    return v;
}

}  // namespace vt
