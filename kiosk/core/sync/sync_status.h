// What the UI and `vetrina status` read about content sync: one SyncStatus per source, plus a
// summary for the discreet "updated at" line and the offline badge. Reading is one small query.
#pragma once

#include "core/store/database.h"
#include "core/util/civil_time.h"

#include <string>
#include <vector>

namespace vt {

struct SyncStatus {
    std::string source;
    std::string kind;  // "manifest" or a feed kind
    std::string url;
    UnixSeconds lastAttempt = 0;
    UnixSeconds lastSuccess = 0;
    UnixSeconds lastChange = 0;
    std::string lastError;  // why the last attempt failed; empty when it succeeded
    int failures = 0;       // consecutive failed attempts
    std::int64_t revision = 0;
    UnixSeconds expires = 0;
    std::string keyId;
    std::string etag;
    std::string lastModified;
    bool failing() const { return !lastError.empty(); }
};

struct SyncOverview {
    UnixSeconds contentUpdatedAt = 0;  // the latest lastChange: the "aggiornato alle" line
    UnixSeconds lastSuccess = 0;       // the latest successful check of any source
    bool anyFailing = false;
    bool offline = false;        // every source failing: draw the offline badge
    std::string storageProblem;  // the store cannot be written ("memoria piena / disk full ...")
    std::vector<SyncStatus> sources;
};

std::vector<SyncStatus> readSyncStatus(const Database& db);
SyncOverview readSyncOverview(const Database& db);
SyncOverview summarize(std::vector<SyncStatus> sources);

}  // namespace vt
