#include "core/feeds/json_text.h"

#include "core/feeds/feed_text.h"

namespace vt {

std::string jsonScalarText(const nlohmann::json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
    if (v.is_number_unsigned()) return std::to_string(v.get<std::uint64_t>());
    if (v.is_number_float()) return v.dump();
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    return {};
}

std::string jsonField(const nlohmann::json& obj, std::string_view key) {
    if (!obj.is_object()) return {};
    const auto it = obj.find(std::string(key));
    return it == obj.end() ? std::string() : jsonScalarText(*it);
}

std::string describeJsonError(const nlohmann::json::parse_error& e, std::string_view bytes, int& line) {
    line = e.byte > 0 ? lineAtOffset(bytes, static_cast<std::ptrdiff_t>(e.byte - 1)) : 0;
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..." -> after ": "
    const size_t colon = what.find(": ");
    return "not valid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2));
}

}  // namespace vt
