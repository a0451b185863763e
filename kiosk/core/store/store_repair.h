// A damaged content store (garbage over its pages, a failing card) must not keep a totem dark:
// it is moved aside, kept for diagnosis, and the kiosk starts on a new store that the sync engine
// fills again from the cached objects of the last accepted revisions (core/sync/revision_floor.h).
#pragma once

#include <string>
#include <vector>

namespace vt {

// True when SQLite says the file is not a database or is malformed, or `PRAGMA quick_check`
// finds a problem; `why` gets SQLite's words. A store that is only busy or unreadable for
// another reason (permissions, a missing file) is not corrupt.
bool storeIsCorrupt(const std::string& dbPath, std::string* why = nullptr);
// Moves the store and its -wal and -shm files aside as "<db>.corrupt-<stamp>"; returns the new
// path of the store, or "" when it could not be moved.
std::string quarantineStore(const std::string& dbPath, const std::string& stamp);
// The damaged stores kept next to `dbPath`, oldest first.
std::vector<std::string> quarantinedStores(const std::string& dbPath);

}  // namespace vt
