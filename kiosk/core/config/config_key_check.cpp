#include "core/config/config_key_check.h"

#include "core/config/config.h"
#include "core/config/config_keys.h"
#include "core/search/search.h"
#include "core/util/text.h"

#include <algorithm>

namespace vt {

namespace {

const ConfigTable* findTable(const std::string& name) {
    for (const ConfigTable& t : configTables())
        if (t.name == name) return &t;
    return nullptr;
}

bool isTopLevel(const ConfigTable& t) {
    return t.name.find('.') == std::string::npos;
}

std::string label(const ConfigTable& t) {
    return t.array ? "[[" + t.name + "]]" : "[" + t.name + "]";
}

// The key's own line (a table's is its header); the value's when toml++ gives none.
std::string where(const std::string& file, const toml::key& k, const toml::node& v) {
    const auto line = k.source().begin.line ? k.source().begin.line : v.source().begin.line;
    return file + ":" + std::to_string(line);
}

// The closest of `candidates` within a few edits of `word` ("idle_secnds": "idle_seconds"), or "".
std::string nearest(const std::string& word, const std::vector<std::string>& candidates) {
    const std::string w = toLowerAscii(word);
    int best = w.size() <= 4 ? 1 : w.size() <= 8 ? 2 : 3;
    std::string found;
    for (const std::string& c : candidates)
        if (const int d = editDistance(w, c); d <= best && (found.empty() || d < best)) {
            best = d;
            found = c;
        }
    return found;
}

// A known key written in the wrong table: "data_dir" under [kiosk] belongs in [paths].
std::string homes(const std::string& key) {
    std::string out;
    for (const ConfigTable& t : configTables())
        if (std::find(t.keys.begin(), t.keys.end(), key) != t.keys.end())
            out += (out.empty() ? "" : " or ") + label(t);
    return out;
}

// Where the key belongs, or the nearest of `here`; a table is suggested by its header
// ("[display]", "[source.mapping]"), a key by its name.
std::string hint(const std::string& key, const std::vector<std::string>& here,
                 const std::string& tablePrefix) {
    if (const std::string h = homes(key); !h.empty()) return " (it belongs in " + h + ")";
    const std::string n = nearest(key, here);
    if (n.empty()) return {};
    if (const ConfigTable* t = findTable(tablePrefix + n)) return "; did you mean " + label(*t) + "?";
    return "; did you mean \"" + n + "\"?";
}

// `in` says which table for the message: "[kiosk]", "[[source]] \"albo\"".
void checkTable(const toml::table& t, const ConfigTable& spec, const std::string& in,
                const std::string& file) {
    std::vector<std::string> here = spec.keys;
    for (const ConfigTable& sub : configTables())
        if (startsWith(sub.name, spec.name + ".")) here.push_back(sub.name.substr(spec.name.size() + 1));
    for (const auto& [k, v] : t) {
        const std::string key(k.str());
        if (const ConfigTable* sub = findTable(spec.name + "." + key)) {
            // A mapping that is not a table is the parser's error to report.
            if (const toml::table* st = v.as_table()) checkTable(*st, *sub, label(*sub) + " of " + in, file);
            continue;
        }
        if (std::find(spec.keys.begin(), spec.keys.end(), key) != spec.keys.end()) continue;
        const std::string what =
            v.is_table() ? "table [" + spec.name + "." + key + "]" : "key \"" + key + "\"";
        throw ConfigError(where(file, k, v) + ": unknown " + what + " in " + in +
                          hint(key, here, spec.name + "."));
    }
}

}  // namespace

void checkConfigKeys(const toml::table& root, const std::string& file) {
    std::vector<std::string> tableNames;
    for (const ConfigTable& t : configTables())
        if (isTopLevel(t)) tableNames.push_back(t.name);
    for (const auto& [k, v] : root) {
        const std::string key(k.str());
        const ConfigTable* spec = findTable(key);
        if (!spec || !isTopLevel(*spec)) {
            if (v.is_table() || v.is_array_of_tables())
                throw ConfigError(where(file, k, v) + ": unknown table " +
                                  (v.is_array_of_tables() ? "[[" + key + "]]" : "[" + key + "]") +
                                  hint(key, tableNames, ""));
            throw ConfigError(where(file, k, v) + ": key \"" + key + "\" is outside any table" +
                              hint(key, {}, ""));
        }
        if (const toml::table* t = v.as_table()) {
            checkTable(*t, *spec, label(*spec), file);
        } else if (const toml::array* a = v.as_array(); a && spec->array) {
            for (const toml::node& e : *a)
                if (const toml::table* et = e.as_table()) {
                    const auto name = (*et)["name"].value<std::string>();
                    checkTable(*et, *spec, label(*spec) + (name ? " \"" + *name + "\"" : ""), file);
                }
        } else if (!spec->array) {
            throw ConfigError(where(file, k, v) + ": \"" + key + "\" must be a table (" + label(*spec) + ")");
        }
        // Any other shape of [[source]] is refused by the parser with its own message.
    }
}

}  // namespace vt
