// vetrina run [--config FILE] [--size WxH] [--windowed] [--data-dir DIR]
// The kiosk: shows what is cached at once; the sync engine refreshes the sources on its thread.
#include "args.h"
#include "bench_alerts.h"
#include "commands.h"
#include "kiosk_ops.h"
#include "kiosk_session.h"

#include "core/alerts/alert_store.h"
#include "core/feedback/feedback.h"
#include "core/log/log.h"
#include "core/maintenance/maintenance_pause.h"
#include "core/search/search.h"
#include "core/storage/write_health.h"
#include "core/store/store_repair.h"
#include "core/sync/sync_engine.h"
#include "core/system/board_clock.h"
#include "core/system/system_info.h"
#include "platform/journal_sink.h"
#include "platform/speech.h"
#include "platform/systemd_notify.h"

#include <sqlite3.h>

#include <sys/resource.h>
#include <unistd.h>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace vt {

namespace {

// "Chiudi Vetrina" in maintenance, after the pause file is written. The units count it as a clean
// stop (SuccessExitStatus); what keeps the kiosk stopped for the pause is the file, read by the
// units' ExecStopPost, because cage 0.1.4 does not pass its client's exit status on.
constexpr int kExitQuitRequested = 64;
// Width in pixels of the screenshot sent with a fleet report.
constexpr int kFleetThumbnailWidth = 270;

// The UI loop; a store found damaged while it runs is moved aside and the kiosk starts again in
// the same process (the same pid for systemd), on a new store the sync engine refills from the
// cached objects.
long runHealing(KioskSession& s, const LoopHooks& hooks, char** argv) {
    try {
        return s.host->run(*s.ui, hooks);
    } catch (const StoreError& e) {
        if (!healCorruptStore(s.config.databasePath())) throw;
        logWarning("kiosk", std::string("restarting on a new store after: ") + e.what());
        logger().flushSuppressed(static_cast<LogTime>(std::time(nullptr)), true);
        execv("/proc/self/exe", argv);
        throw;  // exec failed: the error stands, systemd starts the kiosk again
    }
}

// Why KioskSession::open failed, when it is a store that cannot be written now (read-only folder,
// full disk, lock); nullopt otherwise. Damaged stores were healed by open() already.
std::optional<WriteHealth> unwritableAtStart(const Args& args, const std::string& error) {
    Config c = loadConfig(findConfigPath(args));
    if (auto d = args.get("data-dir")) c.dataDir = std::filesystem::absolute(*d).string();
    const WriteHealth h = diagnoseWriteFailure(c.dataDir, error);
    if (h.ok() || h.problem == WriteProblem::Other) return std::nullopt;
    return h;
}

// Start-up when the store cannot be opened for writing because the data folder is read-only, the
// disk is full or another process holds the store's lock (not when it is damaged: that heals at
// open). The kiosk draws what it can read (KioskSession::openUnwritable), names the cause in the
// maintenance notes, the log and the systemd status line, and a thread tries to open the store
// for writing again with back-off (2 s doubling to 2 min). Once it can, the kiosk starts again in
// the same process (execv, the same pid for systemd, as runHealing does) and so runs the normal
// start-up: the migrations, the writer connections, the sync engine, the ops. Restarting rather
// than switching the running session over keeps a single start-up path: every connection and
// thread of a live kiosk is made the one way, on a store known to be writable; the cost is one
// redraw of the first frame.
int runUnwritable(const Args& args, char** argv, const WriteHealth& problem, SystemdNotifier& notifier) {
    const std::string why = problem.describe();
    KioskSession s = KioskSession::openUnwritable(args);
    logWarning("store", "cannot open " + s.config.databasePath() + " for writing at start-up: " + why +
                            "; showing what it has and trying again");
    notifier.status(why);
    int w = s.config.display.width, h = s.config.display.height;
    if (auto size = args.get("size"); size && !parseSize(*size, w, h))
        throw UsageError("--size \"" + *size + "\" is not WxH");
    const bool windowed = args.has("windowed") || !s.config.display.fullscreen;
    const bool headless = args.has("headless");
    s.createHost(w, h, !windowed && !headless, headless);

    std::mutex m;
    std::condition_variable cv;
    bool stopping = false;
    std::atomic<bool> writable{false};
    std::string lastWhy = why;  // under m
    std::thread retry([&] {
        const std::string dataDir = s.config.dataDir, dbPath = s.config.databasePath();
        auto wait = std::chrono::seconds(2);
        std::unique_lock lock(m);
        while (!cv.wait_for(lock, wait, [&] { return stopping; })) {
            lock.unlock();
            WriteHealth health;
            std::error_code ec;
            std::filesystem::create_directories(dataDir, ec);
            health = probeDataDir(dataDir);
            if (health.ok() && std::filesystem::exists(dbPath, ec)) health = probeStoreLock(dbPath, 1000);
            if (health.ok()) {
                try {
                    Database::open(dbPath);  // creates or migrates it; closed at once
                } catch (const StoreError& e) {
                    health = diagnoseWriteFailure(dataDir, e.what());
                }
            }
            lock.lock();
            if (health.ok()) {
                writable = true;
                SDL_Event e{};
                e.type = KioskHost::wakeEventType();
                SDL_PushEvent(&e);
                return;
            }
            lastWhy = health.describe();
            wait = std::min(wait * 2, std::chrono::seconds(120));
        }
    });

    KioskActions actions;
    actions.syncOverview = [&] { return readSyncOverview(s.reader); };
    actions.opsNotes = [&] {
        std::lock_guard lock(m);
        return std::vector<std::pair<std::string, std::string>>{
            {"Memoria / storage", lastWhy + "; nuovo tentativo a breve / trying again"}};
    };
    actions.restart = [] { KioskHost::requestStop(); };  // systemd's Restart=always starts it again
    s.ui->setActions(actions);

    LoopHooks hooks;
    hooks.now = [] { return boardNow(); };
    std::string shownWhy = why;
    hooks.onIdle = [&] {
        if (writable) KioskHost::requestStop();
        std::lock_guard lock(m);
        if (lastWhy != shownWhy) {
            shownWhy = lastWhy;
            notifier.status(shownWhy);
            logWarning("store", "still cannot write: " + shownWhy);
        }
        return false;
    };
    hooks.onLoopIteration = [&] { notifier.tick(SystemdNotifier::Clock::now()); };
    hooks.afterFirstFrame = [&] {
        notifier.ready();
        logInfo("kiosk", "first frame on screen (the store cannot be written)");
    };
    if (args.has("exit-after-first-frame")) hooks.maxFrames = 1;
    s.host->run(*s.ui, hooks);
    {
        std::lock_guard lock(m);
        stopping = true;
    }
    cv.notify_all();
    retry.join();
    if (writable) {
        logInfo("store", "the store can be written again: starting the kiosk on it");
        logger().flushSuppressed(static_cast<LogTime>(std::time(nullptr)), true);
        execv("/proc/self/exe", argv);
        logError("kiosk", std::string("cannot restart the kiosk: ") + std::strerror(errno));
        return 1;  // systemd starts it again
    }
    notifier.stopping();
    logger().flushSuppressed(static_cast<LogTime>(std::time(nullptr)), true);
    return 0;
}

}  // namespace

