// Notices, events and offices in the search index. Each store function (storeNotices,
// storeEvents, storeOffices) calls its reindex function inside its own transaction, after
// replacing the source's rows: documents follow the rows (new and changed ones are indexed,
// those of rows the source no longer has are removed), so the search never finds what the
// screens no longer show.
#pragma once

#include "core/store/database.h"

#include <string>

namespace vt {

// Keys: a notice's and an event's row id (what NoticeDetail and "event:ID" open), an office's uid.
// Notices are indexed in each language they have; events and offices in Italian.
void reindexNoticesOfSource(Database& db, const std::string& source);
void reindexEventsOfSource(Database& db, const std::string& source);
void reindexOfficesOfSource(Database& db, const std::string& source);

}  // namespace vt
