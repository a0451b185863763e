// The Debian package: tests/package/check-deb.sh builds it with cpack from this build tree and
// checks its files, conffiles, maintainer scripts and control fields.
#include "test_support.h"

#include <catch2/catch.hpp>

#include <filesystem>

TEST_CASE("the .deb builds, unpacks and carries the expected files and fields", "[package]") {
    const std::string buildDir = std::filesystem::path(VETRINA_TEST_OUTPUT).parent_path().string();
    std::string out;
    const int rc = vt::test::runCommand(
        std::string(VETRINA_SOURCE_DIR) + "/tests/package/check-deb.sh " + buildDir + " 2>&1", &out);
    INFO(out);
    CHECK(rc == 0);
    CHECK(out.find("check-deb: OK vetrina_") != std::string::npos);
}
