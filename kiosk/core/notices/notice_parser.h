// Staff notices: Markdown with a TOML front matter between "+++" lines.
//
//   +++
//   id = "lavori-piazza"             # defaults to the file name
//   title = "Lavori in piazza Roma"
//   short = "Dal 1 al 20 dicembre la piazza è chiusa al traffico."
//   image = "../media/piazza.png"    # relative to the notice file
//   priority = 5                     # higher first in the attract loop
//   valid_from = 2026-12-01          # date (Rome 00:00) or date-time
//   valid_until = 2026-12-20         # a date is inclusive (until its end)
//   show = "Mo-Fr 07:00-09:00; Sa,Su 10:00-20:00"   # dayparting, opening_hours syntax
//   duration = 12                    # seconds on an attract slide
//   [en]
//   title = "Road works in Piazza Roma"
//   short = "..."
//   body = "..."
//   +++
//   Body in Markdown (Italian).
//
// `days` and `hours` ("Mo-Fr", "07:00-09:00,22:00-02:00") may be written instead of `show`.
#pragma once

#include "core/model/import_report.h"
#include "core/notices/image_import.h"
#include "core/notices/notice.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace vt {

// Reads the bytes of a file referenced by a notice (its image), relative to the notice.
using AssetReader = std::function<std::optional<std::string>(const std::string& relativePath)>;

struct ParsedNotice {
    std::optional<Notice> notice;
    std::optional<StoredImage> image;
};

// One notice file. Problems go to `report` with the file and line; a bad image drops the image
// only, a bad front matter drops the notice.
ParsedNotice parseNoticeFile(std::string_view bytes, const std::string& sourceName, const AssetReader& assets,
                             const ImageLimits& limits, ImportReport& report);

}  // namespace vt
