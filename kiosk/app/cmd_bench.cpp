// vetrina bench [--acts N] [--runs N] [--size WxH] [--out FILE.json] [--frames [--frames-per-screen N]]
// vetrina bench --pdf: see bench_pdf.cpp
// vetrina bench --alerts [--runs N] [--poll-seconds N] [--size WxH] [--out FILE.json] (bench_alerts.cpp)
// Start-up to first frame and memory with N acts cached, frames drawn on a static screen,
// import throughput, full and no-change sync times over HTTP. Each kiosk figure comes from a fresh `vetrina
// run` child process, timed from just before fork to the "first-frame" line it prints.
#include "args.h"
#include "bench_alerts.h"
#include "bench_feed_server.h"
#include "bench_frames.h"
#include "bench_pdf.h"
#include "commands.h"

#include "core/albo/albo_store.h"
#include "core/bench/synthetic.h"
#include "core/config/config.h"
#include "core/sources/importers.h"
#include "core/sync/sync_engine.h"
#include "core/system/board_clock.h"
#include "core/util/files.h"

#include <nlohmann/json.hpp>

#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <string>
#include <thread>

namespace vt {

namespace fs = std::filesystem;
using SteadyClock = std::chrono::steady_clock;

namespace {

std::string selfExe() {
    return fs::read_symlink("/proc/self/exe").string();
}

// Runs `vetrina run ...` and returns (ms until the first line containing `marker`, that line).
std::pair<double, std::string> timeChild(const std::vector<std::string>& argsIn, const std::string& marker) {
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
    const auto t0 = SteadyClock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        close(fds[1]);
        std::vector<char*> argv;
        for (const auto& a : argsIn) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(fds[1]);
    std::string out, line;
    double ms = -1;
    char buf[4096];
    ssize_t n;
    while ((n = read(fds[0], buf, sizeof buf)) > 0) {
        out.append(buf, static_cast<size_t>(n));
        if (ms < 0 && out.find(marker) != std::string::npos) {
            ms = std::chrono::duration<double, std::milli>(SteadyClock::now() - t0).count();
        }
    }
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    const size_t at = out.find(marker);
    if (at != std::string::npos) {
        const size_t end = out.find('\n', at);
        line = out.substr(at, end == std::string::npos ? std::string::npos : end - at);
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || ms < 0)
        throw std::runtime_error("the kiosk child failed: " + out);
    return {ms, line};
}

long field(const std::string& line, const std::string& key) {
    const size_t p = line.find(key + "=");
    return p == std::string::npos ? -1 : std::atol(line.c_str() + p + key.size() + 1);
}

double fieldD(const std::string& line, const std::string& key) {
    const size_t p = line.find(key + "=");
    return p == std::string::npos ? -1 : std::atof(line.c_str() + p + key.size() + 1);
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

int cmdBench(int argc, char** argv) {
    if (wantsPdfBench(argc, argv)) return benchPdf(argc, argv);
    Args args(argc, argv, 2, {"alerts", "frames"});
    args.allowOnly({"acts", "runs", "size", "out", "static-seconds", "alerts", "poll-seconds", "frames",
                    "frames-per-screen"});
    if (args.has("alerts")) return benchAlerts(args);  // alert on the server to takeover on screen
    const int actCount = std::stoi(args.get("acts").value_or("10000"));
    const int runs = std::max(1, std::stoi(args.get("runs").value_or("7")));
    const int staticSeconds = std::max(2, std::stoi(args.get("static-seconds").value_or("5")));
    const std::string size = args.get("size").value_or("1080x1920");
    int w = 0, h = 0;
    if (!parseSize(size, w, h)) throw UsageError("--size \"" + size + "\" is not WxH");
    if (args.has("frames")) {  // per-screen frame times only (bench_frames.cpp)
        const nlohmann::json f =
            benchFrames(actCount, w, h, std::stoi(args.get("frames-per-screen").value_or("300")));
        std::printf("\n%s\n", f.dump(2).c_str());
        if (auto path = args.get("out")) writeFileAtomic(*path, f.dump(2) + "\n");
        return 0;
    }

    const fs::path dir = fs::temp_directory_path() / ("vetrina-bench-" + std::to_string(getpid()));
    fs::create_directories(dir / "data");
    const std::string config = (dir / "bench.toml").string();
    writeFileAtomic(config,
                    "[town]\nname = \"Comune di Borgo Vetrina (bench)\"\n[paths]\ndata_dir = \"data\"\n"
                    "[display]\nwidth = " +
                        std::to_string(w) + "\nheight = " + std::to_string(h) + "\ndiagonal_inches = 32\n");

    // Import throughput: an AlboPOP RSS feed through the same path as `vetrina import` (parse,
    // rules, store, search index) into a fresh store, then the same feed again (nothing changes).
    const UnixSeconds now = boardNow();
    const std::string feed = toAlboPopRss(makeSyntheticActs(actCount, romeDate(now)));
    double importMs = 0, reimportMs = 0;
    {
        Database db = Database::open((dir / "data/vetrina.db").string());
        auto t0 = SteadyClock::now();
        const ImportSummary first = importBuffer(db, "albopop", feed, "bench", now);
        importMs = std::chrono::duration<double, std::milli>(SteadyClock::now() - t0).count();
        if (first.report.fatal || first.inserted != actCount)
            throw std::runtime_error("bench import failed: " + std::to_string(first.inserted) +
                                     " acts imported");
        t0 = SteadyClock::now();
        importBuffer(db, "albopop", feed, "bench", now);
        reimportMs = std::chrono::duration<double, std::milli>(SteadyClock::now() - t0).count();
    }

    // Sync: the same feed from an HTTP server on 127.0.0.1 into a fresh store (download, parse,
    // rules, store, index), then again: the server answers 304 to the ETag and nothing is written.
    double syncFullMs = 0, syncUnchangedMs = 0;
    {
        FeedServer server("/albo.xml");
        server.publish(feed);
        fs::create_directories(dir / "sync-data");
        // attachments_per_round = 0: the synthetic acts' PDF links point at a domain that does not
        // exist, and how long a resolver takes to say so is not the kiosk's figure.
        Config syncConfig = parseConfig("[paths]\ndata_dir = \"" + (dir / "sync-data").string() +
                                            "\"\n[sync]\nattachments_per_round = 0\n[[source]]\nname = "
                                            "\"albo\"\nkind = \"albopop\"\nurl = \"http://127.0.0.1:" +
                                            std::to_string(server.port()) + "/albo.xml\"\n",
                                        (dir / "sync.toml").string());
        SyncEngine engine(syncConfig, Database::open(syncConfig.databasePath()));
        auto t0 = SteadyClock::now();
        const std::vector<SyncOutcome> full = engine.syncAll(now);
        syncFullMs = std::chrono::duration<double, std::milli>(SteadyClock::now() - t0).count();
        if (full.size() != 1 || !full[0].ok || !full[0].changed)
            throw std::runtime_error("bench sync failed: " +
                                     (full.empty() ? std::string("no outcome") : full[0].message));
        t0 = SteadyClock::now();
        const std::vector<SyncOutcome> again = engine.syncAll(now + 600);
        syncUnchangedMs = std::chrono::duration<double, std::milli>(SteadyClock::now() - t0).count();
        if (again.size() != 1 || !again[0].ok || !again[0].notModified)
            throw std::runtime_error("bench sync: the second sync was not a 304: " + again[0].message);
    }

    const std::string exe = selfExe();
    const std::vector<std::string> base = {exe, "run", "--config", config, "--headless", "--size", size};
    std::vector<double> firstFrame, rss;
    for (int i = 0; i < runs; ++i) {
        auto a = base;
        a.push_back("--exit-after-first-frame");
        const auto [ms, line] = timeChild(a, "first-frame");
        firstFrame.push_back(ms);
        rss.push_back(double(field(line, "rss_kb")) / 1024.0);
    }
    auto a = base;
    a.push_back("--run-seconds");
    a.push_back(std::to_string(staticSeconds));
    const auto [unused, staticLine] = timeChild(a, "run frames");
    (void)unused;
    const long frames = field(staticLine, "frames");
    const double cpu = fieldD(staticLine, "cpu_s");

    nlohmann::json out = {
        {"machine", {{"cores", std::thread::hardware_concurrency()}}},
        {"acts", actCount},
        {"size", size},
        {"renderer", "SDL software renderer, off-screen surface"},
        {"first_frame_ms_median", median(firstFrame)},
        {"first_frame_ms_all", firstFrame},
        {"rss_mb_at_first_frame_median", median(rss)},
        {"static_screen",
         {{"seconds", staticSeconds},
          {"frames_total", frames},
          {"frames_after_startup", std::max(0L, frames - 3)},
          {"cpu_seconds_total", cpu}}},
        {"import_albopop_rss_ms", importMs},
        {"reimport_unchanged_ms", reimportMs},
        {"sync_full_ms", syncFullMs},
        {"sync_unchanged_ms", syncUnchangedMs},
        {"feed_bytes", feed.size()},
    };
    std::printf("%s\n\n", out.dump(2).c_str());
    std::printf("%-44s %s\n", "figure", "value");
    std::printf("%-44s %.1f ms (median of %d)\n", "process start to first frame", median(firstFrame), runs);
    std::printf("%-44s %.1f MB\n", "resident memory at first frame", median(rss));
    std::printf("%-44s %ld frames in %d s (%ld after start-up)\n", "static screen", frames, staticSeconds,
                std::max(0L, frames - 3));
    std::printf("%-44s %.3f s in %d s\n", "CPU time of the static run", cpu, staticSeconds);
    std::printf("%-44s %.1f ms for %d acts (a %.1f MB RSS feed)\n", "import of an AlboPOP feed", importMs,
                actCount, double(feed.size()) / 1e6);
    std::printf("%-44s %.1f ms\n", "the same feed again (nothing changed)", reimportMs);
    std::printf("%-44s %.1f ms (HTTP on 127.0.0.1, fresh store)\n", "full sync of that feed", syncFullMs);
    std::printf("%-44s %.1f ms (the server answers 304)\n", "sync again, nothing changed", syncUnchangedMs);
    if (auto path = args.get("out")) writeFileAtomic(*path, out.dump(2) + "\n");
    fs::remove_all(dir);
    return 0;
}

}  // namespace vt
