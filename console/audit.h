// The audit log: who did what, when, from where. Append-only (the store's triggers refuse any
// UPDATE or DELETE); every log-in, failure, lock-out and account change lands here.
#pragma once

#include "console_store.h"

#include "core/util/civil_time.h"

#include <optional>
#include <string>
#include <vector>

namespace vt::console {

// What a publish or restore entry adds: the revision made and the SHA-256 of out_dir's
// manifest.json before and after it ("" when there was none).
struct AuditRevision {
    std::int64_t revision = 0;
    std::string hashBefore, hashAfter;
};

struct AuditEntry {
    std::int64_t id = 0;
    UnixSeconds at = 0;
    std::string actor, action, target, detail, address;
    std::optional<AuditRevision> revision;  // set on publish/restore entries
};

void audit(ConsoleStore& store, UnixSeconds at, std::string_view actor, std::string_view action,
           std::string_view target = {}, std::string_view detail = {}, std::string_view address = {});
// The same with the revision and the manifest hashes (actions "publish", "restore").
void audit(ConsoleStore& store, UnixSeconds at, std::string_view actor, std::string_view action,
           std::string_view target, std::string_view detail, std::string_view address,
           const AuditRevision& revision);
// What an action code means for a clerk ("login_failed" -> "Accesso non riuscito"); the code itself
// when it has no label.
std::string actionLabel(std::string_view action);
// The newest `limit` entries, newest first.
std::vector<AuditEntry> recentAudit(const ConsoleStore& store, int limit);
// Every entry, oldest first, as CSV (RFC 4180). Cells a spreadsheet would read as a formula
// (starting with = + - @) are prefixed with an apostrophe: the log holds what users typed.
std::string auditCsv(const ConsoleStore& store);

}  // namespace vt::console
