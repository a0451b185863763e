// Fixtures of the sync tests: generated AlboPOP feeds and content folders, published trees,
// child processes (nginx, the fault server, the vetrina binary) and free loopback ports.
#pragma once

#include "core/config/config.h"
#include "core/store/database.h"
#include "core/sync/minisign.h"
#include "core/sync/publish.h"

#include <string>
#include <vector>

#include <sys/types.h>

namespace vt::test {

// An AlboPOP RSS feed with `count` acts numbered "<year>/<first..>", subjects starting with `tag`.
std::string makeAlboFeed(int count, const std::string& tag, int year = 2026);
// A content folder: albo/albo.xml with `acts` acts tagged `tag`, a media file and town.toml.
void writeContent(const std::string& dir, int acts, const std::string& tag);
// Publishes `contentDir` into `outDir`; REQUIREs success.
PublishResult publishOrFail(const std::string& contentDir, const std::string& outDir, const SecretKey& key,
                            UnixSeconds now, int expiresDays = 30);
// A kiosk config with one manifest source (pinned `keys`) and short test timeouts.
std::string manifestConfig(const std::string& dataDir, const std::string& url,
                           const std::vector<PublicKey>& keys, const std::string& extra = "");

int freePort();
bool waitForPort(int port, int timeoutMs = 15000);

// A child process killed (SIGTERM, then SIGKILL) and reaped when it goes out of scope.
class ChildProcess {
public:
    explicit ChildProcess(const std::vector<std::string>& argv, bool quiet = false);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    pid_t pid() const { return m_pid; }
    void kill(int sig);
    // Waits for exit; returns the wait status.
    int wait();

private:
    pid_t m_pid = -1;
    bool m_reaped = false;
};

// The fault-injecting HTTP server of tests/support, serving `root`.
class FaultServer {
public:
    explicit FaultServer(const std::string& root);
    int port() const { return m_port; }
    std::string url(const std::string& path) const;
    void setFault(const std::string& fault);
    // Every answer's Date header at `date` (0: the real clock again).
    void setDate(UnixSeconds date);

private:
    int m_port;
    ChildProcess m_process;
};

// A string that changes whenever the source's acts change.
std::string actsFingerprint(const Database& db);

}  // namespace vt::test
