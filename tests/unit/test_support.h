// Small helpers shared by the unit tests.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <string>

namespace vt::test {

inline std::string dataPath(const std::string& rel) {
    return std::string(VETRINA_TEST_DATA) + "/" + rel;
}

// A fresh, empty directory under the build tree, removed at the start of each use. Its name
// carries the running test case's: ctest runs test cases in parallel processes, and two of them
// sharing one folder removed each other's files (SQLite then failed with "disk I/O error").
inline std::string scratchDir(const std::string& name) {
    const std::string test = Catch::getResultCapture().getCurrentTestName();
    const auto dir = std::filesystem::path(VETRINA_TEST_OUTPUT) / "scratch" /
                     (name + "-" + std::to_string(std::hash<std::string>{}(test) % 1000000007u));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir.string();
}

// The instant the CLI tests pin the board clock at (core/system/board_clock.h): Monday 23 November
// 2026, 10:00 in Rome, the day the demo and test content are written around.
inline const std::string kPinnedInstant = "2026-11-23T10:00:00+01:00";
// The `vetrina` command line with its board clock pinned at `instant`: what it imports, syncs,
// purges and shows does not depend on the day the test runs.
inline std::string vetrinaAt(const std::string& instant = kPinnedInstant) {
    return "VETRINA_BOARD_CLOCK=" + instant + " " + std::string(VETRINA_BINARY);
}

std::string readAll(const std::string& path);
// Runs a shell command, returns its exit status and captures stdout.
int runCommand(const std::string& cmd, std::string* out = nullptr);

}  // namespace vt::test
