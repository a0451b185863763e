// vetrina bench --alerts [--runs N] [--poll-seconds N] [--size WxH] [--out FILE.json]
// A headless kiosk (`vetrina run --print-alerts`) polls a CAP source on a small HTTP server in
// this process. Each run drops a new Severe/Immediate alert on the server at a random point of the
// poll cycle and times, on the one monotonic clock both processes share:
//   poll wait  drop -> the kiosk's request that gets the new alert (bounded by poll_seconds)
//   sync       that request -> the import committed (fetch, CAP parse, store)
//   to frame   the import -> the takeover frame drawn (a headless loop polls for content changes
//              every <= 500 ms; a kiosk with a display is woken by an SDL event at once)
#include "bench_alerts.h"
#include "bench_feed_server.h"

#include "core/system/board_clock.h"
#include "core/util/civil_time.h"
#include "core/util/files.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <thread>
#include <vector>

namespace vt {

namespace fs = std::filesystem;
using Steady = std::chrono::steady_clock;

void printBenchLine(const char* tag, const std::string& detail) {
    const double ms = std::chrono::duration<double, std::milli>(Steady::now().time_since_epoch()).count();
    std::printf("%s steady_ms=%.3f %s\n", tag, ms, detail.c_str());
    std::fflush(stdout);
}

namespace {

double steadyMs(Steady::time_point t) {
    return std::chrono::duration<double, std::milli>(t.time_since_epoch()).count();
}

std::string capAlert(const std::string& id, UnixSeconds sent, bool takeover) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>" +
           id + "</identifier><sender>bench@vetrina.example</sender><sent>" + formatIsoRome(sent) +
           "</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope><info>"
           "<language>it-IT</language><category>Met</category><event>Misura</event><urgency>" +
           (takeover ? "Immediate" : "Past") + "</urgency><severity>" + (takeover ? "Severe" : "Minor") +
           "</severity><certainty>Observed</certainty><expires>" +
           formatIsoRome(takeover ? sent + 3600 : sent + 60) +
           "</expires><headline>Misura del tempo di allerta " + id +
           "</headline><description>Allerta di prova per la misura dei tempi.</description>"
           "<area><areaDesc>Borgo Vetrina</areaDesc></area></info></alert>\n";
}

// The kiosk child: its stdout read line by line with a deadline.
class KioskChild {
public:
    KioskChild(const std::vector<std::string>& argv, const std::string& logFile) {
        int fds[2];
        if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
        m_pid = ::fork();
        if (m_pid == 0) {
            ::dup2(fds[1], 1);
            const int log = ::open(logFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (log >= 0) ::dup2(log, 2);
            ::close(fds[0]);
            ::close(fds[1]);
            std::vector<char*> args;
            for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
            args.push_back(nullptr);
            ::execv(args[0], args.data());
            ::_exit(127);
        }
        ::close(fds[1]);
        m_fd = fds[0];
    }
    ~KioskChild() {
        ::kill(m_pid, SIGTERM);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        ::close(m_fd);
    }
    // The next line starting with `tag`; nullopt at the deadline or when the child ends.
    std::optional<std::string> nextLine(const std::string& tag, Steady::time_point deadline) {
        for (;;) {
            size_t nl;
            while ((nl = m_buffer.find('\n')) != std::string::npos) {
                std::string line = m_buffer.substr(0, nl);
                m_buffer.erase(0, nl + 1);
                if (line.rfind(tag, 0) == 0) return line;
            }
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Steady::now()).count();
            if (left <= 0) return std::nullopt;
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000))) <= 0) continue;
            char buf[4096];
            const ssize_t n = ::read(m_fd, buf, sizeof buf);
            if (n <= 0) return std::nullopt;
            m_buffer.append(buf, static_cast<size_t>(n));
        }
    }

private:
    pid_t m_pid = -1;
    int m_fd = -1;
    std::string m_buffer;
};

double lineMs(const std::string& line) {
    const size_t p = line.find("steady_ms=");
    return p == std::string::npos ? -1 : std::atof(line.c_str() + p + 10);
}

struct Stats {
    double median = 0, min = 0, max = 0;
};
Stats stats(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    if (v.empty()) return {};
    return {v[v.size() / 2], v.front(), v.back()};
}

}  // namespace

