// `vetrina doctor` on a good set-up and on broken ones: exit code and the named problems.
#include "test_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <map>

using vt::test::dataPath;
using vt::test::runCommand;
using vt::test::scratchDir;

namespace {

namespace fs = std::filesystem;

void writeText(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

std::string writeConfig(const std::string& dir, const std::string& dataDir, const std::string& feed) {
    const std::string path = dir + "/vetrina.toml";
    writeText(path, "[town]\nname = \"Comune di Prova\"\n[paths]\ndata_dir = \"" + dataDir +
                        "\"\n[[source]]\nname = \"albo\"\nkind = \"albopop\"\nurl = \"" + feed + "\"\n");
    return path;
}

struct DoctorResult {
    int exit = -1;
    nlohmann::json json;
    std::map<std::string, std::string> status;  // check id -> ok / warning / error
};

DoctorResult doctor(const std::string& config) {
    DoctorResult r;
    std::string out;
    // The dummy video driver: a container has no screen; doctor reports it as a warning.
    r.exit = runCommand(
        "SDL_VIDEODRIVER=dummy " + std::string(VETRINA_BINARY) + " doctor --json --config " + config, &out);
    r.json = nlohmann::json::parse(out);
    for (const auto& c : r.json["checks"])
        r.status[c["id"].get<std::string>()] = c["status"].get<std::string>();
    return r;
}

}  // namespace

TEST_CASE("doctor: a good set-up passes, with the display warning named", "[doctor]") {
    const std::string dir = scratchDir("doctor-good");
    fs::create_directories(dir + "/data");
    const std::string feed = dataPath("albo/ladispoli_albopop_feed.xml");
    REQUIRE(runCommand(std::string(VETRINA_BINARY) + " import --kind albopop --db " + dir +
                       "/data/vetrina.db " + feed + " >/dev/null 2>&1") == 0);
    const auto r = doctor(writeConfig(dir, dir + "/data", feed));
    CHECK(r.exit == 0);
    CHECK(r.json["ok"] == true);
    CHECK(r.json["errors"] == 0);
    CHECK(r.status.at("config") == "ok");
    CHECK(r.status.at("database") == "ok");
    CHECK(r.status.at("disk") != "error");
    CHECK(r.status.at("fonts") == "ok");
    CHECK(r.status.at("clock") != "error");
    CHECK(r.status.at("source.albo") == "ok");
    CHECK(r.status.at("display") == "warning");  // driver "dummy"

    // The plain output: Italian first, English below, the verdict last.
    std::string text;
    CHECK(runCommand("SDL_VIDEODRIVER=dummy " + std::string(VETRINA_BINARY) + " doctor --config " + dir +
                         "/vetrina.toml",
                     &text) == 0);
    CHECK(text.find("OK          Archivio: integro") != std::string::npos);
    CHECK(text.find("Database: intact") != std::string::npos);
    CHECK(text.find("ATTENZIONE  Schermo: driver \"dummy\"") != std::string::npos);
    CHECK(text.find("Esito: errori 0") != std::string::npos);
}

TEST_CASE("doctor: a missing source file and a damaged database are errors, by name", "[doctor]") {
    const std::string dir = scratchDir("doctor-broken");
    fs::create_directories(dir + "/data");
    writeText(dir + "/data/vetrina.db", "this is not an SQLite database, it is a broken file......\n");
    const auto r = doctor(writeConfig(dir, dir + "/data", dir + "/missing-albo.xml"));
    CHECK(r.exit == 1);
    CHECK(r.json["ok"] == false);
    CHECK(r.json["errors"] == 2);
    CHECK(r.status.at("source.albo") == "error");
    CHECK(r.status.at("database") == "error");
    for (const auto& c : r.json["checks"]) {
        if (c["id"] == "source.albo") {
            CHECK(c["it"].get<std::string>().find("il file non esiste") != std::string::npos);
            CHECK(c["en"].get<std::string>().find("missing-albo.xml") != std::string::npos);
        }
        if (c["id"] == "database")
            CHECK(c["en"].get<std::string>().find("cannot be opened") != std::string::npos);
    }
}

TEST_CASE("doctor: a missing data directory and a plain-http source are errors", "[doctor]") {
    const std::string dir = scratchDir("doctor-nodata");
    const std::string config = dir + "/vetrina.toml";
    writeText(config, "[town]\nname = \"Comune di Prova\"\n[paths]\ndata_dir = \"" + dir +
                          "/nowhere\"\n[[source]]\nname = \"albo\"\nkind = \"albopop\"\nurl = "
                          "\"https://albo.example.invalid/feed.xml\"\n");
    const auto r = doctor(config);
    CHECK(r.exit == 1);
    CHECK(r.status.at("disk") == "error");
    CHECK(r.status.at("database") == "warning");   // not created yet
    CHECK(r.status.at("source.albo") == "error");  // the name does not resolve

    // A plain-http source is refused when the configuration is read, naming https.
    writeText(config,
              "[town]\nname = \"Comune di Prova\"\n[[source]]\nname = \"albo\"\nkind = \"albopop\"\nurl = "
              "\"http://albo.example.invalid/feed.xml\"\n");
    const auto plain = doctor(config);
    CHECK(plain.exit == 1);
    CHECK(plain.status.at("config") == "error");
    bool named = false;
    for (const auto& c : plain.json["checks"])
        if (c["id"] == "config") named = c["en"].get<std::string>().find("https") != std::string::npos;
    CHECK(named);
}

TEST_CASE("doctor: an unreadable configuration is an error and the other checks still run", "[doctor]") {
    const std::string dir = scratchDir("doctor-badconfig");
    writeText(dir + "/vetrina.toml", "[town\nname = ");
    const auto r = doctor(dir + "/vetrina.toml");
    CHECK(r.exit == 1);
    CHECK(r.status.at("config") == "error");
    CHECK(r.status.count("clock") == 1);
    CHECK(r.status.count("fonts") == 1);
}

TEST_CASE("doctor: an http source on 127.0.0.1 answers, a missing path is named with its status",
          "[doctor]") {
    const std::string dir = scratchDir("doctor-http");
    fs::create_directories(dir + "/www");
    fs::create_directories(dir + "/data");
    fs::copy_file(dataPath("albo/ladispoli_albopop_feed.xml"), dir + "/www/feed.xml");
    // A throw-away HTTP server on a free port of 127.0.0.1; it writes the port, then serves.
    const std::string server =
        "import http.server,os,sys\n"
        "os.chdir(sys.argv[1])\n"
        "s=http.server.ThreadingHTTPServer(('127.0.0.1',0),http.server.SimpleHTTPRequestHandler)\n"
        "open(sys.argv[2],'w').write(str(s.server_address[1]))\n"
        "s.serve_forever()\n";
    writeText(dir + "/server.py", server);
    std::string pid;
    REQUIRE(runCommand("python3 " + dir + "/server.py " + dir + "/www " + dir +
                           "/port.tmp >/dev/null 2>&1 & echo $!",
                       &pid) == 0);
    std::string port;
    for (int i = 0; i < 100 && port.empty(); ++i) {
        usleep(50000);
        if (fs::exists(dir + "/port.tmp")) port = vt::test::readAll(dir + "/port.tmp");
    }
    REQUIRE_FALSE(port.empty());
    const std::string base = "http://127.0.0.1:" + port;
    const std::string config = dir + "/vetrina.toml";
    writeText(config, "[town]\nname = \"Comune di Prova\"\n[paths]\ndata_dir = \"" + dir +
                          "/data\"\n[[source]]\nname = \"albo\"\nkind = \"albopop\"\nurl = \"" + base +
                          "/feed.xml\"\n[[source]]\nname = \"avvisi\"\nkind = \"albopop\"\nurl = \"" + base +
                          "/missing.xml\"\n");
    const auto r = doctor(config);
    runCommand("kill " + pid);
    CHECK(r.exit == 1);
    CHECK(r.status.at("source.albo") == "ok");
    CHECK(r.status.at("source.avvisi") == "error");
    for (const auto& c : r.json["checks"])
        if (c["id"] == "source.avvisi")
            CHECK(c["en"].get<std::string>().find("HTTP 404") != std::string::npos);
}
