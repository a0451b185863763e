// The staff's sheet format: one Markdown file per sheet, TOML front matter between "+++" lines,
// then one "## " heading per section of the national service-page model. See
// docs/ (content authoring) and content/sheets/ for examples.
#pragma once

#include "core/model/import_report.h"
#include "core/sheets/sheet.h"

#include <optional>
#include <string>
#include <string_view>

namespace vt {

struct ParsedSheet {
    std::optional<Sheet> sheet;  // empty when the file is unusable (report.fatal)
    ImportReport report;
};

// Validates and parses one sheet file. Every problem is reported with the file and line: bad
// TOML, a missing mandatory field or section (fatal: the sheet is not imported and the cached
// version stays), an unknown topic, life event or section (reported, the rest imports).
ParsedSheet parseSheetMarkdown(std::string_view bytes, const std::string& sourceName);

// Markdown to the structured text the kiosk draws: paragraphs, bullet items, bold spans.
std::vector<TextBlock> markdownToBlocks(std::string_view markdown);

}  // namespace vt
