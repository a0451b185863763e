// Which attachments of an act the kiosk can show itself: PDFs that are on this disk, either
// because the feed names a local file (file:// URL or a path, as in local sources and tests) or
// because the sync downloaded them (core/sync/attachment_fetch.h, by URL) or cached them
// otherwise (act_files).
#pragma once

#include "core/model/act.h"
#include "core/store/database.h"

#include <string>
#include <vector>

namespace vt {

struct AttachmentView {
    std::string name;       // the file name, for the button
    std::string detail;     // "PDF, 1,2 MB"
    std::string localPath;  // a regular file that claims to be a PDF; empty: only online
};

// The file name at the end of a URL or path, without query or fragment.
std::string attachmentFileName(const std::string& url);

// One view per attachment of `act`, in order. Reads the disk (stat): call when loading, not per frame.
std::vector<AttachmentView> resolveAttachments(const Database& db, const Act& act);

}  // namespace vt
