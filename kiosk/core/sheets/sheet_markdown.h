// The staff's sheet format (content/sheets/*.md, one file per sheet, UTF-8):
//
//   +++
//   id = "cambio-residenza"            # a-z 0-9 - _ ; language variants share it
//   title = "Cambio di residenza"
//   lang = "it"                        # or "en" (optional English variant, file *.en.md)
//   body = "comune"                    # ente erogatore id: comune, inps, asl, agenzia-entrate...
//   body_name = "Comune di Borgo Vetrina (demo)"
//   status = "active"                  # or "not-active" with status_reason = "..."
//   topics = ["Residenza"]             # official Argomenti (64)
//   life_events = ["persone/9"]        # official codes, or the official label
//   online = "https://..."             # shown as a QR code
//   office = "anagrafe"                # office id (content/offices/<id>.toml)
//   keywords = ["trasloco"]
//   +++
//   ## Descrizione breve
//   ...
//
// Sections, in this order whatever the file's order (mandatory unless marked): Descrizione
// breve, A chi è rivolto, Come fare, Cosa serve, Cosa si ottiene, Tempi e scadenze, Quanto costa
// (optional), Accedi al servizio, Condizioni (optional), Contatti ("Ufficio responsabile" and
// "Contatti / Ufficio responsabile" are accepted). Text: paragraphs, "-" or "1." lists, **bold**;
// anything else shows as plain text.
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
