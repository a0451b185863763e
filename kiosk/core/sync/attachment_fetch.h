// The sync's second step for the albo: after a source's acts are imported, download the PDF
// attachments of its acts that are in their publication window, so the kiosk can show them
// without the network. Each file is fetched once (same hardened fetch as the feeds: https only,
// timeouts, byte cap), must start with "%PDF", and is kept content-addressed as
// <data>/attachments/<sha256>.pdf, recorded in act_files for every act that lists it, so the
// albo purge deletes it with the last of those acts. A round downloads at most a few files per
// source (the rest waits for the next round), and a failure only concerns its own attachment:
// it is reported naming the source, the act and the URL, and retried later with a backoff.
#pragma once

#include "core/config/config.h"
#include "core/model/import_report.h"
#include "core/store/database.h"
#include "core/sync/http_fetch.h"
#include "core/util/civil_time.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vt {

struct AttachmentLimits {
    std::uint64_t maxFileBytes = 20ull << 20;  // one file
    std::uint64_t budgetBytes = 512ull << 20;  // every cached attachment together
    int perRound = 10;                         // download attempts per call; the rest waits
    FetchLimits fetch;                         // timeouts (maxBytes is set per file)
};

struct AttachmentRound {
    int downloaded = 0;       // files fetched and stored in this round
    int recorded = 0;         // acts newly given a file already on disk (same URL elsewhere)
    int failed = 0;           // attempts that failed (each one in `issues`)
    int deferred = 0;         // left for the next round (per-round cap)
    std::uint64_t bytes = 0;  // downloaded in this round
    int purgedActs = 0;       // acts purged after their window (with their files)
    int removedFiles = 0;     // cached files no act lists any more, deleted
    // source = the act's source, item = its year/number, reason = "<url>: <why>".
    std::vector<ImportIssue> issues;

    bool filesChanged() const { return downloaded > 0 || recorded > 0 || purgedActs > 0 || removedFiles > 0; }
    // "attachments: 2 downloaded (1.3 MB), 1 failed: albo 2026/4: https://...: HTTP 404"; "" when
    // nothing happened.
    std::string summary() const;
};

// Where the downloaded attachments live.
std::string attachmentsDirectory(const Config& config);
AttachmentLimits attachmentLimitsFor(const Config& config, const SourceConfig& source);

// Downloads what the acts of `source` (a feed, or the files of a manifest "source/...") need,
// for acts in their window at `now`, newest first.
AttachmentRound fetchActAttachments(Database& db, const std::string& directory, const std::string& source,
                                    const AttachmentLimits& limits, UnixSeconds now);

// Forgets download records of URLs no act lists (privacy) and deletes the files in `directory`
// no act references. Returns the number of files deleted.
int pruneAttachmentCache(Database& db, const std::string& directory);

// What the sync engine runs after each successful sync of a source: the albo purge (also when
// the feed did not change), the downloads, then the prune.
AttachmentRound syncActAttachments(Database& db, const Config& config, const SourceConfig& source,
                                   UnixSeconds now);

// For the sync engine, after a source synced: syncActAttachments, its summary appended to
// `message`, and no exception (an attachment problem never fails the source's import).
// True when the files on disk changed (the screens reload).
bool runAttachmentStep(Database& db, const Config& config, const SourceConfig& source, UnixSeconds now,
                       std::string& message);

// The downloaded copy of `url` for act `actId` ("" when there is none): what the act detail opens.
std::string cachedAttachmentPath(const Database& db, std::int64_t actId, const std::string& url);

}  // namespace vt
