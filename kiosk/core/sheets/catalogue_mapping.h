// The explicit mapping from the national catalogue's classifications (EU data themes, life and
// business events "LE/n", "BE/n") to the official Argomenti and Eventi della vita, plus a few
// keyword rules for themes too broad to map ("GOVE", "ECON"). Anything unmapped is reported.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vt {

// Argomento for an EU data theme code ("EDUC" -> "Istruzione"); nullopt when too broad.
std::optional<std::string> topicForTheme(std::string_view themeCode);
// "LE/9" -> "persone/9", "BE/3" -> "imprese/3"; nullopt when not a known code.
std::optional<std::string> lifeEventForCatalogueEvent(std::string_view code);
// Argomento implied by an official life event ("persone/9" -> "Residenza"), if any.
std::optional<std::string> topicForLifeEvent(std::string_view lifeEventCode);
// Argomenti whose keyword rules match the folded text (title, description and keywords).
std::vector<std::string> topicsForText(std::string_view text);

}  // namespace vt
