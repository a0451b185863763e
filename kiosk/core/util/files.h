#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace vt {

// Reads a whole file; nullopt when it cannot be read or is larger than maxBytes.
std::optional<std::string> readFile(const std::string& path, std::uint64_t maxBytes = 256ull << 20);
// Writes through a temporary file and rename(), so readers never see half a file.
bool writeFileAtomic(const std::string& path, std::string_view data);

}  // namespace vt
