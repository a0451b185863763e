// Deterministic content at the sizes DESIGN.md sets for the figures (10,000 acts...), so the
// bench measures the same thing on every run and every machine.
#pragma once

#include "core/model/act.h"

#include <vector>

namespace vt {

// `count` acts, all inside their window on `today` (started within the last 14 days), with
// varied types, subjects of realistic length and one or two attachments.
std::vector<Act> makeSyntheticActs(int count, CivilDate today, const std::string& source = "bench");

// The same acts as an AlboPOP RSS feed, to measure the whole import path (parse + store).
std::string toAlboPopRss(const std::vector<Act>& acts);

}  // namespace vt
