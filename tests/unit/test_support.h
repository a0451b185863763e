// Small helpers shared by the unit tests.
#pragma once

#include <filesystem>
#include <string>

namespace vt::test {

inline std::string dataPath(const std::string& rel) { return std::string(VETRINA_TEST_DATA) + "/" + rel; }

// A fresh, empty directory under the build tree, removed at the start of each use.
inline std::string scratchDir(const std::string& name) {
    const auto dir = std::filesystem::path(VETRINA_TEST_OUTPUT) / "scratch" / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir.string();
}

std::string readAll(const std::string& path);
// Runs a shell command, returns its exit status and captures stdout.
int runCommand(const std::string& cmd, std::string* out = nullptr);

}  // namespace vt::test
