#include "console_config.h"

#include "../unit/test_support.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace vt::console;

namespace {

std::string write(const std::string& name, const std::string& text) {
    const std::string path = vt::test::scratchDir(name) + "/console.toml";
    std::ofstream(path) << text;
    return path;
}

}  // namespace

TEST_CASE("console config: the contract's file is read", "[console][config]") {
    const auto c =
        loadConsoleConfig(write("console-config-ok",
                                "[console]\nlisten = \"127.0.0.1:8080\"\ndata_dir = \"/var/lib/x\"\n"
                                "public_url = \"https://vetrina.comune.example.it\"\n"
                                "[publish]\ncontent_dir = \"/c\"\nout_dir = \"/o\"\nkey_file = \"/k\"\n"
                                "four_eyes = false\n"));
    CHECK(c.listenPort == 8080);
    CHECK(c.dataDir == "/var/lib/x");
    CHECK(c.outDir == "/o");
    CHECK_FALSE(c.fourEyes);
}

TEST_CASE("console config: unknown keys and non-loopback addresses are errors naming file and line",
          "[console][config]") {
    const std::string typo =
        write("console-config-typo", "[console]\ndata_dir = \"/x\"\nlisten_on = \"x\"\n");
    CHECK_THROWS_WITH(loadConsoleConfig(typo), Catch::Contains(typo + ":3: console.listen_on: unknown key"));
    CHECK_THROWS_WITH(loadConsoleConfig(write("console-config-public",
                                              "[console]\ndata_dir = \"/x\"\nlisten = \"0.0.0.0:80\"\n")),
                      Catch::Contains("127.0.0.1 only"));
    CHECK_THROWS_WITH(
        loadConsoleConfig(write("console-config-nodata", "[console]\nlisten = \"127.0.0.1:80\"\n")),
        Catch::Contains("console.data_dir: is required"));
    CHECK_THROWS_WITH(loadConsoleConfig(write("console-config-type",
                                              "[console]\ndata_dir = \"/x\"\n[publish]\nfour_eyes = 1\n")),
                      Catch::Contains("publish.four_eyes: must be true or false"));
}

TEST_CASE("docs/CONSOLE.md documents every console configuration key", "[console][config][docs]") {
    const std::string doc = vt::test::readAll(std::string(VETRINA_SOURCE_DIR) + "/docs/CONSOLE.md");
    for (const std::string& key : consoleConfigKeys()) {
        const auto dot = key.find('.');
        std::string shown = "`[";
        shown += key.substr(0, dot);
        shown += "] ";
        shown += key.substr(dot + 1);
        shown += '`';
        INFO("document " << shown << " in docs/CONSOLE.md");
        CHECK(doc.find(shown) != std::string::npos);
    }
}

TEST_CASE("console config: key_file = \"credential:NAME\" reads a systemd credential", "[console][config]") {
    const std::string file =
        write("console-config-credential",
              "[console]\ndata_dir = \"/x\"\n[publish]\nkey_file = \"credential:signing.key\"\n");
    // Under systemd (LoadCredential=signing.key:...): the key is in $CREDENTIALS_DIRECTORY.
    const auto underSystemd = loadConsoleConfig(file, "/run/credentials/vetrina-console.service");
    CHECK(underSystemd.keyFile == "/run/credentials/vetrina-console.service/signing.key");
    CHECK(underSystemd.keyCredential == "signing.key");
    // From a shell (user add, init): no credentials, no key path, the name kept for the message.
    const auto fromShell = loadConsoleConfig(file, "");
    CHECK(fromShell.keyFile.empty());
    CHECK(fromShell.keyCredential == "signing.key");
    // A plain path stays a path, whatever the environment.
    const auto plain =
        loadConsoleConfig(write("console-config-keypath",
                                "[console]\ndata_dir = \"/x\"\n[publish]\nkey_file = \"/etc/k.key\"\n"),
                          "/run/credentials/x");
    CHECK(plain.keyFile == "/etc/k.key");
    CHECK(plain.keyCredential.empty());
    // The name is one file name: no way out of the credentials directory.
    const std::string escape =
        write("console-config-credential-escape",
              "[console]\ndata_dir = \"/x\"\n[publish]\nkey_file = \"credential:../k\"\n");
    CHECK_THROWS_WITH(
        loadConsoleConfig(escape, "/run/credentials/x"),
        Catch::Contains(escape + ":4: publish.key_file: \"credential:NAME\" needs a file name"));
    CHECK_THROWS_WITH(
        loadConsoleConfig(write("console-config-credential-empty",
                                "[console]\ndata_dir = \"/x\"\n[publish]\nkey_file = \"credential:\"\n"),
                          ""),
        Catch::Contains("publish.key_file"));
}
