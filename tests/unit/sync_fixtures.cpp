#include "sync_fixtures.h"

#include "core/sync/http_fetch.h"
#include "core/sync/manifest.h"
#include "core/util/files.h"

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <thread>

#include <ctime>
#include "core/util/civil_time.h"
#include "core/util/italian_format.h"

namespace vt::test {

namespace fs = std::filesystem;

std::string makeAlboFeed(int count, const std::string& tag, int year) {
    std::string x =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\n"
        "<title>AlboPOP - Comune - Borgo Vetrina (demo)</title><link>https://example.invalid/albo</link>\n"
        "<description>feed di prova</description>\n";
    // A window around today, shorter than the 60-day limit of a real albo publication, so the
    // acts are on screen whenever the tests run.
    const CivilDate today = romeDate(std::time(nullptr));
    const std::string start = formatDateShortIt(addDays(today, -10));
    const std::string end = formatDateShortIt(addDays(today, 40));
    for (int i = 1; i <= count; ++i) {
        const std::string n = std::to_string(i);
        x += "<item><title>" + tag + " atto numero " + n + "</title><link>https://example.invalid/atti/" + n +
             "</link><category domain=\"http://albopop.it/specs#item-category-uid\">" + std::to_string(year) +
             "/" + n + "</category><category domain=\"http://albopop.it/specs#item-category-pubStart\">" +
             start + "</category><category domain=\"http://albopop.it/specs#item-category-pubEnd\">" + end +
             "</category></item>\n";
    }
    return x + "</channel></rss>\n";
}

void writeContent(const std::string& dir, int acts, const std::string& tag) {
    fs::remove_all(dir);
    fs::create_directories(dir + "/albo");
    fs::create_directories(dir + "/media");
    REQUIRE(writeFileAtomic(dir + "/albo/albo.xml", makeAlboFeed(acts, tag)));
    REQUIRE(writeFileAtomic(dir + "/media/stemma.png", "not really a png, " + tag));
    REQUIRE(writeFileAtomic(dir + "/town.toml", "name = \"Comune di Borgo Vetrina (demo)\"\n"));
}

PublishResult publishOrFail(const std::string& contentDir, const std::string& outDir, const SecretKey& key,
                            UnixSeconds now, int expiresDays) {
    PublishOptions o;
    o.contentDir = contentDir;
    o.outDir = outDir;
    o.now = now;
    o.expiresDays = expiresDays;
    PublishResult r = publishContent(o, key);
    INFO((r.errors.empty() ? std::string() : r.errors.front()));
    REQUIRE(r.ok());
    return r;
}

std::string manifestConfig(const std::string& dataDir, const std::string& url,
                           const std::vector<PublicKey>& keys, const std::string& extra) {
    std::string k;
    for (const auto& key : keys) k += (k.empty() ? "\"" : ", \"") + key.encoded() + "\"";
    return "[paths]\ndata_dir = \"" + dataDir +
           "\"\n[sync]\nconnect_timeout_seconds = 1\ntimeout_seconds = 6\nlow_speed_bytes = 1000\n"
           "low_speed_seconds = 2\nmin_free_mb = 1\n" +
           extra + "\n[[source]]\nname = \"comune\"\nkind = \"manifest\"\nurl = \"" + url +
           "\"\npublic_keys = [" + k + "]\n";
}

int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

bool waitForPort(int port, int timeoutMs) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (std::chrono::steady_clock::now() < until) {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = htons(static_cast<std::uint16_t>(port));
        const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
        ::close(fd);
        if (ok) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

ChildProcess::ChildProcess(const std::vector<std::string>& argv, bool quiet) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    m_pid = ::fork();
    REQUIRE(m_pid >= 0);
    if (m_pid == 0) {
        if (quiet) {
            const int null = ::open("/dev/null", O_WRONLY);
            ::dup2(null, 1);
            ::dup2(null, 2);
        }
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
}

ChildProcess::~ChildProcess() {
    if (m_reaped || m_pid <= 0) return;
    ::kill(m_pid, SIGTERM);
    for (int i = 0; i < 100; ++i) {
        int st = 0;
        if (::waitpid(m_pid, &st, WNOHANG) == m_pid) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ::kill(m_pid, SIGKILL);
    ::waitpid(m_pid, nullptr, 0);
}

void ChildProcess::kill(int sig) {
    ::kill(m_pid, sig);
}

int ChildProcess::wait() {
    int st = 0;
    ::waitpid(m_pid, &st, 0);
    m_reaped = true;
    return st;
}

FaultServer::FaultServer(const std::string& root)
    : m_port(freePort()),
      m_process({"python3", std::string(VETRINA_SOURCE_DIR) + "/tests/support/fault_server.py",
                 std::to_string(m_port), root}) {
    REQUIRE(waitForPort(m_port));
}

std::string FaultServer::url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(m_port) + "/" + path;
}

void FaultServer::setFault(const std::string& fault) {
    FetchRequest r;
    r.url = url("__fault/" + fault);
    REQUIRE(fetchUrl(r).ok());
}

void FaultServer::setDate(UnixSeconds date) {
    FetchRequest r;
    r.url = url("__date/" + (date ? std::to_string(date) : std::string("none")));
    REQUIRE(fetchUrl(r).ok());
}

std::string actsFingerprint(const Database& db) {
    Statement st = db.prepare(
        "SELECT count(*), coalesce(group_concat(uid || subject, '|'), '') FROM "
        "(SELECT uid, subject FROM acts ORDER BY uid)");
    REQUIRE(st.step());
    return std::to_string(st.integer(0)) + ":" + sha256Hex(st.text(1));
}

}  // namespace vt::test
