// Issue 14 point 10: a file over the 256 MB limit got only "cannot read the file".
#include "core/util/file_read.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace vt;
using namespace vt::test;

TEST_CASE("a file over 256 MB is named as too large, with its size and the limit", "[files][cli]") {
    const std::string dir = scratchDir("file-size");
    const std::string big = dir + "/albo.xml";
    { std::ofstream(big) << "<rss/>"; }
    std::filesystem::resize_file(big, 300ull << 20);  // sparse: no disk space used
    std::string error;
    CHECK_FALSE(readFileExplained(big, error));
    CHECK(error == "the file is too large: 300 MB (314572800 bytes), the limit is 256 MB");
    CHECK_FALSE(readFileExplained(dir + "/missing.xml", error));
    CHECK(error == "cannot read the file (No such file or directory)");
    std::string out;
    CHECK(runCommand(vetrinaAt() + " import --kind albopop --db " + dir + "/x.db " + big + " 2>&1", &out) ==
          1);
    CHECK(out.find(big + ": the file is too large: 300 MB (314572800 bytes), the limit is 256 MB") !=
          std::string::npos);
}
