// Versioned schema migrations, applied in order; PRAGMA user_version records the last applied.
#pragma once

#include <span>

namespace vt {

struct Migration {
    int version;
    const char* name;
    const char* sql;
};

// All migrations of the store, sorted by version. Append new ones at the end; never edit an
// applied one (kiosks in the field already ran it).
std::span<const Migration> allMigrations();
int latestSchemaVersion();

class Database;
// Applies every migration above the database's user_version, each in its own transaction.
void migrate(Database& db);

}  // namespace vt
