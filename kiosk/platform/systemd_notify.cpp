#include "platform/systemd_notify.h"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include <cstddef>
#include <cstdlib>
#include <cstring>

namespace vt {

SystemdNotifier SystemdNotifier::fromEnvironment() {
    const char* sock = std::getenv("NOTIFY_SOCKET");
    const char* usec = std::getenv("WATCHDOG_USEC");
    std::uint64_t wd = 0;
    if (usec && *usec) {
        char* end = nullptr;
        const unsigned long long v = std::strtoull(usec, &end, 10);
        if (end && *end == '\0') wd = v;
    }
    return SystemdNotifier(sock ? sock : "", wd);
}

SystemdNotifier::SystemdNotifier(std::string socketPath, std::uint64_t watchdogUsec)
    : m_socket(std::move(socketPath)), m_watchdogUsec(watchdogUsec) {
    // Only unix sockets: a path, or '@' for the abstract namespace (what systemd passes).
    if (!m_socket.empty() && m_socket[0] != '/' && m_socket[0] != '@') m_socket.clear();
}

bool SystemdNotifier::send(const std::string& message) const {
    if (m_socket.empty()) return false;
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (m_socket.size() >= sizeof(addr.sun_path)) return false;
    std::memcpy(addr.sun_path, m_socket.data(), m_socket.size());
    socklen_t len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + m_socket.size());
    if (m_socket[0] == '@')
        addr.sun_path[0] = '\0';  // abstract: no trailing NUL counted
    else
        ++len;
    const int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    // One short datagram per call: cheap enough at WATCHDOG_USEC/2, and no state to go stale
    // if systemd restarts and recreates the socket.
    const ssize_t n = sendto(fd, message.data(), message.size(), MSG_NOSIGNAL,
                             reinterpret_cast<const sockaddr*>(&addr), len);
    close(fd);
    return n == static_cast<ssize_t>(message.size());
}

void SystemdNotifier::ready() {
    if (m_readySent) return;
    m_readySent = true;
    send("READY=1\nSTATUS=Kiosk in funzione / running");
}

void SystemdNotifier::status(const std::string& text) const {
    std::string clean = text;
    for (char& c : clean)
        if (c == '\n') c = ' ';
    send("STATUS=" + clean);
}

void SystemdNotifier::stopping() {
    send("STOPPING=1");
}

void SystemdNotifier::tick(Clock::time_point now) {
    if (m_watchdogUsec == 0 || m_socket.empty()) return;
    const auto half = std::chrono::microseconds(m_watchdogUsec / 2);
    if (m_pinged && now - m_lastPing < half) return;
    m_pinged = true;
    m_lastPing = now;
    if (send("WATCHDOG=1")) ++m_pings;
}

}  // namespace vt
