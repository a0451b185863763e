#include "test_support.h"

#include "core/util/files.h"

#include <sys/wait.h>
#include <array>
#include <cstdio>
#include <stdexcept>

namespace vt::test {

std::string readAll(const std::string& path) {
    auto s = readFile(path);
    if (!s) throw std::runtime_error("cannot read " + path);
    return *s;
}

int runCommand(const std::string& cmd, std::string* out) {
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return -1;
    std::array<char, 4096> buf{};
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0)
        if (out) out->append(buf.data(), n);
    const int status = pclose(p);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace vt::test
