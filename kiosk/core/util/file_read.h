// Reading a file a person named (import, search bench, a local source), with why it failed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace vt {

// readFile (files.h), with the reason in `error`: "the file is too large: 300 MB (314572800 bytes),
// the limit is 256 MB" or "cannot read the file (No such file or directory)".
std::optional<std::string> readFileExplained(const std::string& path, std::string& error,
                                             std::uint64_t maxBytes = 256ull << 20);

}  // namespace vt
