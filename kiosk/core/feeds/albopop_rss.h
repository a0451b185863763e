// AlboPOP RSS 2.0 (http://albopop.it/specs), as real scrapers produce it.
#pragma once

#include "core/model/act.h"
#include "core/model/import_report.h"

#include <string>
#include <string_view>
#include <vector>

namespace vt {

struct AlboChannel {
    std::string title;
    std::string name;  // "Comune di Ladispoli"
    std::string municipality;
    std::string link;
};

struct AlboFeed {
    AlboChannel channel;
    std::vector<Act> acts;
    std::vector<int> positions;  // 1-based index in the source of each act (for later reports)
    ImportReport report;
};

// Parses a whole feed. Items that cannot be used are reported (with position, line and reason)
// and skipped; a document that is not an RSS feed at all sets report.fatal.
AlboFeed parseAlboPopRss(std::string_view xml, const std::string& sourceName);

}  // namespace vt
