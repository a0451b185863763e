#include "preview.h"

#include "child_process.h"
#include "console_config.h"
#include "preview_store.h"

#include "core/config/config.h"
#include "core/util/files.h"

#include <toml++/toml.h>

#include <signal.h>
#include <stdlib.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <sstream>

namespace vt::console {

namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t kMaxPngBytes = 64ull << 20;

// The scratch folder of one preview, removed whatever happens.
class ScratchFolder {
public:
    explicit ScratchFolder(const std::string& root) {
        std::error_code ec;
        fs::create_directories(root, ec);
        std::string pattern = (fs::path(root) / "preview-XXXXXX").string();
        if (::mkdtemp(pattern.data())) m_path = pattern;
    }
    ~ScratchFolder() {
        std::error_code ec;
        if (!m_path.empty()) fs::remove_all(m_path, ec);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
};

// Rendering is CPU-bound and each child may take 1.5 GB: the console's worker threads must not
// all render at once.
class RenderSlot {
public:
    RenderSlot(int max, std::chrono::steady_clock::time_point until) {
        std::unique_lock lock(mutex());
        m_held = cv().wait_until(lock, until, [&] { return running() < std::max(max, 1); });
        if (m_held) ++running();
    }
    ~RenderSlot() {
        if (!m_held) return;
        {
            std::lock_guard lock(mutex());
            --running();
        }
        cv().notify_one();
    }
    RenderSlot(const RenderSlot&) = delete;
    RenderSlot& operator=(const RenderSlot&) = delete;
    bool held() const { return m_held; }

private:
    static std::mutex& mutex() {
        static std::mutex m;
        return m;
    }
    static std::condition_variable& cv() {
        static std::condition_variable c;
        return c;
    }
    static int& running() {
        static int n = 0;
        return n;
    }
    bool m_held = false;
};

PreviewResult failure(std::string why) {
    PreviewResult r;
    r.error = std::move(why);
    return r;
}

// Arguments go to the child as argv (no shell), but `shoot` must not take one for an option.
std::string checkRequest(const PreviewRequest& q) {
    if (q.screen.empty() || q.screen.size() > 200 || q.screen[0] == '-')
        return "Schermata non valida / Invalid screen: \"" + q.screen + "\"";
    for (const char c : q.screen)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            return "Schermata non valida / Invalid screen: \"" + q.screen + "\"";
    if (q.width < 240 || q.width > 4096 || q.height < 240 || q.height > 4096)
        return "Dimensione non valida / Invalid size: " + std::to_string(q.width) + "x" +
               std::to_string(q.height) + " (240-4096)";
    if (q.language != "it" && q.language != "en")
        return "Lingua non valida / Invalid language: \"" + q.language + "\" (it, en)";
    return "";
}

// The kiosk config the child reads: the look of the town's kiosk (town, panel size in mm, [kiosk])
// and the scratch data folder; no sources, fleet or screen commands, so it never syncs, reports
// or switches a panel off.
std::string scratchKioskConfig(const std::string& basePath, const Config* base, const std::string& dataDir) {
    toml::table root;
    if (base) {
        const toml::table file = toml::parse_file(basePath);
        for (const char* name : {"town", "display", "kiosk"})
            if (const toml::table* t = file[name].as_table()) root.insert(name, *t);
        if (toml::table* town = root["town"].as_table(); town && !base->town.coatOfArms.empty())
            town->insert_or_assign("coat_of_arms", base->town.coatOfArms);  // resolved against the base
    }
    toml::table paths;
    paths.insert("data_dir", dataDir);
    root.insert_or_assign("paths", std::move(paths));
    std::ostringstream text;
    text << "# Written by vetrina-console for one preview; removed with its folder.\n" << root << "\n";
    return text.str();
}

std::string describeChild(const ChildResult& c, int timeoutSeconds) {
    std::string why;
    if (!c.started)
        why = "Impossibile avviare l'anteprima / Cannot start the preview: " + c.startError;
    else if (c.timedOut)
        why = "Anteprima scaduta dopo " + std::to_string(timeoutSeconds) + " s / Preview timed out after " +
              std::to_string(timeoutSeconds) + " s";
    else if (c.signal == SIGXCPU)
        why =
            "Anteprima fermata: limite di CPU raggiunto / Preview stopped: CPU time limit reached (SIGXCPU)";
    else if (c.signal != 0) {
        const char* name = sigabbrev_np(c.signal);
        const std::string sig =
            std::to_string(c.signal) + " (SIG" + (name ? name : "?") + ", " + strsignal(c.signal) + ")";
        why = "Anteprima interrotta dal segnale " + sig + " / Preview killed by signal " + sig;
    } else
        why = "Anteprima non riuscita, codice di uscita " + std::to_string(c.exitCode) +
              " / Preview failed, exit code " + std::to_string(c.exitCode);
    const std::string tail = c.lastLines(6);
    if (!tail.empty()) why += "\n" + tail;
    return why;
}

std::string selfDir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : exe.parent_path().string();
}

}  // namespace

bool pngSize(const std::string& png, int& width, int& height) {
    static const char kSignature[] = "\x89PNG\r\n\x1a\n";
    if (png.size() < 24 || png.compare(0, 8, kSignature, 8) != 0 || png.compare(12, 4, "IHDR") != 0)
        return false;
    const auto be32 = [&](std::size_t at) {
        std::uint32_t v = 0;
        for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(png[at + i]);
        return v;
    };
    width = static_cast<int>(be32(16));
    height = static_cast<int>(be32(20));
    return true;
}

