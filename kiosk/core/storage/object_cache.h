// The cache of downloaded files (<data>/objects, each named by its SHA-256): a size budget with
// eviction of the least needed files, and the re-verification of every file against its name.
//
// Eviction order: files no current content refers to (oldest first), then files of expired
// revisions (largest first), then images of the current content (largest, then oldest), then the
// rest of the current content. Files the current content needs are never deleted: the next sync
// would download them again, so a cache whose current content alone exceeds the budget is
// reported as over budget instead (status, doctor, fleet report).
#pragma once

#include "core/store/database.h"
#include "core/util/civil_time.h"

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace vt {

enum class ObjectNeed { Unreferenced = 0, Expired = 1, Current = 2 };

struct CachedObject {
    std::string name;  // the SHA-256 hex, the file's name in objects/
    std::uint64_t size = 0;
    UnixSeconds mtime = 0;
    ObjectNeed need = ObjectNeed::Unreferenced;
    bool image = false;
    bool fresh = false;  // written in the last minutes: maybe a download the sync has not applied yet
};

// Every file of `objectsDir`, classified against content_files and the sources' expiry;
// `configured` lists the sources of the configuration (others count as unreferenced).
std::vector<CachedObject> scanObjects(const Database& db, const std::string& objectsDir,
                                      const std::vector<std::string>& configured, UnixSeconds now);
// The least needed first.
void sortForEviction(std::vector<CachedObject>& objects);

struct CachePlan {
    std::vector<CachedObject> evict;  // in order
    std::uint64_t totalBytes = 0;     // before
    std::uint64_t afterBytes = 0;     // after evicting
    std::uint64_t currentBytes = 0;   // what the current content needs
    bool overBudget = false;          // still over after evicting all that may go
};
// What to delete to fit `budget` bytes (0: no budget, nothing evicted).
CachePlan planEviction(std::vector<CachedObject> objects, std::uint64_t budget);
// Scans, plans and deletes. Run on the sync thread after an apply, or at start.
CachePlan enforceCacheBudget(const Database& db, const std::string& objectsDir,
                             const std::vector<std::string>& configured, std::uint64_t budget,
                             UnixSeconds now);

struct VerifyResult {
    int checked = 0;
    std::vector<std::string> damaged;      // names deleted
    std::vector<std::string> invalidated;  // sources whose ETag was cleared, to fetch their manifest again
};
// Re-hashes each file of `objectsDir`; a file whose SHA-256 is not its name is deleted, and the
// sources that listed it lose their ETag so the next sync fetches the manifest and the file
// again. `stop` ends the scan early (the kiosk is shutting down).
VerifyResult verifyObjects(Database& db, const std::string& objectsDir,
                           const std::atomic<bool>* stop = nullptr);

// "La cache occupa 120 MB su 500 MB" / "... supera il limite ..." for maintenance and status.
std::string describeCacheIt(const CachePlan& plan, std::uint64_t budget);

}  // namespace vt
