#include "core/util/file_read.h"

#include "core/util/files.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace vt {

std::optional<std::string> readFileExplained(const std::string& path, std::string& error,
                                             std::uint64_t maxBytes) {
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (!ec && size > maxBytes) {
        // Appended in place: "literal" + std::string temporaries trip GCC 12's -Wrestrict.
        error = "the file is too large: ";
        error += std::to_string((size + (1u << 20) - 1) >> 20);
        error += " MB (";
        error += std::to_string(size);
        error += " bytes), the limit is ";
        error += std::to_string(maxBytes >> 20);
        error += " MB";
        return std::nullopt;
    }
    errno = 0;
    auto bytes = readFile(path, maxBytes);
    if (!bytes) {
        error = "cannot read the file";
        const std::string why = ec ? ec.message() : (errno ? std::strerror(errno) : "");
        if (!why.empty()) {
            error += " (";
            error += why;
            error += ')';
        }
    }
    return bytes;
}

}  // namespace vt
