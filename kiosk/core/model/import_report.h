// What every importer returns besides its items: the problems it found, each naming the
// source and the item, so a clerk can fix the feed while the good items still import.
#pragma once

#include <string>
#include <vector>

namespace vt {

struct ImportIssue {
    std::string source;  // file name or URL
    int position = 0;    // 1-based index of the item in the source (0: the source as a whole)
    int line = 0;        // line in the source when known (0: unknown)
    std::string item;    // a short identification of the item (uid, guid or title)
    std::string reason;

    // "feed.xml:120: item 7 (2026/15): no publication date"
    std::string describe() const;
};

struct ImportReport {
    std::vector<ImportIssue> issues;
    int itemsSeen = 0;
    int itemsImported = 0;
    bool fatal = false;  // the source as a whole could not be read; nothing was imported
    // Set with `fatal` when the document was readable but would have thrown away cached content
    // (nothing usable, mostly rejected, or far less than before: see core/sources/shrink_guard.h).
    bool shrinkRefused = false;

    void add(ImportIssue issue) { issues.push_back(std::move(issue)); }
};

}  // namespace vt
