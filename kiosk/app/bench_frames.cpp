// Per-screen frame times: for each screen, the time to build the frame (the UI: every screen's
// drawing code and ImGui, up to ImGui::Render) and the time of the SDL software renderer to turn
// it into pixels, p50 and p99, with the screen in use (the albo list scrolled with drags over
// 10,000 acts, the search typed into key by key). The attract loop is run for a simulated minute
// the way KioskHost::run paces it (a frame only when the UI asks or the minute changes), which
// gives its frames per second and its CPU share.
#include "bench_frames.h"
#include "demo_sources.h"

#include "args.h"
#include "kiosk_session.h"

#include "core/albo/albo_store.h"
#include "core/bench/synthetic.h"
#include "core/sources/local_refresh.h"
#include "core/system/board_clock.h"
#include "core/util/files.h"
#include "platform/journey_runner.h"

#include <unistd.h>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <functional>

namespace vt {

namespace fs = std::filesystem;

namespace {

double threadCpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// Times are this thread's CPU time, not wall time: the build machine is shared, and a frame
// that waited for a core says nothing about the kiosk, which has its cores to itself.
double cpuMsSince(double t0) {
    return (threadCpuSeconds() - t0) * 1000.0;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const size_t i =
        std::min(v.size() - 1, static_cast<size_t>(std::ceil(p * double(v.size()))) - (p > 0 ? 1 : 0));
    return v[i];
}

double round2(double x) {
    return std::round(x * 100) / 100;
}

std::string benchConfig(const fs::path& dir, int w, int h) {
    const std::string content = std::string(VETRINA_SOURCE_DIR) + "/content";
    // A long idle time: the visitor never leaves while a screen is measured.
    std::string t = "[town]\nname = \"Comune di Borgo Vetrina (bench)\"\n[paths]\ndata_dir = \"" +
                    (dir / "data").string() + "\"\n[display]\nwidth = " + std::to_string(w) +
                    "\nheight = " + std::to_string(h) +
                    "\ndiagonal_inches = 32\n[kiosk]\nidle_seconds = 3600\n";
    t += sourceEntry("albo", "albopop", (dir / "albo.xml").string());
    t += demoContentSources(content);
    return t;
}

class FrameBench {
public:
    FrameBench(KioskSession& s, UnixSeconds now) : m_s(s), m_now(double(now)) {}

    // Opens `route`, lets it load, then measures `frames` frames; `input(i)` runs before frame i.
    nlohmann::json screen(const std::string& name, const std::string& route, int frames,
                          const std::function<void(int)>& input = {}) {
        if (auto r = parseRoute(route)) m_s.ui->nav().open(*r);
        for (int i = 0; i < 30; ++i) frame(false);
        std::vector<double> uiMs, renderMs;
        for (int i = 0; i < frames; ++i) {
            if (input) input(i);
            const double t0 = threadCpuSeconds();
            frame(false);
            uiMs.push_back(cpuMsSince(t0));
            const double t1 = threadCpuSeconds();
            m_s.host->rasterizeLast();
            renderMs.push_back(cpuMsSince(t1));
        }
        const nlohmann::json j = {{"screen", name},
                                  {"frames", frames},
                                  {"ui_ms_p50", round2(percentile(uiMs, 0.5))},
                                  {"ui_ms_p99", round2(percentile(uiMs, 0.99))},
                                  {"render_ms_p50", round2(percentile(renderMs, 0.5))},
                                  {"render_ms_p99", round2(percentile(renderMs, 0.99))}};
        std::printf("%-22s %8.2f %8.2f %10.2f %10.2f\n", name.c_str(), j["ui_ms_p50"].get<double>(),
                    j["ui_ms_p99"].get<double>(), j["render_ms_p50"].get<double>(),
                    j["render_ms_p99"].get<double>());
        return j;
    }

    // The attract loop for `seconds` of simulated time, paced like KioskHost::run.
    nlohmann::json attract(double seconds) {
        m_s.ui->nav().home();
        frame(false);
        // Nobody for longer than idle_seconds: the session resets and the loop starts.
        advance(3601);
        frame(false);
        if (!m_s.ui->attractPlaying()) throw std::runtime_error("bench: the attract loop did not start");
        const double end = m_now + seconds;
        long frames = 0;
        double cpu = 0;
        std::vector<double> uiMs, renderMs;
        bool more = true;  // the frame that started the loop asks for the next one
        while (true) {
            double next = more ? 1.0 / 60.0 : 60.0 - std::fmod(m_now, 60.0);
            if (m_s.host->nextFrameIn() >= 0) next = std::min(next, m_s.host->nextFrameIn());
            next = std::max(next, 1e-3);
            if (m_now + next > end) break;
            m_dt = next;  // frame() advances the clock by it
            const double t0 = threadCpuSeconds();
            more = frame(false);
            uiMs.push_back(cpuMsSince(t0));
            const double t1 = threadCpuSeconds();
            m_s.host->rasterizeLast();
            renderMs.push_back(cpuMsSince(t1));
            cpu += threadCpuSeconds() - t0;
            ++frames;
        }
        m_dt = 1.0 / 60.0;
        const nlohmann::json j = {{"screen", "attract loop"},
                                  {"simulated_seconds", seconds},
                                  {"frames", frames},
                                  {"frames_per_second", round2(double(frames) / seconds)},
                                  {"cpu_seconds", std::round(cpu * 1000) / 1000},
                                  {"cpu_share_percent", round2(100.0 * cpu / seconds)},
                                  {"ui_ms_p50", round2(percentile(uiMs, 0.5))},
                                  {"ui_ms_p99", round2(percentile(uiMs, 0.99))},
                                  {"render_ms_p50", round2(percentile(renderMs, 0.5))},
                                  {"render_ms_p99", round2(percentile(renderMs, 0.99))}};
        std::printf("%-22s %8.2f %8.2f %10.2f %10.2f   %ld frames in %.0f s: %.2f fps, CPU %.2f%%\n",
                    "attract loop", j["ui_ms_p50"].get<double>(), j["ui_ms_p99"].get<double>(),
                    j["render_ms_p50"].get<double>(), j["render_ms_p99"].get<double>(), frames, seconds,
                    double(frames) / seconds, 100.0 * cpu / seconds);
        return j;
    }

