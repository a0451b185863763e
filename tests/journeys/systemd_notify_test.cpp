// The systemd notify protocol of `vetrina run`, against a datagram socket bound by the test as
// NOTIFY_SOCKET: READY once after the first frame, WATCHDOG pings while the UI loop runs, and
// none once the loop hangs (--test-hang-after-seconds), though the process is still alive.
#include "platform/systemd_notify.h"

#include <catch2/catch.hpp>

#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Datagram {
    double at;  // seconds since the listener started
    std::string text;
};

// Binds a unix datagram socket and records every message with its arrival time.
class NotifyListener {
public:
    explicit NotifyListener(const std::string& path) : m_path(path) {
        fs::remove(path);
        m_fd = socket(AF_UNIX, SOCK_DGRAM, 0);
        REQUIRE(m_fd >= 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        REQUIRE(path.size() < sizeof(addr.sun_path));
        path.copy(addr.sun_path, path.size());
        REQUIRE(bind(m_fd, reinterpret_cast<const sockaddr*>(&addr), sizeof(addr)) == 0);
        timeval tv{0, 50000};
        setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
        m_start = Clock::now();
        m_thread = std::thread([this] {
            char buf[512];
            while (!m_stop) {
                const ssize_t n = recv(m_fd, buf, sizeof(buf), 0);
                if (n <= 0) continue;
                const double t = std::chrono::duration<double>(Clock::now() - m_start).count();
                m_got.push_back({t, std::string(buf, static_cast<size_t>(n))});
            }
        });
    }
    ~NotifyListener() {
        finish();
        close(m_fd);
        fs::remove(m_path);
    }
    const std::vector<Datagram>& finish() {
        if (m_thread.joinable()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            m_stop = true;
            m_thread.join();
        }
        return m_got;
    }

private:
    std::string m_path;
    int m_fd = -1;
    Clock::time_point m_start;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
    std::vector<Datagram> m_got;
};

std::string scratch(const std::string& name) {
    const auto dir = fs::path(VETRINA_TEST_OUTPUT) / "scratch" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir.string();
}

// A kiosk with no sources on the headless software renderer.
int runKiosk(const std::string& dir, const std::string& socketPath, const std::string& extra) {
    std::ofstream(dir + "/vetrina.toml")
        << "[town]\nname = \"Comune di Prova\"\n[paths]\ndata_dir = \"" << dir << "/data\"\n";
    const std::string cmd = "NOTIFY_SOCKET=" + socketPath + " WATCHDOG_USEC=200000 " + VETRINA_BINARY +
                            " run --headless --size 540x960 --config " + dir + "/vetrina.toml " + extra +
                            " >/dev/null 2>&1";
    const int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::vector<double> timesOf(const std::vector<Datagram>& got, const std::string& prefix) {
    std::vector<double> t;
    for (const auto& d : got)
        if (d.text.rfind(prefix, 0) == 0) t.push_back(d.at);
    return t;
}

}  // namespace

TEST_CASE("notify: READY after the first frame, then watchdog pings until STOPPING", "[systemd]") {
    const std::string dir = scratch("notify-run");
    NotifyListener listener(dir + "/notify.sock");
    REQUIRE(runKiosk(dir, dir + "/notify.sock", "--run-seconds 3") == 0);
    const auto& got = listener.finish();
    REQUIRE(got.size() >= 4);

    const auto ready = timesOf(got, "READY=1");
    const auto pings = timesOf(got, "WATCHDOG=1");
    const auto stopping = timesOf(got, "STOPPING=1");
    REQUIRE(ready.size() == 1);
    REQUIRE(stopping.size() == 1);
    // The loop's first iteration pings, draws, then says READY: a ping precedes it (STATUS lines
    // may come in between).
    size_t readyIndex = 0;
    while (got[readyIndex].text.rfind("READY=1", 0) != 0) ++readyIndex;
    bool pingedBefore = false;
    for (size_t i = 0; i < readyIndex; ++i) pingedBefore |= got[i].text == "WATCHDOG=1";
    CHECK(pingedBefore);
    CHECK(got.back().text == "STOPPING=1");
    // The idle loop wakes at least every 500 ms: pings never stop for long while it runs.
    REQUIRE(pings.size() >= 5);
    for (size_t i = 1; i < pings.size(); ++i) CHECK(pings[i] - pings[i - 1] < 0.8);
    CHECK(stopping[0] - pings.back() < 0.8);
}

TEST_CASE("notify: a hung UI loop stops the watchdog pings", "[systemd]") {
    const std::string dir = scratch("notify-hang");
    NotifyListener listener(dir + "/notify.sock");
    REQUIRE(runKiosk(dir, dir + "/notify.sock", "--run-seconds 4 --test-hang-after-seconds 1") == 0);
    const auto& got = listener.finish();
    const auto ready = timesOf(got, "READY=1");
    const auto pings = timesOf(got, "WATCHDOG=1");
    const auto stopping = timesOf(got, "STOPPING=1");
    REQUIRE(ready.size() == 1);
    REQUIRE(stopping.size() == 1);
    REQUIRE_FALSE(pings.empty());
    // Alive for ~3 s more, but silent: systemd (WatchdogSec=0.2 s here) would have killed it.
    CHECK(stopping[0] - pings.back() > 2.0);
}

TEST_CASE("notifier: pings at most every half interval, nothing without a socket", "[systemd]") {
    const std::string dir = scratch("notify-unit");
    NotifyListener listener(dir + "/n.sock");
    vt::SystemdNotifier n(dir + "/n.sock", 1000000);  // 1 s: a ping every 0.5 s at most
    const auto t0 = vt::SystemdNotifier::Clock::now();
    for (int ms = 0; ms <= 2000; ms += 100) n.tick(t0 + std::chrono::milliseconds(ms));
    CHECK(n.pingsSent() == 5);  // at 0, 0.5, 1.0, 1.5, 2.0 s
    n.ready();
    n.ready();
    n.status("line one\nline two");
    const auto& got = listener.finish();
    CHECK(timesOf(got, "WATCHDOG=1").size() == 5);
    CHECK(timesOf(got, "READY=1").size() == 1);
    CHECK(timesOf(got, "STATUS=line one line two").size() == 1);

    vt::SystemdNotifier off("", 1000000);
    off.tick(t0);
    CHECK_FALSE(off.enabled());
    CHECK(off.pingsSent() == 0);
    vt::SystemdNotifier noWatchdog(dir + "/n.sock", 0);
    noWatchdog.tick(t0);
    CHECK(noWatchdog.pingsSent() == 0);
}

TEST_CASE("notifier: an abstract-namespace NOTIFY_SOCKET (@name), as systemd may pass", "[systemd]") {
    const std::string name = "vetrina-test-" + std::to_string(getpid());
    const int fd = socket(AF_UNIX, SOCK_DGRAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    name.copy(addr.sun_path + 1, name.size());
    const auto len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + 1 + name.size());
    REQUIRE(bind(fd, reinterpret_cast<const sockaddr*>(&addr), len) == 0);
    vt::SystemdNotifier n("@" + name, 0);
    n.ready();
    char buf[128] = {};
    timeval tv{1, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    const ssize_t got = recv(fd, buf, sizeof(buf) - 1, 0);
    close(fd);
    REQUIRE(got > 0);
    CHECK(std::string(buf).rfind("READY=1", 0) == 0);
}
