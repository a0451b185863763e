// Approval is the signature: the console writes the changed content files into [publish]
// content_dir and publishes the whole folder, signed with the town's key, into out_dir as a new
// revision, through core's publishContent (the code path of `vetrina publish`; objects first,
// manifest last). Nothing is half done: invalid content or a failed publish puts content_dir back
// byte for byte and leaves what the kiosks fetch as it was.
#pragma once

#include "console_config.h"
#include "console_store.h"

#include "core/util/civil_time.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vt::console {

// Content-relative path ("notices/tari.md") -> its new bytes, or nullopt to delete the file.
using FileChanges = std::map<std::string, std::optional<std::string>>;

struct PublishOutcome {
    bool ok = false;
    std::int64_t revision = 0;        // the new revision when ok
    std::vector<std::string> errors;  // for the clerk: "notices/x.md:3: ..." as core's validation says
    int filesCopied = 0;              // new objects written to out_dir
    int filesChanged = 0;             // files added, changed or removed against the previous revision
    std::string manifestBefore, manifestAfter;  // SHA-256 of out_dir/manifest.json ("" if none)
};

// Who asked, and why; written to the revisions table and the audit log.
struct PublishRequest {
    std::string actor;
    std::string reason;
    std::string address;                       // the client's, for the audit log
    std::optional<std::int64_t> draftId;       // the approved draft, if any
    std::optional<std::int64_t> restoredFrom;  // set by restoreRevision (audit action "restore")
};

// Why `path` may not be written by the console, or nothing: it must be relative, without "..",
// hidden or odd names, and inside a content folder (albo/ sheets/ notices/ offices/ events/
// alerts/ media/ town/) or be synonyms.txt or town.toml.
std::optional<std::string> contentPathProblem(const std::string& path);

// Writes `changes` into content_dir (atomically, fsynced), then validates and publishes all of
// content_dir (hand edits included) with key_file into out_dir as a revision above both the
// store's and out_dir's, and records it (revisions table + audit entry "publish"/"restore") inside
// a SAVEPOINT, so the caller may hold its own transaction. The key must be a minisign secret key
// without a password, readable only by the console's user; its bytes never reach an error.
PublishOutcome publishChanges(const ConsoleConfig& config, ConsoleStore& store, const FileChanges& changes,
                              const PublishRequest& request, UnixSeconds now);
// The shorter form of the approval flow.
PublishOutcome publishChanges(const ConsoleConfig& config, ConsoleStore& store, const FileChanges& changes,
                              const std::string& actor, const std::string& reason, UnixSeconds now);

}  // namespace vt::console
