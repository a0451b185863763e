// Filter chips: large tappable labels with a count, flowing onto as many rows as needed. The
// selected chip is filled and starts with a check mark, and says "selezionato" to the semantic
// tree: never colour alone.
#pragma once

#include "ui/ui_context.h"

#include <string>
#include <vector>

namespace vt {

struct FilterChip {
    std::string name;
    int count = 0;
};

float filterChipHeight(const Ui& ui);
// Draws the chips from the cursor within `width` (one per row when `oneColumn`); returns the
// index of the chip tapped, or -1. Leaves the cursor under the last row.
int drawFilterChips(Ui& ui, const std::vector<FilterChip>& chips, int selected, float width, bool oneColumn);

}  // namespace vt
