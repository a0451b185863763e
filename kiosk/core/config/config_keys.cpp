#include "core/config/config_keys.h"

#include "core/feeds/mapped_feed.h"

namespace vt {

namespace {

// The network limits of [sync], which a [[source]] may override (parseLimits in config.cpp).
const std::vector<std::string> kLimitKeys{"connect_timeout_seconds", "timeout_seconds", "low_speed_bytes",
                                          "low_speed_seconds",       "max_bytes",       "attachment_max_mb"};

std::vector<std::string> withLimits(std::vector<std::string> keys) {
    keys.insert(keys.end(), kLimitKeys.begin(), kLimitKeys.end());
    return keys;
}

}  // namespace

const std::vector<ConfigTable>& configTables() {
    static const std::vector<ConfigTable> tables{
        {"town", false, {"name", "coat_of_arms", "official_albo_url", "patron_day"}},
        {"paths", false, {"data_dir"}},
        {"display",
         false,
         {"width", "height", "fullscreen", "pixels_per_mm", "diagonal_inches", "mount_bottom_mm"}},
        {"kiosk", false, {"language", "show_exercises", "idle_seconds", "geocodes", "latitude", "longitude"}},
        {"screen", false, {"sleep", "wake_on_touch", "off_command", "on_command"}},
        {"maintenance", false, {"pin_hash", "pause_minutes"}},
        {"sync", false,
         withLimits(
             {"min_free_mb", "max_backoff_seconds", "attachments_budget_mb", "attachments_per_round"})},
        {"clock", false, {"max_skew_seconds"}},
        {"fleet",
         false,
         {"url", "token", "token_file", "device_id", "interval", "screenshot_every", "queue_max"}},
        {"storage", false, {"cache_mb", "verify_at_start"}},
        {"source", true,
         withLimits({"name", "kind", "url", "poll_seconds", "max_window_days", "public_keys"})},
        {"source.mapping", false, mappingKeys()},
    };
    return tables;
}

}  // namespace vt