int benchAlerts(const Args& args) {
    const int runs = std::max(1, std::stoi(args.get("runs").value_or("6")));
    const int pollSeconds = std::max(5, std::stoi(args.get("poll-seconds").value_or("5")));
    const std::string size = args.get("size").value_or("1080x1920");
    int w = 0, h = 0;
    if (!parseSize(size, w, h)) throw UsageError("--size \"" + size + "\" is not WxH");

    const fs::path dir = fs::temp_directory_path() / ("vetrina-bench-alerts-" + std::to_string(::getpid()));
    fs::create_directories(dir / "data");
    FeedServer server("/alerts.xml");
    const UnixSeconds base = boardNow() - 600;
    server.publish(capAlert("bench-0", base, false));  // something valid, not on screen
    const std::string config = (dir / "bench.toml").string();
    writeFileAtomic(config,
                    "[town]\nname = \"Comune di Borgo Vetrina (bench)\"\n[paths]\ndata_dir = \"data\"\n"
                    "[display]\nwidth = " +
                        std::to_string(w) + "\nheight = " + std::to_string(h) +
                        "\ndiagonal_inches = 32\n[[source]]\nname = \"protezione-civile\"\nkind = \"cap\"\n"
                        "url = \"http://127.0.0.1:" +
                        std::to_string(server.port()) +
                        "/alerts.xml\"\npoll_seconds = " + std::to_string(pollSeconds) + "\n");
    const std::string log = (dir / "kiosk.log").string();
    KioskChild kiosk({fs::read_symlink("/proc/self/exe").string(), "run", "--config", config, "--headless",
                      "--size", size, "--print-alerts"},
                     log);
    const auto fail = [&](const std::string& what) -> int {
        std::fprintf(stderr, "bench --alerts: %s\n%s", what.c_str(), readFile(log).value_or("").c_str());
        return 1;
    };
    if (!kiosk.nextLine("content-changed", Steady::now() + std::chrono::seconds(30)))
        return fail("the kiosk never imported the first CAP file");

    std::mt19937 rng{std::random_device{}()};
    std::uniform_real_distribution<double> phase(0.0, double(pollSeconds));
    std::vector<double> pollWait, syncMs, toFrame, total;
    for (int i = 1; i <= runs; ++i) {
        // A random point of the poll cycle, as a real alert would arrive.
        std::this_thread::sleep_for(std::chrono::duration<double>(phase(rng)));
        const std::string id = "bench-" + std::to_string(i);
        const auto dropped = Steady::now();
        server.publish(capAlert(id, base + i, true));
        const int version = server.version();
        const auto deadline = Steady::now() + std::chrono::seconds(pollSeconds + 30);
        std::optional<std::string> changed, shown;
        while (!shown) {
            auto line = kiosk.nextLine("", deadline);
            if (!line)
                return fail("no takeover for " + id + " within " + std::to_string(pollSeconds + 30) + " s");
            if (line->rfind("content-changed", 0) == 0) changed = line;
            if (line->rfind("alert-shown", 0) == 0 && line->find("," + id) != std::string::npos) shown = line;
        }
        const auto served = server.firstServed(version);
        if (!changed || !served) return fail("the alert " + id + " was shown without a sync: " + *shown);
        const double t0 = steadyMs(dropped), tReq = steadyMs(*served), tChanged = lineMs(*changed),
                     tShown = lineMs(*shown);
        pollWait.push_back(tReq - t0);
        syncMs.push_back(tChanged - tReq);
        toFrame.push_back(tShown - tChanged);
        total.push_back(tShown - t0);
    }

    const auto js = [](const std::vector<double>& v) {
        const Stats s = stats(v);
        return nlohmann::json{{"median", s.median}, {"min", s.min}, {"max", s.max}, {"all", v}};
    };
    nlohmann::json out = {{"runs", runs},
                          {"poll_seconds", pollSeconds},
                          {"size", size},
                          {"renderer", "SDL software renderer, off-screen surface"},
                          {"alert_to_takeover_ms", js(total)},
                          {"poll_wait_ms", js(pollWait)},
                          {"sync_ms", js(syncMs)},
                          {"import_to_frame_ms", js(toFrame)}};
    std::printf("%s\n\n", out.dump(2).c_str());
    std::printf("%-44s %s\n", "figure (median, min-max)", "value");
    const auto row = [](const char* name, const std::vector<double>& v) {
        const Stats s = stats(v);
        std::printf("%-44s %.0f ms (%.0f-%.0f)\n", name, s.median, s.min, s.max);
    };
    row("alert on the server to takeover frame", total);
    row("  poll wait (drop to the kiosk's request)", pollWait);
    row("  sync (request to import committed)", syncMs);
    row("  import to takeover frame (headless loop)", toFrame);
    std::printf("%d runs, poll_seconds = %d\n", runs, pollSeconds);
    if (auto path = args.get("out")) writeFileAtomic(*path, out.dump(2) + "\n");
    std::error_code ec;
    fs::remove_all(dir, ec);
    return 0;
}

}  // namespace vt