    void inject(PointerEvent::Type type, float x, float y) { m_s.host->input().inject({type, x, y}); }
    const SemanticTree& tree() { return m_s.host->tree(); }

private:
    bool frame(bool raster) {
        m_now += m_dt;
        return m_s.host->frame(*m_s.ui, static_cast<UnixSeconds>(m_now), static_cast<float>(m_dt), raster);
    }
    void advance(double s) { m_now += s; }

    KioskSession& m_s;
    double m_now;
    double m_dt = 1.0 / 60.0;
};

}  // namespace

nlohmann::json benchFrames(int acts, int width, int height, int framesPerScreen) {
    const fs::path dir = fs::temp_directory_path() / ("vetrina-bench-frames-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "data");
    // Today at 10:00 in Rome: the acts are in their window and the daytime notices play.
    const UnixSeconds now = romeToInstant({romeDate(boardNow()), 10, 0, 0});
    writeFileAtomic((dir / "albo.xml").string(), toAlboPopRss(makeSyntheticActs(acts, romeDate(now))));
    const std::string configPath = (dir / "bench.toml").string();
    writeFileAtomic(configPath, benchConfig(dir, width, height));
    char self[] = "vetrina", cmd[] = "bench", opt[] = "--config";
    char* argv[] = {self, cmd, opt, const_cast<char*>(configPath.c_str())};
    KioskSession s = KioskSession::open(Args(4, argv, 2));
    for (const SourceOutcome& o : refreshLocalSources(s.writer, s.config, now))
        if (!o.ok) throw std::runtime_error("bench: cannot import " + o.source + ": " + o.error);
    s.createHost(width, height, false, true);

    std::vector<Act> first = listActsAt(s.reader, now, 1, WithAttachments::No);
    if (first.empty()) throw std::runtime_error("bench: no act in its window");
    Statement sheet =
        s.reader.prepare("SELECT sheet_id FROM sheets WHERE lang = 'it' ORDER BY sheet_id LIMIT 1");
    const std::string sheetId = sheet.step() ? sheet.text(0) : "";

    std::printf("%-22s %8s %8s %10s %10s   (CPU ms per frame, %dx%d, %d frames each)\n", "screen", "ui p50",
                "ui p99", "render p50", "render p99", width, height, framesPerScreen);
    FrameBench b(s, now);
    const float w = float(width), h = float(height);
    nlohmann::json screens = nlohmann::json::array();
    screens.push_back(b.screen("home", "home", framesPerScreen));
    // Flings up the list: press, 12 moves over 200 ms, release, then the kinetic scroll.
    screens.push_back(b.screen("albo list (scrolling)", "albo", framesPerScreen, [&](int i) {
        const int k = i % 40;
        const float x = w * 0.5f, y0 = h * 0.75f, y1 = h * 0.35f;
        if (k == 0)
            b.inject(PointerEvent::Type::Down, x, y0);
        else if (k <= 12)
            b.inject(PointerEvent::Type::Move, x, y0 + (y1 - y0) * float(k) / 12.0f);
        else if (k == 13)
            b.inject(PointerEvent::Type::Up, x, y1);
    }));
    screens.push_back(b.screen("act", "act:" + std::to_string(first.front().id), framesPerScreen));
    screens.push_back(b.screen("services", "services", framesPerScreen));
    if (!sheetId.empty()) screens.push_back(b.screen("sheet", "sheet:" + sheetId, framesPerScreen));
    // A key every 6 frames (100 ms); "Cancella" after each word.
    const std::string typed = "cartaidentita residenza tari ";
    size_t next = 0;
    std::string pending;
    screens.push_back(b.screen("search (typing)", "search", framesPerScreen, [&](int i) {
        const int k = i % 6;
        if (k == 0) {
            const char c = typed[next++ % typed.size()];
            const std::string label = c == ' ' ? "Cancella" : std::string("Lettera ") + char(c - 'a' + 'A');
            pending.clear();
            if (const SemanticNode* n = b.tree().findInteractive(label)) {
                b.inject(PointerEvent::Type::Down, n->rect.centerX(), n->rect.centerY());
                pending = label;
            }
        } else if (k == 2 && !pending.empty()) {
            if (const SemanticNode* n = b.tree().findInteractive(pending))
                b.inject(PointerEvent::Type::Up, n->rect.centerX(), n->rect.centerY());
        }
    }));
    screens.push_back(b.screen("notices", "notices", framesPerScreen));
    screens.push_back(b.screen("events", "events", framesPerScreen));
    screens.push_back(b.screen("offices", "offices", framesPerScreen));
    const nlohmann::json attract = b.attract(60);
    screens.push_back(attract);
    s.ui.reset();
    s.host.reset();
    fs::remove_all(dir);
    return {{"size", std::to_string(width) + "x" + std::to_string(height)},
            {"acts", acts},
            {"frames_per_screen", framesPerScreen},
            {"renderer", "SDL software renderer, off-screen surface"},
            {"times", "thread CPU time per frame, ms"},
            {"screens", screens},
            {"attract_loop", attract}};
}

}  // namespace vt
