// The vetrina-console command line, run as a process.
#include "../unit/test_support.h"

#include <catch2/catch.hpp>

#include <fstream>

namespace {

const std::string kBin = VETRINA_CONSOLE_BINARY;

std::string configIn(const std::string& dir) {
    const std::string path = dir + "/console.toml";
    std::ofstream(path) << "[console]\nlisten = \"127.0.0.1:0\"\ndata_dir = \"" << dir << "/data\"\n";
    return path;
}

}  // namespace

TEST_CASE("console CLI: every command has its --help", "[console][cli]") {
    for (const std::string cmd : {"init", "user add", "token add", "serve"}) {
        std::string out;
        CHECK(vt::test::runCommand(kBin + " " + cmd + " --help", &out) == 0);
        CHECK(out.rfind("vetrina-console " + cmd, 0) == 0);
        CHECK(out.find("--config FILE") != std::string::npos);
    }
    std::string out;
    CHECK(vt::test::runCommand(kBin + " --help", &out) == 0);
    CHECK(out.find("user add NAME --role") != std::string::npos);
    CHECK(vt::test::runCommand(kBin + " frobnicate 2>/dev/null") == 2);
}

TEST_CASE("console CLI: init makes the one first admin from standard input, never twice", "[console][cli]") {
    const std::string dir = vt::test::scratchDir("console-cli-init");
    const std::string cfg = configIn(dir);
    std::string out;
    CHECK(vt::test::runCommand(kBin + " serve --config " + cfg + " 2>&1", &out) == 1);  // no account yet
    CHECK(out.find("no users") != std::string::npos);
    CHECK(vt::test::runCommand("printf 'capo\\npassword del capo\\n' | " + kBin + " init --config " + cfg,
                               &out) == 0);
    CHECK(vt::test::runCommand("printf 'altro\\npassword di altro\\n' | " + kBin + " init --config " + cfg +
                               " 2>/dev/null") == 1);
    CHECK(vt::test::runCommand(
              "printf 'corta\\n' | " + kBin + " user add anna --role editor --config " + cfg + " 2>&1",
              &out) == 1);
    CHECK(out.find("almeno 10") != std::string::npos);
    CHECK(vt::test::runCommand("printf 'password di anna\\n' | " + kBin +
                               " user add anna --role editor --config " + cfg) == 0);
    CHECK(vt::test::runCommand(kBin + " user add bob --role root --config " + cfg +
                               " </dev/null 2>/dev/null") == 2);
    out.clear();
    CHECK(vt::test::runCommand(kBin + " token add anna --config " + cfg, &out) == 0);
    const std::string last = out.substr(out.rfind('\n', out.size() - 2) + 1);
    CHECK(last.rfind("vtc_", 0) == 0);
    CHECK(last.size() == 69);  // the token and its line end
}

TEST_CASE("console CLI: a config whose key is a systemd credential serves init from a shell",
          "[console][cli][config]") {
    // The packaged console.toml says key_file = "credential:signing.key"; the IT runs `init` and
    // `user add` from a shell, where $CREDENTIALS_DIRECTORY is unset and no key is needed.
    const std::string dir = vt::test::scratchDir("console-cli-credential");
    const std::string cfg = dir + "/console.toml";
    std::ofstream(cfg) << "[console]\nlisten = \"127.0.0.1:0\"\ndata_dir = \"" << dir
                       << "/data\"\n[publish]\nkey_file = \"credential:signing.key\"\n";
    std::string out;
    CHECK(vt::test::runCommand("printf 'capo\\npassword del capo\\n' | env -u CREDENTIALS_DIRECTORY " + kBin +
                                   " init --config " + cfg + " 2>&1",
                               &out) == 0);
    CHECK(out.find("administrator \"capo\"") != std::string::npos);
    out.clear();
    CHECK(vt::test::runCommand("printf 'password di anna\\n' | env -u CREDENTIALS_DIRECTORY " + kBin +
                                   " user add anna --role editor --config " + cfg + " 2>&1",
                               &out) == 0);
    CHECK(out.find("added as editor") != std::string::npos);
}
