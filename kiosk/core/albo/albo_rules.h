// The rules every albo adapter's output goes through before it reaches the store, whatever the
// vendor: the act type is classified, rectifications are recognised, listings that are not an
// albo publication are refused, and an act listed twice is kept once.
#pragma once

#include "core/model/act.h"
#include "core/model/import_report.h"

#include <string_view>
#include <vector>

namespace vt {

// A window longer than this is a "trasparenza" listing (often years), not an albo publication.
constexpr int kDefaultMaxWindowDays = 60;

// Finds "RETTIFICA ... N. 123/2026", "a rettifica dell'atto n. 123 del 12/03/2026", "rettifica
// determina nr. 45 del 2026": true with the corrected act's year (the act's own year when the
// subject gives none) and number.
bool findRectifiedAct(std::string_view subject, int ownYear, int& year, std::string& number);

// Applies the rules in place; every act dropped is reported by uid with the reason. Positions in
// the report are the acts' indexes in the source only when `positions` is given.
void applyAlboRules(std::vector<Act>& acts, ImportReport& report, int maxWindowDays,
                    const std::vector<int>& positions = {});

// Publication length in calendar days, both ends included.
int windowDays(const Act& act);

}  // namespace vt
