// The official vocabularies service sheets are filed under: the 64 Argomenti (topics) and the
// Eventi della vita of persons (19) and businesses (15). Browsing screens list them in this order.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace vt {

struct LifeEvent {
    std::string_view code;   // "persone/9", "imprese/1"
    std::string_view label;  // "Cambio di residenza/domicilio"
};

std::span<const std::string_view> officialTopics();
std::span<const LifeEvent> officialLifeEvents();

// The official spelling of a topic written with any case or accents; nullopt when unknown.
std::optional<std::string> canonicalTopic(std::string_view label);
// Accepts a code ("persone/9") or the official label; returns the code.
std::optional<std::string> canonicalLifeEvent(std::string_view codeOrLabel);
std::string lifeEventLabel(std::string_view code);

}  // namespace vt
