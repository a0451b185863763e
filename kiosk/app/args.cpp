#include "args.h"

#include <algorithm>
#include <cstdio>

namespace vt {

Args::Args(int argc, char** argv, int first, std::vector<std::string> flags) {
    for (int i = first; i < argc; ++i) {
        std::string a = argv[i];
        if (a.rfind("--", 0) == 0 && a.size() > 2) {
            std::string key = a.substr(2);
            const size_t eq = key.find('=');
            if (eq != std::string::npos) {
                m_values[key.substr(0, eq)] = key.substr(eq + 1);
            } else if (std::find(flags.begin(), flags.end(), key) != flags.end()) {
                m_flags.push_back(key);
            } else {
                if (i + 1 >= argc) throw UsageError("option --" + key + " needs a value");
                m_values[key] = argv[++i];
            }
        } else {
            m_positional.push_back(a);
        }
    }
}

std::optional<std::string> Args::get(const std::string& key) const {
    auto it = m_values.find(key);
    if (it == m_values.end()) return std::nullopt;
    return it->second;
}

std::string Args::require(const std::string& key) const {
    auto v = get(key);
    if (!v) throw UsageError("missing --" + key);
    return *v;
}

bool Args::has(const std::string& flag) const {
    return std::find(m_flags.begin(), m_flags.end(), flag) != m_flags.end();
}

void Args::allowOnly(const std::vector<std::string>& known) const {
    auto ok = [&](const std::string& k) { return std::find(known.begin(), known.end(), k) != known.end(); };
    for (const auto& [k, v] : m_values)
        if (!ok(k)) throw UsageError("unknown option --" + k);
    for (const auto& f : m_flags)
        if (!ok(f)) throw UsageError("unknown option --" + f);
}

bool parseSize(const std::string& s, int& w, int& h) {
    char x = 0;
    char extra = 0;
    return std::sscanf(s.c_str(), "%d%c%d%c", &w, &x, &h, &extra) == 3 && (x == 'x' || x == 'X') &&
           w >= 200 && h >= 200 && w <= 8192 && h <= 8192;
}

}  // namespace vt
