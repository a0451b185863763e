#include "core/maintenance/maintenance_pause.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace vt {

std::string maintenancePauseFile(const std::string& dataDir) {
    const char* state = std::getenv("STATE_DIRECTORY");  // may list several dirs: take the first
    std::string dir = state && *state ? std::string(state) : dataDir;
    if (const auto colon = dir.find(':'); colon != std::string::npos) dir.resize(colon);
    return (std::filesystem::path(dir) / "maintenance-pause").string();
}

std::string currentBootId() {
    std::ifstream in("/proc/sys/kernel/random/boot_id");
    std::string id;
    std::getline(in, id);
    return id;
}

bool writeMaintenancePause(const std::string& file, int seconds, std::string& error) {
    const std::string boot = currentBootId();
    if (boot.empty()) {
        error = "cannot read the boot id";
        return false;
    }
    const std::string tmp = file + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << boot << ' ' << seconds << '\n';
        if (!out.flush()) {
            error = "cannot write " + tmp;
            return false;
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, file, ec);
    if (ec) error = "cannot write " + file + ": " + ec.message();
    return !ec;
}

}  // namespace vt
