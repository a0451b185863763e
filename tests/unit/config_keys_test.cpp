// Unknown tables and keys in the kiosk configuration are errors naming file, line and key.
#include "core/config/config.h"
#include "core/sync/minisign.h"
#include "core/util/files.h"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace vt;
namespace fs = std::filesystem;

namespace {

std::string error(const std::string& text) {
    try {
        parseConfig(text, "/etc/vetrina/vetrina.toml");
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "accepted";
}

const std::string kAlbo =
    "[[source]]\nname = \"albo\"\nkind = \"albopop\"\nurl = \"https://x.example/f.xml\"\n";

}  // namespace

TEST_CASE("a misspelt key in a table names file, line and the nearest key", "[config]") {
    CHECK(error("[town]\nname = \"Comune\"\n\n[kiosk]\nidle_secnds = 30\n") ==
          "/etc/vetrina/vetrina.toml:5: unknown key \"idle_secnds\" in [kiosk]; did you mean "
          "\"idle_seconds\"?");
    CHECK(error("[display]\nWidth = 1080\n") ==
          "/etc/vetrina/vetrina.toml:2: unknown key \"Width\" in [display]; did you mean \"width\"?");
    CHECK(error("[fleet]\nscreenshots_every = 60\n") ==
          "/etc/vetrina/vetrina.toml:2: unknown key \"screenshots_every\" in [fleet]; did you mean "
          "\"screenshot_every\"?");
    // Nothing close: no guess.
    CHECK(error("[display]\nbrightness = 80\n") ==
          "/etc/vetrina/vetrina.toml:2: unknown key \"brightness\" in [display]");
}

TEST_CASE("a misspelt key in a [[source]] names the source", "[config]") {
    CHECK(error(kAlbo + "poll_secnds = 60\n") ==
          "/etc/vetrina/vetrina.toml:5: unknown key \"poll_secnds\" in [[source]] \"albo\"; did you mean "
          "\"poll_seconds\"?");
    // The second source, on its own line.
    CHECK(error(kAlbo + "\n[[source]]\nname = \"cap\"\nkind = \"cap\"\nurl = \"https://x.example/c.xml\"\n"
                        "max_byte = 1024\n") ==
          "/etc/vetrina/vetrina.toml:10: unknown key \"max_byte\" in [[source]] \"cap\"; did you mean "
          "\"max_bytes\"?");
}

TEST_CASE("a misspelt key in a sub-table of a [[source]]", "[config]") {
    const std::string mapped =
        "[[source]]\nname = \"atti\"\nkind = \"mapped\"\nurl = \"https://x.example/a\"\n"
        "[source.mapping]\nitmes = \"/data\"\n";
    CHECK(error(mapped) ==
          "/etc/vetrina/vetrina.toml:6: unknown key \"itmes\" in [source.mapping] of "
          "[[source]] \"atti\"; did you mean \"items\"?");
    CHECK_THAT(error(kAlbo + "[source.maping]\nitems = \"/data\"\n"),
               Catch::StartsWith("/etc/vetrina/vetrina.toml:5: unknown table [source.maping] in [[source]] "
                                 "\"albo\"; did you mean [source.mapping]?"));
}

TEST_CASE("an unknown table is an error, with the nearest table", "[config]") {
    CHECK(error("[town]\nname = \"Comune\"\n[displya]\nwidth = 1080\n") ==
          "/etc/vetrina/vetrina.toml:3: unknown table [displya]; did you mean [display]?");
    CHECK(error("[[sources]]\nname = \"albo\"\n") ==
          "/etc/vetrina/vetrina.toml:1: unknown table [[sources]]; did you mean [[source]]?");
    CHECK(error("[weather]\ncity = \"Roma\"\n") == "/etc/vetrina/vetrina.toml:1: unknown table [weather]");
    CHECK(error("[display.colours]\nblue = 1\n") ==
          "/etc/vetrina/vetrina.toml:1: unknown table [display.colours] in [display]");
}

TEST_CASE("a key in the wrong table or outside any table says where it belongs", "[config]") {
    CHECK(error("[kiosk]\ndata_dir = \"/var/lib/vetrina\"\n") ==
          "/etc/vetrina/vetrina.toml:2: unknown key \"data_dir\" in [kiosk] (it belongs in [paths])");
    CHECK(error("name = \"Comune\"\n[town]\n") ==
          "/etc/vetrina/vetrina.toml:1: key \"name\" is outside any table (it belongs in [town] or "
          "[[source]])");
    CHECK(error("town = \"Comune\"\n") == "/etc/vetrina/vetrina.toml:1: \"town\" must be a table ([town])");
}

TEST_CASE("every configuration in the repository parses", "[config]") {
    const fs::path src = VETRINA_SOURCE_DIR;
    for (const char* file :
         {"config/vetrina.toml", "config/town-template.toml", "packaging/demo/vetrina.toml"}) {
        INFO(file);
        CHECK_NOTHROW(loadConfig((src / file).string()));
    }
    // The demo's template, with the key scripts/demo-content puts in.
    std::string demo = *readFile((src / "config/demo.toml.in").string(), 1 << 20);
    demo.replace(demo.find("@PUBLIC_KEY@"), 12, generateSecretKey().publicKey().encoded());
    CHECK_NOTHROW(parseConfig(demo, (src / "var/demo/vetrina.toml").string()));
}
