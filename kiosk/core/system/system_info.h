// Facts about the machine for the maintenance panel and `vetrina doctor`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vt {

struct NetworkInterface {
    std::string name;
    std::string state;  // "up", "down", "unknown"
};

// Free and total bytes of the file system holding `path` (0 when unknown).
void diskSpace(const std::string& path, std::uint64_t& freeBytes, std::uint64_t& totalBytes);
// Network interfaces other than loopback, from /sys/class/net.
std::vector<NetworkInterface> networkInterfaces();
// Seconds since the machine booted (0 when unknown).
double machineUptimeSeconds();
// A "Field:  123 kB" line of a /proc file such as /proc/self/status or /proc/meminfo, in kB
// (-1 when the file or the field is missing). `field` includes the colon: "VmRSS:".
long procFieldKb(const char* file, const char* field);
// "3 g 4 h 12 min" / "12 min".
std::string formatDurationIt(double seconds);

}  // namespace vt
