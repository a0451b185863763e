// Runs a program as a child with limits: no shell, its own process group, resource limits,
// stdin from /dev/null, stdout and stderr captured (the last bytes only) and the whole group
// killed at the deadline. The console uses it to run `vetrina shoot` for previews.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vt::console {

struct ChildLimits {
    int timeoutSeconds = 30;                          // wall clock; then the group is killed
    std::uint64_t addressSpaceBytes = 1536ull << 20;  // RLIMIT_AS (not applied under ASan)
    int cpuSeconds = 60;                              // RLIMIT_CPU
    std::uint64_t fileSizeBytes = 64ull << 20;        // RLIMIT_FSIZE: the largest file it may write
    int openFiles = 256;                              // RLIMIT_NOFILE
    std::size_t outputBytes = 8192;                   // stdout+stderr kept: the last bytes
};

struct ChildSpec {
    std::vector<std::string> argv;  // argv[0] is the program's path (not searched in PATH)
    std::vector<std::string> env;   // "NAME=value"; the child sees only these
    std::string workDir;            // empty: the caller's
    ChildLimits limits;
};

struct ChildResult {
    bool started = false;   // false: fork or exec failed (startError says why)
    bool timedOut = false;  // killed at the deadline
    int exitCode = -1;      // when it exited
    int signal = 0;         // when a signal ended it
    std::string startError;
    std::string output;  // the tail of stdout and stderr, interleaved
    double seconds = 0;
    bool ok() const { return started && !timedOut && signal == 0 && exitCode == 0; }
    // The last `lines` lines of the output.
    std::string lastLines(int lines) const;
};

ChildResult runChild(const ChildSpec& spec);

}  // namespace vt::console
