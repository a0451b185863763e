// Reading scalar JSON values as text: vendors write numbers as strings and strings as numbers
// ("guid": 12471, "Anno": "2020"), and null for empty.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace vt {

std::string jsonScalarText(const nlohmann::json& v);
// The member `key` of an object as text; empty when absent or not an object.
std::string jsonField(const nlohmann::json& obj, std::string_view key);
// A feed's bytes as JSON, or nullopt with `reason` ("not valid JSON: ...") and the `line` it
// happened at (0 when unknown). Every error nlohmann can raise while parsing is caught: a syntax
// error, and also a number too large for a double (out_of_range 406, found by fuzzing). A document
// nested deeper than kMaxJsonNesting is refused before parsing ("nested deeper than 100 levels").
std::optional<nlohmann::json> parseFeedJson(std::string_view bytes, int& line, std::string& reason);

}  // namespace vt
