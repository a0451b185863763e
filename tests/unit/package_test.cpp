// The Debian packages: tests/package/check-deb.sh builds vetrina and vetrina-console with cpack from
// this build tree and checks their files, conffiles, maintainer scripts and control fields.
#include "test_support.h"

#include <catch2/catch.hpp>

#include <filesystem>

TEST_CASE("the .deb packages build, unpack and carry the expected files and fields", "[package]") {
    const std::string buildDir = std::filesystem::path(VETRINA_TEST_OUTPUT).parent_path().string();
    std::string out;
    const int rc = vt::test::runCommand(
        std::string(VETRINA_SOURCE_DIR) + "/tests/package/check-deb.sh " + buildDir + " 2>&1", &out);
    INFO(out);
    CHECK(rc == 0);
    CHECK(out.find("check-deb: OK vetrina_") != std::string::npos);
    CHECK(out.find("check-deb: OK vetrina-console_") != std::string::npos);
}
