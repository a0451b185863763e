// The revisions the console published (and those it found published by hand): the list, what
// changed in one of them against the one before, and restoring an old one as a new revision.
#pragma once

#include "console_config.h"
#include "console_store.h"
#include "publishing.h"
#include "text_diff.h"

#include "core/sync/manifest.h"

#include <optional>
#include <string>
#include <vector>

namespace vt::console {

struct RevisionRecord {
    std::int64_t number = 0;
    UnixSeconds publishedAt = 0;
    std::string actor;  // "" for a revision published by hand
    std::string reason;
    std::optional<std::int64_t> draftId, restoredFrom;
    int filesChanged = 0;
    std::string manifestJson, manifestSha256;
};

// Newest first.
std::vector<RevisionRecord> listRevisions(const ConsoleStore& store, int limit = 500);
std::optional<RevisionRecord> findRevision(const ConsoleStore& store, std::int64_t number);
// The highest revision recorded, 0 when none.
std::int64_t latestRevision(const ConsoleStore& store);
// Records a revision (publishChanges does; a revision found in out_dir is recorded with actor "").
void recordRevision(ConsoleStore& store, const RevisionRecord& r);

enum class FileChange { Added, Changed, Removed };
const char* fileChangeName(FileChange c);  // "added", "changed", "removed"

struct FileDiff {
    std::string path, kind;
    FileChange change = FileChange::Changed;
    std::uint64_t sizeBefore = 0, sizeAfter = 0;
    std::string shaBefore, shaAfter;
    bool text = false;  // `diff` holds the line diff (changed text files only)
    TextDiff diff;
    std::string note;  // why there is no line diff ("binary", "object missing"...), else ""
};

struct RevisionDiff {
    std::int64_t revision = 0;
    std::int64_t previous = 0;    // 0: the first revision known, every file is "added"
    std::vector<FileDiff> files;  // sorted by path
};

// Files added, changed and removed in revision `number` against the revision recorded before it,
// from the two manifests; text files with their line diff, read from out_dir's objects (not for
// the first revision known: it lists the whole content, every file "added").
// Nothing when the revision is not recorded.
std::optional<RevisionDiff> diffRevisions(const ConsoleConfig& config, const ConsoleStore& store,
                                          std::int64_t number);
// How many files differ between two manifests (added + changed + removed).
int countChangedFiles(const Manifest& before, const Manifest& after);

// Rewrites content_dir to hold exactly revision `number`'s files (read from out_dir's objects and
// checked by hash; files of the content folders that are not in it are removed) and publishes it
// as a new, higher revision with restored_from = number; its reason is "Ripristino della revisione
// N / Restore of revision N" and the optional `reason` after it. Refuses, changing nothing, when the
// revision is unknown or one of its objects is missing or damaged.
PublishOutcome restoreRevision(const ConsoleConfig& config, ConsoleStore& store, std::int64_t number,
                               const std::string& actor, UnixSeconds now, const std::string& address = {},
                               const std::string& reason = {});

}  // namespace vt::console
