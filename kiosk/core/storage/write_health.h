// Why the kiosk cannot write its state (disk full, read-only data directory, store locked by
// another process), told in Italian first and English, for the maintenance screen, `vetrina
// status` and the log. A failed write never stops the kiosk: it keeps showing what it has, says
// which of these it is and tries again later.
#pragma once

#include <string>

namespace vt {

enum class WriteProblem { None, Full, ReadOnly, Locked, Other };

struct WriteHealth {
    WriteProblem problem = WriteProblem::None;
    std::string detail;  // the system's or SQLite's own words
    bool ok() const { return problem == WriteProblem::None; }
    // "memoria piena: ...", "disk full: ..."; empty when ok.
    std::string it() const;
    std::string en() const;
    // "<it> / <en> (<detail>)": one line for logs, outcomes and the maintenance screen.
    std::string describe() const;
};

// From an error text (a StoreError's message, strerror()): SQLite's "database or disk is full",
// "attempt to write a readonly database", "database is locked" and the errno texts.
WriteHealth classifyWriteError(const std::string& message);
// Tries to write (and fsync) a small file in `dataDir` and looks at its free space: what a store
// write would meet there now. Leaves nothing behind.
WriteHealth probeDataDir(const std::string& dataDir);
// Whether another process holds the store's write lock for longer than `timeoutMs`.
WriteHealth probeStoreLock(const std::string& dbPath, int timeoutMs);
// After a failed write: the data directory's probe when it finds a problem, else the error's own
// words (a lock, or something else).
WriteHealth diagnoseWriteFailure(const std::string& dataDir, const std::string& message);

}  // namespace vt
