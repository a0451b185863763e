// Notices in the store, and what is on at an instant.
#pragma once

#include "core/model/import_report.h"
#include "core/notices/image_import.h"
#include "core/notices/notice.h"
#include "core/store/database.h"

#include <optional>
#include <string>
#include <vector>

namespace vt {

struct NoticeImportResult {
    int inserted = 0, updated = 0, unchanged = 0, removed = 0;
};

// Replaces what `source` had with `notices` (unchanged rows are not rewritten) and stores their
// images; images nobody uses any more are dropped.
NoticeImportResult storeNotices(Database& db, const std::string& source, const std::vector<Notice>& notices,
                                const std::vector<StoredImage>& images, UnixSeconds now);

// Every notice not yet expired at t (including those whose window has not opened), by priority.
std::vector<Notice> loadNotices(const Database& db, UnixSeconds t);
// Notices showing at t (validity and dayparting), highest priority first, then newest.
std::vector<Notice> listNoticesAt(const Database& db, UnixSeconds t, const HolidayCalendar& holidays);
// The pre-scaled PNG of an image hash.
std::optional<std::string> noticeImage(const Database& db, const std::string& hash);

}  // namespace vt
