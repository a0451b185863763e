// Acts purged by a clock that was later found wrong (a board clock that jumped ahead, a correction
// undone by the servers) come back from what the kiosk cached, without waiting for a new revision:
// a manifest source's files are imported again from <data>/objects, a feed source is fetched in
// full at its next sync (its ETag is forgotten). The purge records, per act source, the latest
// instant it purged at (albo_purge.h kPurgedUntilKey); a clock earlier than that by more than the
// tolerance means that purge was wrong.
#pragma once

#include "core/config/config.h"
#include "core/store/database.h"
#include "core/util/civil_time.h"

#include <string>

namespace vt {

struct PurgeRepair {
    bool needed = false;    // acts of this source were purged after `now`
    int restoredFiles = 0;  // manifest files imported again from the object cache
    bool refetch = false;   // a feed: its ETag was forgotten, the next fetch is a full one
    std::string message;    // for the sync's outcome, "" when nothing was done
};

// Runs before a source syncs, at the clock's safe time `now` (TrustedClock::safeTime). One
// transaction; an object missing or damaged is left for the manifest sync to fetch again.
PurgeRepair repairWrongPurge(Database& db, const std::string& objectsDir, const SourceConfig& source,
                             UnixSeconds now, UnixSeconds tolerance);

}  // namespace vt