PreviewSettings previewSettingsFor(const ConsoleConfig& c) {
    PreviewSettings s;
    s.vetrinaBinary = c.previewVetrina;
    if (s.vetrinaBinary.empty()) {
        const std::string beside = selfDir() + "/vetrina";
        std::error_code ec;
        s.vetrinaBinary = !selfDir().empty() && fs::exists(beside, ec) ? beside : "/usr/bin/vetrina";
    }
    s.outDir = c.outDir;
    s.kioskConfig = c.previewKioskConfig;
    s.scratchRoot = (fs::path(c.dataDir) / "preview").string();
    s.timeoutSeconds = c.previewTimeoutSeconds;
    return s;
}

PreviewResult renderPreview(const PreviewSettings& settings, const PreviewRequest& request) {
    const auto started = std::chrono::steady_clock::now();
    const auto finish = [&](PreviewResult r) {
        r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return r;
    };
    if (std::string why = checkRequest(request); !why.empty()) return finish(failure(why));
    const RenderSlot slot(settings.maxConcurrent, started + std::chrono::seconds(settings.timeoutSeconds));
    if (!slot.held())
        return finish(
            failure("Troppe anteprime in corso, riprova fra poco / Too many previews at once, try again "
                    "shortly"));

    Config base;
    const bool hasBase = !settings.kioskConfig.empty();
    PreviewContent content;
    content.outDir = settings.outDir;
    content.overlay = request.overlay;
    content.removed = request.removed;
    content.now = request.now;
    if (hasBase) {
        try {
            base = loadConfig(settings.kioskConfig);
        } catch (const std::exception& e) {
            return finish(failure(
                std::string("Configurazione del chiosco non valida / Invalid kiosk config: ") + e.what()));
        }
        // Items are stored under the name the town's kiosks give the signed content.
        for (const SourceConfig& s : base.sources)
            if (s.isManifest()) {
                content.sourceName = s.name;
                content.options = importOptionsFor(s);
                break;
            }
    }

    ScratchFolder scratch(settings.scratchRoot);
    if (scratch.path().empty())
        return finish(
            failure("Impossibile creare la cartella temporanea / Cannot create the scratch folder in " +
                    settings.scratchRoot + ": " + std::strerror(errno)));
    const std::string dataDir = scratch.path() + "/data";
    const std::string configPath = scratch.path() + "/kiosk.toml";
    const std::string pngPath = scratch.path() + "/preview.png";
    PreviewResult r;
    std::string screen;
    try {
        fs::create_directories(dataDir);
        Database db = Database::open(dataDir + "/vetrina.db");
        PreviewStoreResult store = buildPreviewStore(content, db);
        r.issues = store.issues;
        if (!store.ok) {
            r.error = store.error;
            return finish(r);
        }
        screen = resolveScreen(db, request.screen, r.error);
        if (screen.empty()) return finish(r);
        if (!writeFileAtomic(configPath,
                             scratchKioskConfig(settings.kioskConfig, hasBase ? &base : nullptr, dataDir)))
            return finish(failure("Impossibile scrivere / Cannot write " + configPath));
    } catch (const std::exception& e) {
        r.error = std::string("Archivio dell'anteprima non creato / Preview store not built: ") + e.what();
        return finish(r);
    }

    ChildSpec spec;
    const UnixSeconds at = request.at ? request.at : request.now;
    // Absolute: the child starts in the scratch folder.
    std::error_code ec;
    const fs::path binary = fs::absolute(settings.vetrinaBinary, ec);
    const std::string size = std::to_string(request.width) + "x" + std::to_string(request.height);
    spec.argv = {ec ? settings.vetrinaBinary : binary.string(),
                 "shoot",
                 "--config",
                 configPath,
                 "--data-dir",
                 dataDir,
                 "--screen",
                 screen,
                 "--size",
                 size,
                 "--at",
                 formatIsoUtc(at),
                 "--language",
                 request.language,
                 "--out",
                 pngPath};
    spec.env = {"PATH=/usr/bin:/bin", "HOME=" + scratch.path(), "LANG=C.UTF-8"};
    if (request.now) spec.env.push_back("VETRINA_BOARD_CLOCK=" + formatIsoUtc(request.now));
    for (const char* name : {"VETRINA_FONT_DIR", "ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"})
        if (const char* v = std::getenv(name); v && *v) spec.env.push_back(std::string(name) + "=" + v);
    spec.workDir = scratch.path();
    spec.limits.timeoutSeconds = settings.timeoutSeconds;
    spec.limits.cpuSeconds = settings.timeoutSeconds * 2;
    const ChildResult child = runChild(spec);
    if (!child.ok()) {
        r.error = describeChild(child, settings.timeoutSeconds);
        return finish(r);
    }
    auto png = readFile(pngPath, kMaxPngBytes);
    int w = 0, h = 0;
    if (!png || !pngSize(*png, w, h) || w != request.width || h != request.height) {
        r.error =
            "L'anteprima non ha prodotto l'immagine attesa / The preview did not produce the expected image";
        if (const std::string tail = child.lastLines(6); !tail.empty()) r.error += "\n" + tail;
        return finish(r);
    }
    r.png = std::move(*png);
    r.ok = true;
    return finish(r);
}

}  // namespace vt::console
