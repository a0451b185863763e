// Reports waiting for the receiver, in the store (table fleet_queue): kept in order, bounded,
// the oldest dropped first, so a kiosk offline for a month sends its last `max` reports.
#pragma once

#include "core/store/database.h"
#include "core/util/civil_time.h"

#include <string>
#include <vector>

namespace vt {

struct QueuedReport {
    std::int64_t id = 0;
    UnixSeconds createdAt = 0;
    std::string body;
};

// Appends a report and trims the queue to `max` entries; returns how many old ones were dropped.
int enqueueReport(Database& db, const std::string& body, UnixSeconds now, int max);
// The oldest first.
std::vector<QueuedReport> queuedReports(const Database& db, int limit = 1000);
void removeReport(Database& db, std::int64_t id);
int queuedCount(const Database& db);

}  // namespace vt
