// The sync engine against a real nginx from Debian on 127.0.0.1, started by the test.
#include "core/sync/sync_engine.h"
#include "core/util/files.h"
#include "sync_fixtures.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <thread>

using namespace vt;
using namespace vt::test;
namespace fs = std::filesystem;

namespace {

class Nginx {
public:
    Nginx(const std::string& prefix, const std::string& root)
        : m_prefix(prefix), m_port(freePort()), m_process(start(prefix, root, m_port)) {
        REQUIRE(waitForPort(m_port));
    }
    std::string url(const std::string& path) const {
        return "http://127.0.0.1:" + std::to_string(m_port) + "/" + path;
    }
    // Lines of the access log: one per request nginx answered.
    std::vector<std::string> requests() const {
        std::vector<std::string> out;
        const std::string log = readFile(m_prefix + "/access.log").value_or("");
        size_t start = 0, end;
        while ((end = log.find('\n', start)) != std::string::npos) {
            out.push_back(log.substr(start, end - start));
            start = end + 1;
        }
        return out;
    }

private:
    static std::vector<std::string> start(const std::string& prefix, const std::string& root, int port) {
        fs::create_directories(prefix + "/tmp");
        const std::string conf = "worker_processes 1;\npid " + prefix + "/nginx.pid;\nerror_log " + prefix +
                                 "/error.log;\nevents { worker_connections 64; }\nhttp {\n access_log " +
                                 prefix + "/access.log;\n client_body_temp_path " + prefix +
                                 "/tmp;\n proxy_temp_path " + prefix + "/tmp;\n fastcgi_temp_path " + prefix +
                                 "/tmp;\n uwsgi_temp_path " + prefix + "/tmp;\n scgi_temp_path " + prefix +
                                 "/tmp;\n server { listen 127.0.0.1:" + std::to_string(port) + "; root " +
                                 root + "; }\n}\n";
        REQUIRE(writeFileAtomic(prefix + "/nginx.conf", conf));
        return {"/usr/sbin/nginx",      "-p", prefix,       "-e", prefix + "/error.log", "-c",
                prefix + "/nginx.conf", "-g", "daemon off;"};
    }
    std::string m_prefix;
    int m_port;
    ChildProcess m_process;
};

// nginx's ETag is mtime (seconds) and size: a republish within the same second could keep it, so
// the test moves the manifest's mtime as a later publish would.
void age(const std::string& file, int seconds) {
    fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(seconds));
}

}  // namespace

TEST_CASE("sync from nginx: first sync, a 304 that writes nothing, a change, a key rotation",
          "[sync][nginx]") {
    const std::string dir = scratchDir("sync-nginx");
    const std::string www = dir + "/www";
    fs::create_directories(www);
    const SecretKey current = generateSecretKey();
    const SecretKey next = generateSecretKey();
    const UnixSeconds now = std::time(nullptr);
    writeContent(dir + "/content", 50, "Prima");
    publishOrFail(dir + "/content", www, current, now);
    Nginx nginx(dir + "/nginx", www);

    const std::string cfgPath = dir + "/kiosk.toml";
    REQUIRE(writeFileAtomic(cfgPath, manifestConfig(dir + "/data", nginx.url("manifest.json"),
                                                    {current.publicKey(), next.publicKey()})));
    fs::create_directories(dir + "/data");
    Config config = loadConfig(cfgPath);
    SyncEngine engine(config, Database::open(config.databasePath()));

    SyncOutcome first = engine.syncSource(config.sources[0], now);
    INFO(first.message);
    REQUIRE(first.ok);
    CHECK(first.changed);
    CHECK(first.revision == 1);
    CHECK(actsFingerprint(engine.database()).rfind("50:", 0) == 0);
    CHECK(
        fs::exists(dir + "/data/objects/" + sha256Hex(readFile(dir + "/content/media/stemma.png").value())));

    // Nothing changed: exactly one conditional request, answered 304, and no database write.
    // nginx logs a request after answering it: wait for the first sync's five requests
    // (manifest, signature, three files) to be logged.
    for (int i = 0; i < 200 && nginx.requests().size() < 5; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    const size_t before = nginx.requests().size();
    REQUIRE(before == 5);
    const int changesBefore = sqlite3_total_changes(engine.database().handle());
    SyncOutcome again = engine.syncSource(config.sources[0], now + 60);
    CHECK(again.ok);
    CHECK(again.notModified);
    CHECK(sqlite3_total_changes(engine.database().handle()) == changesBefore);
    auto log = nginx.requests();
    for (int i = 0; i < 200 && log.size() < before + 1; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        log = nginx.requests();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // and any unexpected extra request
    log = nginx.requests();
    REQUIRE(log.size() == before + 1);
    CHECK_THAT(log.back(), Catch::Contains("GET /manifest.json") && Catch::Contains("\" 304 "));
    CHECK(engine.overview().sources.at(0).lastSuccess == now + 60);  // the UI still sees the check

    // A change is picked up.
    writeContent(dir + "/content", 60, "Seconda");
    publishOrFail(dir + "/content", www, current, now);
    age(www + "/manifest.json", 10);
    SyncOutcome changed = engine.syncSource(config.sources[0], now + 120);
    INFO(changed.message);
    REQUIRE(changed.ok);
    CHECK(changed.revision == 2);
    CHECK(actsFingerprint(engine.database()).rfind("60:", 0) == 0);
    Statement st = engine.database().prepare("SELECT subject FROM acts WHERE uid = '2026/1'");
    REQUIRE(st.step());
    CHECK(st.text(0) == "Seconda atto numero 1");

    // Rotation: the town signs with the next key, pinned in advance.
    writeContent(dir + "/content", 60, "Terza");
    publishOrFail(dir + "/content", www, next, now);
    age(www + "/manifest.json", 20);
    SyncOutcome rotated = engine.syncSource(config.sources[0], now + 180);
    INFO(rotated.message);
    REQUIRE(rotated.ok);
    CHECK(rotated.revision == 3);
    const SyncOverview ov = engine.overview();
    CHECK(ov.sources.at(0).keyId == next.publicKey().keyIdHex());
    CHECK(ov.contentUpdatedAt == now + 180);
    CHECK_FALSE(ov.anyFailing);
    CHECK_FALSE(ov.offline);
}
