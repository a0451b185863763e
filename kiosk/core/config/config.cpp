#include "core/config/config.h"

#include "core/config/config_key_check.h"
#include "core/config/ops_config_parse.h"
#include "core/config/toml_values.h"

#include "core/feeds/mapped_feed.h"
#include "core/schedule/opening_hours.h"
#include "core/sources/importers.h"
#include "core/sync/minisign.h"
#include "core/util/text.h"
#include "core/util/url_policy.h"

#include <toml++/toml.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>
#include <type_traits>

namespace vt {

namespace fs = std::filesystem;

double DisplayConfig::effectivePixelsPerMm() const {
    if (pixelsPerMm > 0) return pixelsPerMm;
    const double diagonalPx = std::sqrt(double(width) * width + double(height) * height);
    return diagonalPx / (diagonalInches * 25.4);
}

std::string Config::resolve(const std::string& pathOrUrl) const {
    std::string p = pathOrUrl;
    if (startsWith(p, "file://"))
        p = p.substr(7);
    else if (p.find("://") != std::string::npos)
        return p;
    if (p.empty()) return p;
    fs::path path(p);
    if (path.is_relative()) path = fs::path(baseDir) / path;
    return path.lexically_normal().string();
}

namespace {

std::string where(const std::string& file, const toml::node& n) {
    return tomlWhere(file, n);
}

template <typename T>
T get(const toml::table& t, const char* key, T fallback, const std::string& file) {
    const toml::node* n = t.get(key);
    if (!n) return fallback;
    // Integers only from integer values: toml++'s value<int64_t>() would also convert a float,
    // and a float beyond the range of a long is undefined (found by the config fuzzer).
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
        if (auto v = n->value_exact<T>()) return *v;
    } else if (auto v = n->value<T>()) {
        return *v;
    }
    throw ConfigError(where(file, *n) + ": \"" + key + "\" has the wrong type");
}

// Seconds as an integer or a float ("0.5" keeps test timeouts short).
double getSeconds(const toml::table& t, const char* key, double fallback, double min, double max,
                  const std::string& file) {
    return tomlNumber(t, key, fallback, min, max, file, "a number of seconds");
}

std::int64_t getInt(const toml::table& t, const char* key, std::int64_t fallback, std::int64_t min,
                    std::int64_t max, const std::string& file) {
    const toml::node* n = t.get(key);
    if (!n) return fallback;
    auto v = n->value_exact<std::int64_t>();
    if (!v) throw ConfigError(where(file, *n) + ": \"" + key + "\" must be an integer");
    if (*v < min || *v > max)
        throw ConfigError(where(file, *n) + ": \"" + key + "\" must be between " + std::to_string(min) +
                          " and " + std::to_string(max));
    return *v;
}

SyncLimits parseLimits(const toml::table& t, SyncLimits l, const std::string& file) {
    l.connectTimeoutSeconds =
        getSeconds(t, "connect_timeout_seconds", l.connectTimeoutSeconds, 0.05, 300, file);
    l.timeoutSeconds = getSeconds(t, "timeout_seconds", l.timeoutSeconds, 0.1, 86400, file);
    l.lowSpeedBytes = static_cast<int>(getInt(t, "low_speed_bytes", l.lowSpeedBytes, 1, 1 << 30, file));
    l.lowSpeedSeconds = static_cast<int>(getInt(t, "low_speed_seconds", l.lowSpeedSeconds, 1, 3600, file));
    l.maxBytes = getInt(t, "max_bytes", l.maxBytes, 1024, 4ll << 30, file);
    l.attachmentMaxBytes = getInt(t, "attachment_max_mb", l.attachmentMaxBytes >> 20, 1, 1024, file) << 20;
    return l;
}

// "" when the source's URL is allowed, else why not.
std::string urlProblem(const std::string& url) {
    // A local path, or file:// resolved against the config's directory.
    if (url.find("://") == std::string::npos || startsWith(url, "file://")) return {};
    UrlCheck c = checkUrl(url, UrlUse::Source);
    return c.ok ? std::string() : std::move(c.why);
}

}  // namespace

