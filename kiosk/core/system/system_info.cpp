#include "core/system/system_info.h"

#include "core/util/files.h"
#include "core/util/text.h"

#include <sys/statvfs.h>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace vt {

void diskSpace(const std::string& path, std::uint64_t& freeBytes, std::uint64_t& totalBytes) {
    struct statvfs st {};
    if (::statvfs(path.c_str(), &st) != 0) {
        freeBytes = totalBytes = 0;
        return;
    }
    freeBytes = std::uint64_t(st.f_bavail) * st.f_frsize;
    totalBytes = std::uint64_t(st.f_blocks) * st.f_frsize;
}

long procFieldKb(const char* file, const char* field) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(field, 0) == 0) return std::atol(line.c_str() + std::strlen(field));
    return -1;
}

std::vector<NetworkInterface> networkInterfaces() {
    std::vector<NetworkInterface> out;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator("/sys/class/net", ec)) {
        const std::string name = e.path().filename().string();
        if (name == "lo") continue;
        const auto state = readFile(e.path().string() + "/operstate", 64);
        out.push_back({name, state ? trim(*state) : "unknown"});
    }
    return out;
}

double machineUptimeSeconds() {
    // Streamed: /proc files report a size of 0, so readFile() would return nothing.
    std::ifstream in("/proc/uptime");
    double seconds = 0;
    return (in >> seconds) ? seconds : 0.0;
}

std::string formatDurationIt(double seconds) {
    long s = static_cast<long>(seconds);
    const long d = s / 86400, h = (s % 86400) / 3600, m = (s % 3600) / 60;
    std::string out;
    if (d) out += std::to_string(d) + " g ";
    if (d || h) out += std::to_string(h) + " h ";
    out += std::to_string(m) + " min";
    return out;
}

}  // namespace vt