int cmdRun(int argc, char** argv) {
    const int first = (argc >= 2 && !std::strcmp(argv[1], "run")) ? 2 : 1;
    // --headless, --exit-after-first-frame and --run-seconds serve `vetrina bench`.
    // --test-hang-after-seconds N (tests only) freezes the UI loop after N seconds, to prove that
    // the watchdog pings stop with it.
    Args args(argc, argv, first, {"windowed", "headless", "exit-after-first-frame", "print-alerts"});
    args.allowOnly({"config", "size", "windowed", "data-dir", "headless", "exit-after-first-frame",
                    "run-seconds", "test-hang-after-seconds", "print-alerts"});
    // --print-alerts serves `vetrina bench --alerts`: a line per changed sync and per alert drawn.
    const bool printAlerts = args.has("print-alerts");
    std::string alertDrawn;  // printed once the frame that shows it is complete
    installJournalSinkIfUnderSystemd();
    SystemdNotifier notifier = SystemdNotifier::fromEnvironment();
    notifier.status("Avvio / starting");
    KioskSession s;
    try {
        s = KioskSession::open(args);
    } catch (const StoreError& e) {
        if (auto h = unwritableAtStart(args, e.what())) return runUnwritable(args, argv, *h, notifier);
        throw;
    } catch (const std::filesystem::filesystem_error& e) {  // the data folder cannot be made
        if (auto h = unwritableAtStart(args, e.what())) return runUnwritable(args, argv, *h, notifier);
        throw;
    }
    int w = s.config.display.width, h = s.config.display.height;
    if (auto size = args.get("size"); size && !parseSize(*size, w, h))
        throw UsageError("--size \"" + *size + "\" is not WxH");
    const bool windowed = args.has("windowed") || !s.config.display.fullscreen;
    const bool headless = args.has("headless");
    try {
        s.createHost(w, h, !windowed && !headless, headless);
    } catch (const std::exception& e) {
        std::fprintf(
            stderr,
            "vetrina run: %s\nWithout a display, `vetrina play` and `vetrina shoot` render the kiosk to PNG "
            "files (see README).\n",
            e.what());
        return 1;
    }

    int exitCode = 0;
    // The first frame shows the cache. The sync engine pulls every source on its own thread
    // (signed manifests, feeds, local files) and wakes the loop when the store changed.
    std::atomic<bool> contentChanged{false};
    auto wakeUi = [] {
        SDL_Event e{};
        e.type = KioskHost::wakeEventType();
        SDL_PushEvent(&e);
    };
    // Trusted clock, usage counts, fleet report and cache checks (see kiosk_ops.h). Declared
    // before the engine, so the engine's thread (which calls into it) is gone first.
    SyncEngine* syncing = nullptr;
    KioskOps ops(s.config, wakeUi, [&syncing] {
        if (syncing) syncing->requestSyncNow();
    });
    SyncEngine engine(s.config, Database::open(s.config.databasePath()));
    syncing = &engine;
    engine.setClock(&ops.clock);
    engine.start([&] {
        if (printAlerts) printBenchLine("content-changed", "");
        contentChanged = true;
        ops.contentChanged();
        wakeUi();
    });

    ReadAloud readAloud;
    // The maintenance panel's and read-aloud's actions.
    KioskActions actions;
    actions.refreshContent = [&] { engine.requestSyncNow(); };
    actions.syncOverview = [&] { return engine.overview(); };
    actions.recordFeedback = [&](const std::string& kind, const std::string& item, int face) {
        try {
            ops.usage.feedback(face);
            recordFeedback(s.writer, kind, item, static_cast<FeedbackFace>(face));
        } catch (const StoreError& e) {
            logWarning("feedback", e.what());  // a busy store loses one count, never the kiosk
        }
    };
    actions.takeScreenshot = [&]() -> std::string {
        const std::string dir = s.config.dataDir + "/screenshots";
        std::error_code ec;  // a full or read-only disk: "not saved", never an exception here
        std::filesystem::create_directories(dir, ec);
        const std::string path = dir + "/" + formatIsoUtc(ops.clock.now()) + ".png";
        return s.host->savePng(path) ? path : "";
    };
    actions.restart = [] { KioskHost::requestStop(); };  // systemd's Restart=always starts it again
    // A kiosk that runs is not paused: a file left by a quit outside systemd must not pause the
    // next stop of a unit.
    const std::string pauseFile = maintenancePauseFile(s.config.dataDir);
    std::error_code ignored;
    std::filesystem::remove(pauseFile, ignored);
    actions.quit = [&] {
        std::string error;
        if (!writeMaintenancePause(pauseFile, s.config.maintenance.pauseMinutes * 60, error))
            logWarning("kiosk", "maintenance pause not recorded (systemd restarts the kiosk now): " + error);
        logInfo("kiosk", "closed from the maintenance panel for " +
                             std::to_string(s.config.maintenance.pauseMinutes) + " minutes");
        exitCode = kExitQuitRequested;
        KioskHost::requestStop();
    };
    actions.speak = [&](const std::string& text, bool english) {
        readAloud.speak(text, english ? "en" : "it");
    };
    actions.stopSpeaking = [&] { readAloud.stop(); };
    actions.isSpeaking = [&] { return readAloud.speaking(); };
    // Searches that found nothing, for the staff. The UI reads through a read-only connection and
    // the refresh worker owns s.writer, so this is a connection of its own, used on this thread
    // only, with a short busy timeout: a visitor's screen never waits on an import.
    std::optional<Database> missWriter;
    actions.recordSearchMiss = [&](const std::string& query) {
        ops.usage.searchWithoutResult();
        try {
            if (!missWriter) {
                missWriter = Database::open(s.config.databasePath());
                sqlite3_busy_timeout(missWriter->handle(), 100);
            }
            recordSearchMiss(*missWriter, query, ops.clock.now());
        } catch (const std::exception& e) {
            logWarning("search", std::string("search miss not recorded: ") + e.what());
        }
    };
    // The audit log of alerts shown: its own writer connection on the UI thread (the worker
    // thread uses s.writer); WAL and the busy timeout let both write.
    Database alertLogDb = Database::open(s.config.databasePath());
    actions.alertShown = [&](const std::string& uid) {
        try {
            if (printAlerts) alertDrawn = uid;
            if (recordAlertShown(alertLogDb, uid, ops.clock.now()))
                logInfo("alerts", "shown on screen: " + uid);
        } catch (const std::exception& e) {
            logWarning("alerts", "cannot log the alert shown (" + uid + "): " + e.what());
        }
    };
    actions.screenOpened = [&](const std::string& screen) { ops.usage.screenOpened(screen); };
    actions.opsNotes = [&] {
        // A store that refuses writes (disk full, read-only, locked) first: the content shown may
        // be old, and the sync retries with back-off. Built front to back: GCC 12 at -O3 warns of
        // a null dereference inside vector::insert at the front (a false positive).
        const std::string problem = engine.storageProblem();
        if (problem.empty()) return ops.notes();
        decltype(ops.notes()) notes;
        notes.emplace_back("Memoria / storage", problem);
        for (auto& note : ops.notes()) notes.push_back(std::move(note));
        return notes;
    };
    s.ui->setActions(actions);

    LoopHooks hooks;
    hooks.now = [&] { return ops.clock.now(); };  // publication windows, alerts, schedules
    hooks.contentChanged = &contentChanged;
    hooks.framesDrawn = &ops.usage.frames();
    bool wasSpeaking = false;
    UnixSeconds lastStatusUpdate = -1;
    std::string lastStorageProblem;
    hooks.onIdle = [&] {
        // The sync found the store damaged: out of the loop, where runHealing replaces it.
        if (engine.takeStoreDamaged() && storeIsCorrupt(s.config.databasePath()))
            throw StoreError("the sync engine found the store damaged");
        // `systemctl status` shows the content's freshness without the journal.
        const SyncOverview ov = engine.overview();
        if (ov.lastSuccess != lastStatusUpdate || ov.storageProblem != lastStorageProblem) {
            lastStatusUpdate = ov.lastSuccess;
            lastStorageProblem = ov.storageProblem;
            notifier.status(!ov.storageProblem.empty() ? ov.storageProblem
                            : ov.offline
                                ? "Non in linea: contenuti in archivio / offline: showing cached content"
                            : ov.anyFailing ? "Una fonte in errore / a source is failing"
                                            : "Contenuti aggiornati / content up to date");
        }
        // Redraw when reading aloud ends, so "Ferma" turns back into "Ascolta".
        const bool speakingNow = readAloud.speaking();
        const bool changed = speakingNow != wasSpeaking;
        wasSpeaking = speakingNow;
        // The fleet reporter asked for a thumbnail of the screen (only this thread may read it).
        ops.grab.serve([&] { return s.host->pngThumbnail(kFleetThumbnailWidth); });
        return changed;
    };
    const bool exitAfterFirst = args.has("exit-after-first-frame");
    std::atomic<bool> benchDone{false};
    const auto loopStart = SystemdNotifier::Clock::now();
    auto lastLogFlush = loopStart;
    long hangAfter = -1;
    if (auto hang = args.get("test-hang-after-seconds")) {
        if (!args.get("run-seconds")) throw UsageError("--test-hang-after-seconds needs --run-seconds");
        hangAfter = std::atol(hang->c_str());
    }
    hooks.onLoopIteration = [&] {
        if (!alertDrawn.empty())
            printBenchLine("alert-shown", "uid=" + std::exchange(alertDrawn, std::string()));
        const auto t = SystemdNotifier::Clock::now();
        if (hangAfter >= 0 && t - loopStart >= std::chrono::seconds(hangAfter)) {
            // The simulated hang: no ping, no frame, until the bench timer ends the run.
            while (!benchDone) std::this_thread::sleep_for(std::chrono::milliseconds(20));
            return;
        }
        notifier.tick(t);
        // Once a minute, not per frame: report the drops of keys that went quiet since.
        if (t - lastLogFlush >= std::chrono::minutes(1)) {
            lastLogFlush = t;
            logger().flushSuppressed(static_cast<LogTime>(std::time(nullptr)));
        }
    };
    hooks.afterFirstFrame = [&] {
        notifier.ready();
        ops.start();
        logInfo("kiosk", "first frame on screen");
        if (exitAfterFirst) {
            std::printf("first-frame rss_kb=%ld\n", procFieldKb("/proc/self/status", "VmRSS:"));
            std::fflush(stdout);
        }
    };
    if (exitAfterFirst) hooks.maxFrames = 1;
    long frames = 0;
    if (auto secs = args.get("run-seconds")) {
        // Bench: run for a fixed time and report frames and CPU after the start-up frames.
        const long seconds = std::atol(secs->c_str());
        const std::time_t start = std::time(nullptr);
        std::thread stopper([&] {
            std::this_thread::sleep_for(std::chrono::seconds(seconds));
            benchDone = true;
            std::raise(SIGTERM);
        });
        frames = runHealing(s, hooks, argv);
        stopper.join();
        rusage ru{};
        getrusage(RUSAGE_SELF, &ru);
        const double cpu = double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                           double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
        std::printf("run frames=%ld seconds=%ld cpu_s=%.3f rss_kb=%ld hwm_kb=%ld\n", frames,
                    long(std::time(nullptr) - start), cpu, procFieldKb("/proc/self/status", "VmRSS:"),
                    procFieldKb("/proc/self/status", "VmHWM:"));
    } else {
        frames = runHealing(s, hooks, argv);
    }
    notifier.stopping();
    ops.stop();
    engine.stop();
    logger().flushSuppressed(static_cast<LogTime>(std::time(nullptr)), true);
    return exitCode;
}

}  // namespace vt