Config parseConfig(const std::string& text, const std::string& path) {
    toml::table root;
    try {
        root = toml::parse(text, path);
    } catch (const toml::parse_error& e) {
        throw ConfigError(path + ":" + std::to_string(e.source().begin.line) + ": " +
                          std::string(e.description()));
    }
    checkConfigKeys(root, path);
    Config c;
    c.file = path;
    c.baseDir = fs::absolute(fs::path(path)).parent_path().string();

    if (const toml::table* town = root["town"].as_table()) {
        c.town.name = get<std::string>(*town, "name", c.town.name, path);
        c.town.coatOfArms = get<std::string>(*town, "coat_of_arms", "", path);
        c.town.officialAlboUrl = get<std::string>(*town, "official_albo_url", "", path);
        if (!c.town.coatOfArms.empty()) c.town.coatOfArms = c.resolve(c.town.coatOfArms);
        if (const toml::node* p = town->get("patron_day")) {
            const std::string v = p->value<std::string>().value_or("");
            auto d = parseIsoDate("2000-" + v);  // a leap year, so 02-29 is accepted
            if (v.size() != 5 || !d) throw ConfigError(where(path, *p) + ": patron_day must be \"MM-DD\"");
            c.town.patronDay = d;
        }
    }
    if (const toml::table* mt = root["maintenance"].as_table()) {
        c.maintenance.pinHash = get<std::string>(*mt, "pin_hash", "", path);
        if (!c.maintenance.pinHash.empty() && c.maintenance.pinHash.rfind("$argon2", 0) != 0)
            throw ConfigError(where(path, *mt) +
                              ": maintenance.pin_hash is not a hash from `vetrina pin-hash` "
                              "(a plain PIN must never be written in the configuration)");
        c.maintenance.pauseMinutes =
            static_cast<int>(getInt(*mt, "pause_minutes", c.maintenance.pauseMinutes, 5, 240, path));
    }
    std::string dataDir = "data";
    if (const toml::table* paths = root["paths"].as_table())
        dataDir = get<std::string>(*paths, "data_dir", dataDir, path);
    c.dataDir = c.resolve(dataDir);

    if (const toml::table* d = root["display"].as_table()) {
        c.display.width = static_cast<int>(getInt(*d, "width", c.display.width, 320, 8192, path));
        c.display.height = static_cast<int>(getInt(*d, "height", c.display.height, 320, 8192, path));
        c.display.fullscreen = get<bool>(*d, "fullscreen", c.display.fullscreen, path);
        c.display.pixelsPerMm = get<double>(*d, "pixels_per_mm", 0.0, path);
        c.display.diagonalInches = get<double>(*d, "diagonal_inches", c.display.diagonalInches, path);
        if (c.display.width < 320 || c.display.height < 320 || c.display.width > 8192 ||
            c.display.height > 8192)
            throw ConfigError(where(path, *d) + ": display size " + std::to_string(c.display.width) + "x" +
                              std::to_string(c.display.height) + " is out of range");
        if (c.display.diagonalInches <= 3 || c.display.diagonalInches > 150)
            throw ConfigError(where(path, *d) + ": diagonal_inches must be between 3 and 150");
        c.display.mountBottomMm = get<double>(*d, "mount_bottom_mm", c.display.mountBottomMm, path);
        if (c.display.mountBottomMm < 0 || c.display.mountBottomMm > 2500)
            throw ConfigError(where(path, *d) + ": mount_bottom_mm must be between 0 and 2500");
    }

    if (const toml::table* k = root["kiosk"].as_table()) {
        c.kiosk.language = get<std::string>(*k, "language", c.kiosk.language, path);
        c.kiosk.showExercises = get<bool>(*k, "show_exercises", false, path);
        c.kiosk.idleSeconds =
            static_cast<int>(getInt(*k, "idle_seconds", c.kiosk.idleSeconds, 15, 3600, path));
        if (const toml::node* g = k->get("geocodes")) {
            const toml::array* arr = g->as_array();
            if (!arr) throw ConfigError(where(path, *g) + ": \"geocodes\" must be an array of strings");
            for (const toml::node& n : *arr) {
                auto v = n.value<std::string>();
                if (!v || trim(*v).empty())
                    throw ConfigError(where(path, n) + ": each geocode must be a non-empty string");
                c.kiosk.geocodes.push_back(trim(*v));
            }
        }
        for (auto [key, into, limit] : {std::tuple{"latitude", &c.kiosk.latitude, 90.0},
                                        std::tuple{"longitude", &c.kiosk.longitude, 180.0}}) {
            const toml::node* n = k->get(key);
            if (!n) continue;
            auto v = n->value<double>();
            if (!v || *v < -limit || *v > limit)
                throw ConfigError(where(path, *n) + ": \"" + key + "\" must be a number between " +
                                  std::to_string(-limit) + " and " + std::to_string(limit));
            *into = *v;
        }
        if (c.kiosk.latitude.has_value() != c.kiosk.longitude.has_value())
            throw ConfigError(where(path, *k) + ": give both latitude and longitude, or neither");
    }
    if (const toml::table* sc = root["screen"].as_table()) {
        c.screen.sleep = get<std::string>(*sc, "sleep", "", path);
        if (!c.screen.sleep.empty()) {
            try {
                (void)OpeningHours::parse(c.screen.sleep);
            } catch (const OpeningHoursError& e) {
                throw ConfigError(where(path, *sc->get("sleep")) + ": sleep: " + e.what());
            }
        }
        c.screen.wakeOnTouch = get<bool>(*sc, "wake_on_touch", true, path);
        for (auto [key, into] :
             {std::pair{"off_command", &c.screen.offCommand}, std::pair{"on_command", &c.screen.onCommand}}) {
            const toml::node* n = sc->get(key);
            if (!n) continue;
            const toml::array* arr = n->as_array();
            if (!arr || arr->empty())
                throw ConfigError(where(path, *n) + ": \"" + key +
                                  "\" must be a non-empty array of strings (program and arguments)");
            for (const toml::node& e : *arr) {
                auto v = e.value<std::string>();
                if (!v || v->empty())
                    throw ConfigError(where(path, e) + ": each word of \"" + key +
                                      "\" must be a non-empty string");
                into->push_back(*v);
            }
        }
    }
    if (const toml::table* sy = root["sync"].as_table()) {
        c.sync.limits = parseLimits(*sy, c.sync.limits, path);
        c.sync.minFreeBytes = getInt(*sy, "min_free_mb", c.sync.minFreeBytes >> 20, 0, 1 << 20, path) << 20;
        c.sync.maxBackoffSeconds =
            static_cast<int>(getInt(*sy, "max_backoff_seconds", c.sync.maxBackoffSeconds, 1, 86400, path));
        c.sync.attachmentsBudgetBytes =
            getInt(*sy, "attachments_budget_mb", c.sync.attachmentsBudgetBytes >> 20, 0, 1 << 20, path) << 20;
        c.sync.attachmentsPerRound =
            static_cast<int>(getInt(*sy, "attachments_per_round", c.sync.attachmentsPerRound, 0, 1000, path));
    }

    parseOpsSections(root, c, path);

    std::set<std::string> names;
    if (const toml::node* srcNode = root.get("source")) {
        const toml::array* arr = srcNode->as_array();
        if (!arr)
            throw ConfigError(where(path, *srcNode) + ": \"source\" must be an array of tables ([[source]])");
        for (const toml::node& n : *arr) {
            const toml::table* t = n.as_table();
            if (!t) throw ConfigError(where(path, n) + ": each [[source]] must be a table");
            SourceConfig s;
            s.name = get<std::string>(*t, "name", "", path);
            s.kind = get<std::string>(*t, "kind", "", path);
            s.url = get<std::string>(*t, "url", "", path);
            if (s.kind == "cap" || s.isTrigger()) s.pollSeconds = kAlertPollSeconds;
            s.pollSeconds = static_cast<int>(getInt(*t, "poll_seconds", s.pollSeconds, 5, 7 * 86400, path));
            if (s.name.empty()) throw ConfigError(where(path, n) + ": a source needs a \"name\"");
            if (s.kind.empty())
                throw ConfigError(where(path, n) + ": source \"" + s.name + "\" needs a \"kind\"");
            if (s.url.empty())
                throw ConfigError(where(path, n) + ": source \"" + s.name + "\" needs a \"url\"");
            s.maxWindowDays = static_cast<int>(getInt(*t, "max_window_days", s.maxWindowDays, 1, 3660, path));
            if (const toml::node* mapNode = t->get("mapping")) {
                const toml::table* mt = mapNode->as_table();
                if (!mt)
                    throw ConfigError(where(path, *mapNode) +
                                      ": \"mapping\" must be a table ([source.mapping])");
                for (const auto& [k, v] : *mt) {
                    const auto str = v.value<std::string>();
                    if (!str)
                        throw ConfigError(where(path, v) + ": mapping." + std::string(k.str()) +
                                          " must be a string");
                    s.mapping[std::string(k.str())] = *str;
                }
            }
            if (s.kind == "mapped") {
                if (const std::string problem = checkMapping(s.mapping); !problem.empty())
                    throw ConfigError(where(path, n) + ": source \"" + s.name + "\": " + problem);
            }
            if (!s.isManifest() && !isImportKind(s.kind))
                throw ConfigError(where(path, n) + ": source \"" + s.name + "\": unknown kind \"" + s.kind +
                                  "\"");
            if (const std::string problem = urlProblem(s.url); !problem.empty())
                throw ConfigError(
                    where(path, n) + ": source \"" + s.name + "\": url must be https:// (file:// and " +
                    "http://127.0.0.1 only for tests and demos), not \"" + s.url + "\": " + problem);
            s.limits = parseLimits(*t, c.sync.limits, path);
            if (const toml::node* keys = t->get("public_keys")) {
                const toml::array* ka = keys->as_array();
                if (!ka || ka->empty() || ka->size() > 2)
                    throw ConfigError(
                        where(path, *keys) + ": source \"" + s.name +
                        "\": public_keys must list one or two minisign public keys (current, next)");
                for (const toml::node& k : *ka) {
                    auto v = k.value<std::string>();
                    if (!v) throw ConfigError(where(path, k) + ": public_keys entries must be strings");
                    try {
                        parsePublicKey(*v);
                    } catch (const KeyError& e) {
                        throw ConfigError(where(path, k) + ": source \"" + s.name + "\": " + e.what());
                    }
                    s.publicKeys.push_back(*v);
                }
            }
            if ((s.isManifest() || s.isTrigger()) && s.publicKeys.empty())
                throw ConfigError(where(path, n) + ": source \"" + s.name + "\" is " +
                                  (s.isManifest() ? "a signed manifest" : "a signed emergency trigger") +
                                  " and needs public_keys (the pinned minisign keys)");
            if (!s.isManifest() && !s.isTrigger() && !s.publicKeys.empty())
                throw ConfigError(where(path, n) + ": source \"" + s.name +
                                  "\": public_keys only apply to kind = \"manifest\" or \"alert-trigger\"");
            if (!names.insert(s.name).second)
                throw ConfigError(where(path, n) + ": two sources are named \"" + s.name + "\"");
            c.sources.push_back(std::move(s));
        }
    }
    return c;
}

Config loadConfig(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ConfigError(path + ": cannot read the configuration file");
    std::ostringstream ss;
    ss << in.rdbuf();
    return parseConfig(ss.str(), path);
}

}  // namespace vt
