#include "kiosk_session.h"

#include "core/feedback/feedback.h"
#include "core/log/log.h"
#include "core/store/store_repair.h"
#include "core/sync/kiosk_sync.h"
#include "core/system/board_clock.h"

#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>

namespace vt {

namespace fs = std::filesystem;

std::string findConfigPath(const Args& args) {
    if (auto c = args.get("config")) return *c;
    if (const char* env = std::getenv("VETRINA_CONFIG"); env && *env) return env;
    if (fs::exists("/etc/vetrina/vetrina.toml")) return "/etc/vetrina/vetrina.toml";
    return "config/vetrina.toml";
}

// $VETRINA_FONT_DIR replaces the search (and, in loadFonts, the DejaVu fallback): tests, unusual installs.
std::string findFontDir() {
    if (const char* env = std::getenv("VETRINA_FONT_DIR"); env && *env) return env;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    std::vector<fs::path> candidates;
    if (!ec) candidates.push_back(exe.parent_path().parent_path() / "share/vetrina/fonts");
    candidates.push_back(fs::path(VETRINA_SOURCE_DIR) / "fonts");
    for (const auto& c : candidates)
        if (fs::exists(c / "TitilliumWeb-Regular.ttf")) return c.string();
    return "";
}

bool healCorruptStore(const std::string& dbPath) {
    std::string why;
    if (!storeIsCorrupt(dbPath, &why)) return false;
    const std::time_t t = static_cast<std::time_t>(boardNow());
    std::tm utc{};
    gmtime_r(&t, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &utc);
    const std::string kept = quarantineStore(dbPath, stamp);
    if (kept.empty()) {
        logError("store", dbPath + " is damaged (" + why + ") and cannot be moved aside");
        return false;
    }
    logWarning("store", dbPath + " is damaged (" + why + "): kept as " + kept +
                            "; a new store is filled from the cached files of the last accepted revisions");
    return true;
}

KioskSession KioskSession::open(const Args& args, StoreAccess access) {
    KioskSession s;
    s.config = loadConfig(findConfigPath(args));
    if (auto d = args.get("data-dir")) s.config.dataDir = fs::absolute(*d).string();
    fs::create_directories(s.config.dataDir);
    if (access == StoreAccess::Live) {
        // A damaged store must not keep the totem dark: moved aside, a new one takes its place.
        try {
            s.writer = Database::open(s.config.databasePath());
        } catch (const StoreError&) {
            if (!healCorruptStore(s.config.databasePath())) throw;
            s.writer = Database::open(s.config.databasePath());
        }
    } else if (!fs::exists(s.config.databasePath()))
        Database::open(s.config.databasePath());  // a new, empty store (created and migrated); closed at once
    s.reader = Database::open(s.config.databasePath(), OpenMode::ReadOnly);
    return s;
}

KioskSession KioskSession::openUnwritable(const Args& args) {
    KioskSession s;
    s.config = loadConfig(findConfigPath(args));
    if (auto d = args.get("data-dir")) s.config.dataDir = fs::absolute(*d).string();
    std::error_code ec;
    try {
        if (!fs::exists(s.config.databasePath(), ec)) throw StoreError("no store yet");
        // Reads the schema version: a lock that keeps readers out too shows here.
        s.reader = Database::open(s.config.databasePath(), OpenMode::ReadOnly);
    } catch (const StoreError& e) {
        logWarning("store", "cannot read " + s.config.databasePath() + " (" + e.what() +
                                "): showing an empty screen until it can be written");
        s.reader = Database::open(":memory:");  // the schema, no content: the normal empty screen
    }
    return s;
}

void KioskSession::syncNow() {
    KioskSync sync(config);
    for (const SyncOutcome& o : sync.once())
        if (!o.ok)
            std::fprintf(stderr, "vetrina: %s: %s (keeping what was cached)\n", o.source.c_str(),
                         o.message.c_str());
}

void KioskSession::createHost(int width, int height, bool fullscreen, bool headless) {
    HostOptions opt;
    opt.width = width;
    opt.height = height;
    opt.fullscreen = fullscreen;
    opt.headless = headless;
    opt.pxPerMm = static_cast<float>(config.display.effectivePixelsPerMm());
    opt.fontDir = findFontDir();
    opt.screenOffCommand = config.screen.offCommand;
    opt.screenOnCommand = config.screen.onCommand;
    std::string error;
    host = KioskHost::create(opt, error);
    if (!host) throw std::runtime_error(error);
    ui = std::make_unique<KioskUi>(config, reader);
    KioskActions actions;
    actions.syncOverview = [this] { return readSyncOverview(reader); };
    actions.recordFeedback = [this](const std::string& kind, const std::string& item, int face) {
        if (writer.handle()) recordFeedback(writer, kind, item, static_cast<FeedbackFace>(face));
    };
    ui->setActions(actions);
}

}  // namespace vt
