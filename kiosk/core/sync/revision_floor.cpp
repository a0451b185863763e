#include "core/sync/revision_floor.h"

#include "core/util/files.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>

namespace vt {

namespace fs = std::filesystem;

namespace {

// A source name as one file name: letters, digits, '-' and '_' kept, anything else as %XX.
std::string fileNameOf(const std::string& source) {
    std::string out;
    for (const unsigned char c : source) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
            c == '_') {
            out += static_cast<char>(c);
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            out += hex;
        }
    }
    return out;
}

std::string floorPath(const std::string& dataDir, const std::string& source) {
    return dataDir + "/floor/" + fileNameOf(source) + ".json";
}

}  // namespace

std::int64_t readRevisionFloor(const std::string& dataDir, const std::string& source) {
    const auto text = readFile(floorPath(dataDir, source), 4096);
    if (!text) return 0;
    const nlohmann::json j = nlohmann::json::parse(*text, nullptr, false);
    if (!j.is_object() || !j.contains("highest_revision") || !j["highest_revision"].is_number_integer())
        return 0;
    return j["highest_revision"].get<std::int64_t>();
}

bool raiseRevisionFloor(const std::string& dataDir, const std::string& source, std::int64_t value) {
    if (readRevisionFloor(dataDir, source) >= value) return true;
    std::error_code ec;
    fs::create_directories(dataDir + "/floor", ec);
    const nlohmann::json j = {{"source", source}, {"highest_revision", value}};
    return writeFileAtomic(floorPath(dataDir, source), j.dump() + "\n");
}

std::string acceptedManifestDir(const std::string& dataDir, const std::string& source) {
    return dataDir + "/accepted/" + fileNameOf(source);
}

bool keepAcceptedManifest(const std::string& dataDir, const std::string& source, const std::string& manifest,
                          const std::string& signature) {
    const std::string dir = acceptedManifestDir(dataDir, source);
    std::error_code ec;
    fs::create_directories(dir, ec);
    // The signature first: a manifest on disk always has its own or a newer one's signature
    // next to it, and a mismatch is refused at the restore like any tampered pair.
    return writeFileAtomic(dir + "/manifest.json.minisig", signature) &&
           writeFileAtomic(dir + "/manifest.json", manifest);
}

}  // namespace vt
