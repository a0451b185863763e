// The parsed alert as JSON, as stored in alerts.alert.
#pragma once

#include "core/alerts/cap.h"

#include <nlohmann/json.hpp>

namespace vt {

nlohmann::json capToJson(const CapAlert& a);
CapAlert capFromJson(const nlohmann::json& j);

}  // namespace vt
