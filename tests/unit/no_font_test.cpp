// Issue 14 point 9: with no usable font `vetrina run` and `shoot` segfaulted while tearing down the
// half-built window (the ImGui renderer backend was shut down without having been started).
// VETRINA_FONT_DIR points the font search (and the DejaVu fallback) at an empty folder.
#include "core/util/files.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace vt;
using namespace vt::test;

TEST_CASE("no usable font: run and shoot say so and exit 1, no crash at teardown", "[fonts][cli]") {
    const std::string dir = scratchDir("no-font");
    std::filesystem::create_directories(dir + "/fonts");
    REQUIRE(
        writeFileAtomic(dir + "/vetrina.toml",
                        "[town]\nname = \"Comune di Prova\"\n[paths]\ndata_dir = \"" + dir + "/data\"\n"));
    const std::string env = "SDL_VIDEODRIVER=dummy VETRINA_FONT_DIR=" + dir + "/fonts ";
    std::string out;
    CHECK(runCommand(env + vetrinaAt() + " shoot --config " + dir +
                         "/vetrina.toml --screen home --size 300x400 --out " + dir + "/home.png 2>&1",
                     &out) == 1);
    CHECK(out.find("no usable font") != std::string::npos);
    out.clear();
    CHECK(runCommand(env + vetrinaAt() + " run --headless --run-seconds 1 --size 300x400 --config " + dir +
                         "/vetrina.toml 2>&1",
                     &out) == 1);
    CHECK(out.find("no usable font") != std::string::npos);
}
