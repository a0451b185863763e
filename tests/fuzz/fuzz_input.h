// Shared by the libFuzzer targets: the fuzzer's bytes as a string_view.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace vt::fuzz {
inline std::string_view bytes(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}
}  // namespace vt::fuzz
