// Applies a new version of one source's items to a table keyed by (source, uid) with a `digest`
// column: unchanged items are not rewritten (a sync with no change writes nothing), changed ones
// are replaced, and items the source no longer has are removed by finish().
#pragma once

#include "core/store/database.h"

#include <map>
#include <set>
#include <string>

namespace vt {

class SourceRows {
public:
    enum class State { New, Changed, Same };
    SourceRows(Database& db, std::string table, std::string source);
    // Tells what to do with an item; for New and Changed the caller inserts it after this call
    // (a Changed row is deleted here, with its dependent rows via ON DELETE CASCADE).
    State check(const std::string& uid, const std::string& digest);
    // Deletes the rows of uids not checked; returns how many.
    int finish();

    int inserted = 0, updated = 0, unchanged = 0;

private:
    Database& m_db;
    std::string m_table, m_source;
    std::map<std::string, std::string> m_existing;
    std::set<std::string> m_seen;
};

}  // namespace vt
