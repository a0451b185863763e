// The news of the town site (RSS 2.0 or Atom) as notices of kind "news": plain text only,
// shown for 14 days after publication.
#pragma once

#include "core/model/import_report.h"
#include "core/notices/notice.h"

#include <string>
#include <string_view>
#include <vector>

namespace vt {

struct NewsFeed {
    std::vector<Notice> items;
    ImportReport report;
};

NewsFeed parseNewsFeed(std::string_view bytes, const std::string& sourceName);

}  // namespace vt
