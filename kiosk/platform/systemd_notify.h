// Talks to systemd's notify socket: READY after the first frame, STATUS, STOPPING, and the
// watchdog ping from the UI loop. Reads NOTIFY_SOCKET and WATCHDOG_USEC itself, because under
// cage WATCHDOG_PID is cage's pid and sd_watchdog_enabled() would say "no" (REFERENCE 6.1).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace vt {

class SystemdNotifier {
public:
    using Clock = std::chrono::steady_clock;

    // From the environment ($NOTIFY_SOCKET, $WATCHDOG_USEC).
    static SystemdNotifier fromEnvironment();
    // Explicit values (tests); an empty socket disables everything, watchdogUsec 0 the pings.
    SystemdNotifier(std::string socketPath, std::uint64_t watchdogUsec);

    bool enabled() const { return !m_socket.empty(); }
    std::uint64_t watchdogUsec() const { return m_watchdogUsec; }

    // READY=1, sent once; call after the first frame is on screen.
    void ready();
    // STATUS=text; safe from any thread (it touches no state of the notifier).
    void status(const std::string& text) const;
    void stopping();
    // Sends WATCHDOG=1 when half the watchdog interval has passed since the last ping. Call it
    // from the UI loop itself: if the loop hangs, the pings stop and systemd restarts us.
    void tick(Clock::time_point now);
    long pingsSent() const { return m_pings; }

private:
    bool send(const std::string& message) const;

    std::string m_socket;
    std::uint64_t m_watchdogUsec = 0;
    bool m_readySent = false;
    bool m_pinged = false;
    Clock::time_point m_lastPing{};
    long m_pings = 0;
};

}  // namespace vt
