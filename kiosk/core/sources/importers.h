// One entry point for every content kind: `vetrina import`, the kiosk's start-up refresh and the
// sync engine all turn bytes of a source into rows of the store through here.
#pragma once

#include "core/model/import_report.h"
#include "core/store/database.h"
#include "core/util/civil_time.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vt {

struct ImportSummary {
    ImportReport report;
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;
    int removed = 0;  // rows the source no longer has (signage kinds replace a source's items)
    int purged = 0;   // acts whose window ended over 24 h ago, removed with their cached files
    bool changed() const { return inserted + updated + removed + purged > 0; }
};

// Per-source settings of an import (from the source's entry in the kiosk config).
struct ImportOptions {
    // Albo: a listing longer than this many days is not an albo publication and is skipped.
    int maxWindowDays = 60;
    // Kind "mapped": where the fields are (see core/feeds/mapped_feed.h).
    std::map<std::string, std::string> mapping;
    // Files an item refers to (a notice's image), by path relative to the item's file. Unset: read
    // next to `sourceName` on disk; the sync engine reads them from its verified objects.
    std::function<std::optional<std::string>(const std::string& relativePath)> assets;
    // Items the source had before this import; unset: counted in the store. The sync engine
    // counts them before it clears a source for a new revision.
    std::optional<int> previousItems;
    // A shrink to less than half is intended: a signed revision, or `vetrina import --allow-shrink`.
    bool allowShrink = false;
    // The bytes come from a file the staff gave on this machine, so an albo attachment may name a
    // local file; from the network (the default) it must be https (core/feeds/feed_links.h).
    bool localFiles = false;
};

struct SourceConfig;
// The options a configured source asks for (max_window_days, [source.mapping]).
ImportOptions importOptionsFor(const SourceConfig& source);

// Kinds `vetrina import --kind` accepts.
std::vector<std::string> importKinds();
bool isImportKind(std::string_view kind);

// Parses `bytes` as `kind` and stores what is usable, in one transaction. A fatal parse error
// stores nothing and keeps what was cached; so does a document the shrink guard refuses (nothing
// usable, mostly rejected, far less than cached: core/sources/shrink_guard.h), with
// `report.shrinkRefused`. A document that is only "vetrina:empty" empties a non-albo source.
// Throws std::invalid_argument on an unknown kind.
// Albo kinds also purge the acts whose window ended more than 24 hours before `now`.
ImportSummary importBuffer(Database& db, std::string_view kind, std::string_view bytes,
                           const std::string& sourceName, UnixSeconds now, const ImportOptions& options = {});

// Removes everything a source contributed (all kinds), inside the caller's transaction, and
// everything of its files: sources named "<sourceName>/<path>". The sync engine imports each file
// of a manifest under such a name (a file's items replace only that file's items) and calls this
// before applying a new revision, so content dropped from the manifest disappears; plain feeds
// are merged instead (see storeActs).
void clearSource(Database& db, const std::string& sourceName);

}  // namespace vt
