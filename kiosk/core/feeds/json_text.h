// Reading scalar JSON values as text: vendors write numbers as strings and strings as numbers
// ("guid": 12471, "Anno": "2020"), and null for empty.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace vt {

std::string jsonScalarText(const nlohmann::json& v);
// The member `key` of an object as text; empty when absent or not an object.
std::string jsonField(const nlohmann::json& obj, std::string_view key);
// "not valid JSON: ... at line N" from a parse error of `bytes`.
std::string describeJsonError(const nlohmann::json::parse_error& e, std::string_view bytes, int& line);

}  // namespace vt
