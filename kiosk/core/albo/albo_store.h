// The albo pretorio in the store: imports write acts, the kiosk and `vetrina list albo` read
// exactly the acts inside their publication window at a given instant.
#pragma once

#include "core/model/act.h"
#include "core/model/import_report.h"
#include "core/store/database.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace vt {

struct AlboImportResult {
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;
};

// Inserts or updates acts by (source, uid); row ids stay stable across re-imports. Acts that
// left the feed are kept until their window ends (feeds list only the latest items).
// Runs in one transaction; the caller's issues are recorded for the staff.
AlboImportResult storeActs(Database& db, const std::vector<Act>& acts, const ImportReport& report,
                           UnixSeconds now);

// Acts inside their window at `now`, newest first (start day, then year and number), at most
// `limit` (0: all). An act listed by two sources (same year and number) appears once. Lists for
// the screen skip attachments, which only the detail shows.
enum class WithAttachments { No, Yes };
std::vector<Act> listActsAt(const Database& db, UnixSeconds now, int limit = 0,
                            WithAttachments attachments = WithAttachments::Yes);
int countActsAt(const Database& db, UnixSeconds now);

// What the albo screen filters by: a chip (empty: all) and typed text, accent- and
// case-insensitive, on subject, type, issuing unit and number.
struct AlboFilter {
    std::string category;
    std::string text;
};
bool matchesFilter(const Act& act, const AlboFilter& filter);
std::vector<Act> listActsAt(const Database& db, UnixSeconds now, const AlboFilter& filter,
                            WithAttachments attachments = WithAttachments::Yes);
// The number of acts on screen at `now` for each chip, in the chips' screen order (zeros included).
std::vector<std::pair<std::string, int>> countActsByCategory(const Database& db, UnixSeconds now);
std::optional<Act> findAct(const Database& db, std::int64_t id);
// Total number of acts cached, whatever their window.
int countActs(const Database& db);

}  // namespace vt
