// "Hai trovato quello che cercavi?": the answer of a passer-by at the end of a sheet or an act,
// kept as anonymous counts per item and answer (no time, no person, no session) for the staff.
#pragma once

#include "core/store/database.h"

#include <string>
#include <vector>

namespace vt {

enum class FeedbackFace { No = 1, Partly = 2, Yes = 3 };

void recordFeedback(Database& db, const std::string& kind, const std::string& item, FeedbackFace face);

struct FeedbackCount {
    std::string kind;
    std::string item;
    int no = 0, partly = 0, yes = 0;
};
// Every item with answers, the most "no" first (what staff should look at).
std::vector<FeedbackCount> feedbackCounts(const Database& db);

}  // namespace vt
