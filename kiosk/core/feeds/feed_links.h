// Links that arrive in feeds. An act's page link is shown as a QR code and must be https; an
// attachment is downloaded by the sync and must be https (http to loopback for tests); a path on
// the kiosk's own disk (file:///, /abs/path) is kept only when the feed itself is a local file the
// staff gave. Anything else ("javascript:", "data:", "file:" from a remote feed, "user:pw@host") is
// dropped, the item still imported, and each drop reported naming the source and the item.
#pragma once

#include "core/model/act.h"
#include "core/model/import_report.h"

#include <string>
#include <vector>

namespace vt {

// `positions[i]` is the 1-based position of acts[i] in its feed (0 when unknown).
void dropUnsafeActLinks(std::vector<Act>& acts, const std::vector<int>& positions, ImportReport& report,
                        bool localFiles);

// A link of another kind of feed (a news item, an event, an alert's web page): kept when it is
// https, else cleared and reported for `item`.
void keepHttpsLink(std::string& link, const std::string& source, const std::string& item,
                   ImportReport& report);

}  // namespace vt
