#include "core/feeds/json_text.h"

#include "core/feeds/feed_text.h"
#include "core/util/nesting.h"

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

namespace {

// "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..." -> after ": "
std::string withoutPrefix(const std::string& what) {
    const size_t colon = what.find(": ");
    if (colon != std::string::npos) return what.substr(colon + 2);
    const size_t bracket = what.find("] ");
    return bracket == std::string::npos ? what : what.substr(bracket + 2);
}

}  // namespace

std::optional<nlohmann::json> parseFeedJson(std::string_view bytes, int& line, std::string& reason) {
    line = 0;
    if (auto deep = jsonNestingError(bytes)) {
        line = deep->line;
        reason = std::move(deep->reason);
        return std::nullopt;
    }
    try {
        return nlohmann::json::parse(bytes.begin(), bytes.end());
    } catch (const nlohmann::json::parse_error& e) {
        line = e.byte > 0 ? lineAtOffset(bytes, static_cast<std::ptrdiff_t>(e.byte - 1)) : 0;
        reason = "not valid JSON: " + withoutPrefix(e.what());
    } catch (const nlohmann::json::exception& e) {
        reason = "not valid JSON: " + withoutPrefix(e.what());
    }
    return std::nullopt;
}

}  // namespace vt
