// The kiosk configuration (TOML): the town, where data lives, the panel, and the content sources.
#pragma once

#include "core/config/ops_config.h"
#include "core/util/civil_time.h"

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace vt {

class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Network limits of the sync engine; [sync] sets the defaults, a [[source]] may override them.
struct SyncLimits {
    double connectTimeoutSeconds = 10;
    double timeoutSeconds = 120;                   // whole transfer of one file
    int lowSpeedBytes = 100;                       // slower than this...
    int lowSpeedSeconds = 30;                      // ...for this long aborts the transfer (slow drip)
    std::int64_t maxBytes = 32ll << 20;            // cap of a feed body and of a manifest file
    std::int64_t attachmentMaxBytes = 20ll << 20;  // cap of one albo attachment (PDF) the sync downloads
};

// Alert sources ("cap", "alert-trigger") are polled this often unless poll_seconds says otherwise.
constexpr int kAlertPollSeconds = 30;

struct SourceConfig {
    std::string name;       // unique, shown in status ("albo", "avvisi"...)
    std::string kind;       // importer kind: "albopop", ..., or "manifest" for the town's signed content
    std::string url;        // https://, http://127.0.0.1, file:// or a path relative to the config file
    int pollSeconds = 600;  // 30 for kinds "cap" and "alert-trigger" (kAlertPollSeconds)
    // Albo sources: a listing published for longer than this is not an albo publication.
    int maxWindowDays = 60;
    // Kind "mapped": act fields by JSON pointer or XPath ([source.mapping], see
    // core/feeds/mapped_feed.h).
    std::map<std::string, std::string> mapping;
    // kind = "manifest" or "alert-trigger" only: minisign public keys (base64 lines), current
    // first, then next.
    std::vector<std::string> publicKeys;
    SyncLimits limits;
    bool isManifest() const { return kind == "manifest"; }
    // A signed emergency trigger (core/sync/trigger_source.h): verified before it is imported.
    bool isTrigger() const { return kind == "alert-trigger"; }
};

struct SyncConfig {
    SyncLimits limits;
    std::int64_t minFreeBytes = 64ll << 20;  // kept free on the data disk after a download
    int maxBackoffSeconds = 3600;
    std::int64_t attachmentsBudgetBytes = 512ll << 20;  // all downloaded albo attachments together
    int attachmentsPerRound = 10;  // downloads per source and sync round; the rest waits (0: none)
};

struct DisplayConfig {
    int width = 1080;
    int height = 1920;
    bool fullscreen = true;
    // Physical scale of the panel: every size in the UI derives from it. Either pixels per
    // millimetre, or the diagonal in inches (then computed from the resolution).
    double pixelsPerMm = 0.0;
    double diagonalInches = 32.0;
    // Height of the bottom edge of the picture above the floor, for the reach mode (every control
    // between 380 and 1220 mm from the floor, EN 301 549 §8.3.2). A typical totem: 800 mm.
    double mountBottomMm = 800.0;
    double effectivePixelsPerMm() const;
};

struct TownConfig {
    std::string name = "Comune";
    std::string coatOfArms;              // image path, resolved against the config file
    std::string officialAlboUrl;         // where the legally valid albo lives
    std::optional<CivilDate> patronDay;  // [town] patron_day = "12-06": a local public holiday (year unused)
};

// Who and where this kiosk is, for alerts: [kiosk]
struct KioskConfig {
    std::string language = "it";                // language of CAP info blocks first chosen (then en)
    std::vector<std::string> geocodes;          // "ISTAT=999001", "EMMA_ID=IT003", or bare values
    std::optional<double> latitude, longitude;  // for CAP polygons and circles
    bool showExercises = false;                 // show CAP Exercise and Test messages (labelled)
    int idleSeconds = 60;  // untouched this long: the session resets, the attract loop plays
};

// [screen] sleep = "Mo-Su 23:00-06:30": black screen hours, opening_hours syntax.
// wake_on_touch: a touch lights a sleeping screen for the idle time. off_command/on_command:
// argv (no shell) run when the screen goes to sleep / wakes, e.g. ["wlr-randr", "--output", "HDMI-A-1",
// "--off"].
struct ScreenConfig {
    std::string sleep;
    bool wakeOnTouch = true;
    std::vector<std::string> offCommand, onCommand;
};

struct MaintenanceConfig {
    // Argon2id hash of the maintenance PIN (`vetrina pin-hash`); empty: maintenance stays closed.
    std::string pinHash;
    // "Chiudi Vetrina": minutes the screen stays the technician's before the kiosk comes back by
    // itself (5 to 240; systemd/maintenance-pause enforces the same bounds).
    int pauseMinutes = 30;
};

struct Config {
    std::string file;  // where it was read from (empty for defaults)
    std::string baseDir;
    TownConfig town;
    MaintenanceConfig maintenance;
    std::string dataDir;  // resolved absolute path
    DisplayConfig display;
    KioskConfig kiosk;
    ScreenConfig screen;
    std::vector<SourceConfig> sources;
    SyncConfig sync;
    ClockConfig clock;      // [clock]
    FleetConfig fleet;      // [fleet]
    StorageConfig storage;  // [storage]

    std::string databasePath() const { return dataDir + "/vetrina.db"; }
    // Resolves a path or file:// URL against the directory of the config file.
    std::string resolve(const std::string& pathOrUrl) const;
};

// Reads and validates a configuration; ConfigError names the file, line and key on any problem.
Config loadConfig(const std::string& path);
Config parseConfig(const std::string& text, const std::string& path);

}  // namespace vt
