#include "core/feedback/feedback.h"

namespace vt {

void recordFeedback(Database& db, const std::string& kind, const std::string& item, FeedbackFace face) {
    db.prepare(
          "INSERT INTO feedback (kind, item, face, count) VALUES (?1, ?2, ?3, 1) "
          "ON CONFLICT(kind, item, face) DO UPDATE SET count = count + 1")
        .bind(1, kind)
        .bind(2, item)
        .bind(3, static_cast<int>(face))
        .run();
}

std::vector<FeedbackCount> feedbackCounts(const Database& db) {
    Statement st = db.prepare(
        "SELECT kind, item, sum(CASE face WHEN 1 THEN count ELSE 0 END), sum(CASE face WHEN 2 THEN count "
        "ELSE 0 END), "
        "sum(CASE face WHEN 3 THEN count ELSE 0 END) FROM feedback GROUP BY kind, item "
        "ORDER BY 3 DESC, 1, 2");
    std::vector<FeedbackCount> out;
    while (st.step())
        out.push_back({st.text(0), st.text(1), static_cast<int>(st.integer(2)),
                       static_cast<int>(st.integer(3)), static_cast<int>(st.integer(4))});
    return out;
}

}  // namespace vt
