// Privacy: once an act's window has ended, its data and cached attachments must go (Garante
// privacy guidelines, 2014). The screen already hides it at the end of its last day; the
// cache is emptied within the following 24 hours, by imports and by the kiosk's housekeeping.
#pragma once

#include "core/store/database.h"
#include "core/util/civil_time.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vt {

// Records that an attachment of an act was cached at `path` (the sync's downloader calls it),
// so the file is deleted with the act.
void recordCachedFile(Database& db, std::int64_t actId, const std::string& path);
std::vector<std::string> cachedFiles(const Database& db, std::int64_t actId);

struct PurgeResult {
    int acts = 0;                         // acts deleted from the store
    std::vector<std::string> files;       // cached files deleted from disk
    std::vector<std::string> fileErrors;  // files that could not be deleted ("path: reason")
};

// Deletes the acts whose last day ended more than 24 hours before `now` (Europe/Rome days),
// with their attachments' rows and cached files. One transaction (nests inside the caller's);
// records the purge time per source under kPurgedUntilKey; files are removed only once their rows are gone
// and no other act lists them, and a file already missing is not an error.
PurgeResult purgeExpiredActs(Database& db, UnixSeconds now);

// meta key prefix: "purged_until:<act source>" holds the latest `now` at which acts of that source
// were purged. When the clock is later found to be earlier than that, the purge was wrong and the
// sync engine restores those acts from what it cached (core/sync/purge_repair.h).
inline constexpr const char* kPurgedUntilKey = "purged_until:";

// The instant after which an act whose last day is `pubEnd` must be gone from the cache.
UnixSeconds purgeDeadline(CivilDate pubEnd);

}  // namespace vt
