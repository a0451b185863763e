#include "command_clock.h"

#include "core/system/trusted_clock.h"

#include <filesystem>

namespace vt {

std::string dataDirOfDatabase(const std::string& dbPath) {
    const auto parent = std::filesystem::path(dbPath).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

UnixSeconds commandNow(const std::string& dataDir) {
    return kioskNow(dataDir);
}

UnixSeconds viewedInstant(const Args& args, const std::string& dataDir) {
    if (auto at = args.get("at")) {
        const auto t = parseIsoInstant(*at);
        if (!t) throw UsageError("--at \"" + *at + "\" is not an ISO 8601 date or date-time");
        return *t;
    }
    return commandNow(dataDir);
}

}  // namespace vt
