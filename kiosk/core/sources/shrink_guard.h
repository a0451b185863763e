// The shrink guard: a new version of a source may not throw away what was cached when it yields
// nothing usable, mostly bad items, or far less than before (an emptied export, a vendor's broken
// template, random bytes). A source that really became empty says so explicitly: see
// docs/OPERATIONS.md, "When a source shrinks".
#pragma once

#include "core/store/database.h"

#include <optional>
#include <string>
#include <string_view>

namespace vt {

// The marker of an explicitly empty document (case-insensitive): alone in the file, or inside a
// document of the kind that has no items (an XML comment, a `#` line, `X-VETRINA:EMPTY`).
constexpr std::string_view kEmptyMarker = "vetrina:empty";
// "Far less": fewer than half of the rows cached, when at least this many were cached. Also: this
// many rejected items, more than the accepted ones, refuse a document even with nothing cached.
constexpr int kShrinkFloorRows = 10;

struct ShrinkFacts {
    std::string_view kind;
    int previous = 0;            // rows of the source in the store before this import
    int accepted = 0;            // items the new version would store
    int rejected = 0;            // items seen and refused
    bool explicitEmpty = false;  // no item, no rejected item, and the empty marker
    bool allowShrink = false;    // a signed manifest or the operator (import --allow-shrink) vouches
};

// Why the import must keep the cached content, or nullopt when it may go ahead.
std::optional<std::string> shrinkRefusal(const ShrinkFacts& f);

// The document is only the empty marker (whitespace around it allowed).
bool isEmptyMarkerDocument(std::string_view bytes);
// The document carries the empty marker somewhere.
bool hasEmptyMarker(std::string_view bytes);

// How many items `source` has in the store for this kind (synonym groups, events, sheets...).
int countSourceItems(const Database& db, std::string_view kind, const std::string& source);

}  // namespace vt
