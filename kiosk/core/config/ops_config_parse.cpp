#include "core/config/ops_config_parse.h"

#include "core/config/config.h"
#include "core/config/toml_values.h"
#include "core/util/files.h"
#include "core/util/text.h"
#include "core/util/url_policy.h"

namespace vt {

namespace {

std::string at(const std::string& file, const toml::node& n) {
    return tomlWhere(file, n);
}

double number(const toml::table& t, const char* key, double fallback, double min, double max,
              const std::string& file) {
    return tomlNumber(t, key, fallback, min, max, file);
}

std::string text(const toml::table& t, const char* key, const std::string& file) {
    const toml::node* n = t.get(key);
    if (!n) return {};
    auto v = n->value<std::string>();
    if (!v) throw ConfigError(at(file, *n) + ": \"" + key + "\" must be a string");
    return *v;
}

}  // namespace

void parseOpsSections(const toml::table& root, Config& c, const std::string& path) {
    if (const toml::table* t = root["clock"].as_table())
        c.clock.maxSkewSeconds =
            static_cast<int>(number(*t, "max_skew_seconds", c.clock.maxSkewSeconds, 5, 86400, path));

    if (const toml::table* t = root["fleet"].as_table()) {
        FleetConfig& f = c.fleet;
        f.url = text(*t, "url", path);
        const std::string u = f.url;
        // The reports carry the bearer token: checked on the host curl will really connect to.
        if (const UrlCheck check = checkUrl(u, UrlUse::Fleet); !u.empty() && !check.ok)
            throw ConfigError(at(path, *t->get("url")) +
                              ": fleet.url must be https:// (http://127.0.0.1 only for tests), not \"" + u +
                              "\": " + check.why);
        f.token = text(*t, "token", path);
        if (const std::string tokenFile = text(*t, "token_file", path); !tokenFile.empty()) {
            if (!f.token.empty())
                throw ConfigError(at(path, *t->get("token_file")) +
                                  ": give fleet.token or fleet.token_file, not both");
            const std::string file = c.resolve(tokenFile);
            auto bytes = readFile(file, 4096);
            if (!bytes)
                throw ConfigError(at(path, *t->get("token_file")) + ": cannot read fleet.token_file " + file);
            f.token = trim(*bytes);
        }
        if (f.token.find_first_of("\r\n") != std::string::npos)
            throw ConfigError(at(path, *t) + ": the fleet token must be one line");
        f.deviceId = text(*t, "device_id", path);
        f.intervalMinutes = number(*t, "interval", f.intervalMinutes, 0.01, 24 * 60, path);
        f.screenshotEveryMinutes =
            static_cast<int>(number(*t, "screenshot_every", f.screenshotEveryMinutes, 0, 7 * 24 * 60, path));
        f.queueMax = static_cast<int>(number(*t, "queue_max", f.queueMax, 1, 10000, path));
        if (!f.url.empty() && f.token.empty())
            throw ConfigError(at(path, *t) + ": [fleet] has a url but no token (or token_file)");
    }

    if (const toml::table* t = root["storage"].as_table()) {
        c.storage.cacheBytes =
            static_cast<std::uint64_t>(number(*t, "cache_mb", 0, 0, 1 << 24, path) * 1048576.0);
        if (const toml::node* n = t->get("verify_at_start")) {
            auto v = n->value<bool>();
            if (!v) throw ConfigError(at(path, *n) + ": \"verify_at_start\" must be true or false");
            c.storage.verifyAtStart = *v;
        }
    }
}

}  // namespace vt
