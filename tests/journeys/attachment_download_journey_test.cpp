// The attachment the sync downloaded: an act whose PDF is only on a web server (127.0.0.1, the
// fault server of tests/support) is shown on the kiosk once the sync has fetched it, with the
// server already gone.
#include <catch2/catch.hpp>

#include "../support/tiny_pdf.h"
#include "journey_support.h"

#include "core/sync/attachment_fetch.h"
#include "core/util/files.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

using vt::test::HeadlessKiosk;
namespace fs = std::filesystem;

namespace {

int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

bool accepts(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    ::close(fd);
    return ok;
}

// tests/support/fault_server.py serving `root` until stop() or the end of the scope.
class WebServer {
public:
    explicit WebServer(const std::string& root) : m_port(freePort()) {
        const std::string script = std::string(VETRINA_SOURCE_DIR) + "/tests/support/fault_server.py";
        const std::string port = std::to_string(m_port);
        m_pid = ::fork();
        if (m_pid == 0) {
            ::execlp("python3", "python3", script.c_str(), port.c_str(), root.c_str(),
                     static_cast<char*>(nullptr));
            ::_exit(127);
        }
        for (int i = 0; i < 300 && !accepts(m_port); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        REQUIRE(accepts(m_port));
    }
    ~WebServer() { stop(); }
    WebServer(const WebServer&) = delete;
    WebServer& operator=(const WebServer&) = delete;
    std::string url(const std::string& path) const {
        return "http://127.0.0.1:" + std::to_string(m_port) + "/" + path;
    }
    void stop() {
        if (m_pid <= 0) return;
        ::kill(m_pid, SIGTERM);
        ::waitpid(m_pid, nullptr, 0);
        m_pid = -1;
    }

private:
    int m_port;
    pid_t m_pid = -1;
};

}  // namespace

TEST_CASE("journey: the act offers the PDF the sync downloaded and opens its first page",
          "[journey][albo][attachments]") {
    const std::string dir = std::string(VETRINA_TEST_OUTPUT) + "/journey-fixtures/attachment-download";
    fs::remove_all(dir);
    fs::create_directories(dir + "/www");
    REQUIRE(vt::writeFileAtomic(dir + "/www/delibera-12.pdf", vt::test::makePdf(3)));
    WebServer server(dir + "/www");
    const std::string feed =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Albo di "
        "prova</title>"
        "<link>https://albo.example.invalid/</link><description>prova</description>\n"
        "<item><title>Delibera sul calendario della raccolta dei rifiuti</title>"
        "<link>https://albo.example.invalid/atti/2026-12</link>"
        "<category domain=\"http://albopop.it/specs#item-category-pubStart\">20/05/2026</category>"
        "<category domain=\"http://albopop.it/specs#item-category-pubEnd\">04/06/2026</category>"
        "<category domain=\"http://albopop.it/specs#item-category-uid\">2026-12</category>"
        "<category domain=\"http://albopop.it/specs#item-category-type\">DELIBERA DI GIUNTA</category>"
        "<enclosure url=\"" +
        server.url("delibera-12.pdf") +
        "\" length=\"0\" type=\"application/pdf\"/></item>\n"
        "</channel></rss>\n";
    REQUIRE(vt::writeFileAtomic(dir + "/feed.xml", feed));
    const std::string config =
        "[town]\nname = \"Comune di Borgo Vetrina (demo)\"\n[paths]\ndata_dir = \"{DATA}\"\n"
        "[display]\ndiagonal_inches = 32\n[[source]]\nname = \"albo\"\nkind = \"albopop\"\n"
        "url = \"" +
        dir + "/feed.xml\"\n";
    const char* at = "2026-05-25T10:00:00+02:00";
    HeadlessKiosk k("attachment-download", config, at);

    // The sync's attachment step, then the server goes away: the kiosk shows its own copy.
    const vt::AttachmentRound round =
        vt::syncActAttachments(k.writer, k.config, k.config.sources[0], *vt::parseIsoInstant(at));
    INFO(round.summary());
    REQUIRE(round.downloaded == 1);
    server.stop();

    REQUIRE(k.tap("Albo pretorio"));
    REQUIRE(k.tap("Delibera sul calendario della raccolta dei rifiuti"));
    CHECK(k.sees("Atto n. 2026/12"));
    CHECK_FALSE(k.sees("sull'albo online"));
    k.shot("01-atto-con-allegato");
    REQUIRE(k.tap("delibera-12.pdf"));
    CHECK(k.sees("Pagina 1 di 3"));
    CHECK_FALSE(k.sees("Caricamento"));
    k.shot("02-pagina-1");
}
