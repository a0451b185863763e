// Search figures on a large synthetic corpus built from real texts: index build time, database
// size and search-as-you-type latency (every prefix of each query, as typed key by key).
#pragma once

#include "core/search/search_index.h"
#include "core/store/database.h"

#include <string>
#include <vector>

namespace vt {

struct SearchBenchFigures {
    int documents = 0;
    double buildSeconds = 0;
    std::int64_t databaseBytes = 0;
    int queries = 0;  // searches run (one per keystroke)
    double p50Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
    int fullQueries = 0;  // whole queries (asYouType false), each typed query 5 times
    double fullP50Ms = 0;
    double fullP99Ms = 0;
    double fullMaxMs = 0;
    // The slowest keystrokes (text typed so far, ms), slowest first: where to look when p99 grows.
    std::vector<std::pair<std::string, double>> slowest;
};

// Fills `db` (expected empty) with `documents` documents mixing the seeds' titles, keywords and
// texts, then times search as you type for each prefix (2+ characters) of `typed`.
SearchBenchFigures benchSearch(Database& db, const std::vector<SearchDocument>& seeds, int documents,
                               const std::vector<std::string>& typed);

}  // namespace vt
