// Importers of service catalogues published by others, as sheets of the bodies that run them:
// the national catalogue (servizi-gov "serviceTemplates" JSON: towns, INPS, Agenzia delle
// Entrate, Ministry of Transport) and schema.org GovernmentService JSON-LD from municipal sites.
#pragma once

#include "core/model/import_report.h"
#include "core/sheets/sheet.h"

#include <string>
#include <string_view>
#include <vector>

namespace vt {

struct SheetBatch {
    std::vector<Sheet> sheets;
    ImportReport report;
};

// Topics come from the explicit mapping (catalogue_mapping.h); themes with no Argomento and
// services left with no topic at all are reported once per source with their counts.
SheetBatch parseServiziGovCatalogue(std::string_view bytes, const std::string& sourceName);

// One GovernmentService, an array of them, an "@graph", or any JSON holding them.
SheetBatch parseGovernmentServiceJsonLd(std::string_view bytes, const std::string& sourceName);

}  // namespace vt
