// Service sheets in the store, and the browsing API the Services screens draw from: topics,
// life events and bodies with counts, sheets by any of them or A–Z, one sheet with its sections.
#pragma once

#include "core/model/import_report.h"
#include "core/sheets/sheet.h"
#include "core/store/database.h"
#include "core/util/civil_time.h"

#include <optional>
#include <string>
#include <vector>

namespace vt {

struct SheetImportResult {
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;
    int removed = 0;
};

// Makes `sheets` the whole contribution of `source`: new and changed sheets are written, sheets
// the source no longer has are removed, and the search index follows, in one transaction.
// `searchBoost` > 1 ranks these sheets higher in search (the town's own sheets).
SheetImportResult storeSheets(Database& db, const std::vector<Sheet>& sheets, const std::string& source,
                              const ImportReport& report, UnixSeconds now, double searchBoost = 1.0);
void removeSheetsOfSource(Database& db, const std::string& source);

struct Facet {
    std::string key;    // topic label, life-event code, body id or initial letter
    std::string label;  // what the button says
    int count = 0;
};

// Only facets that have sheets; topics and life events in the official order, bodies by name.
std::vector<Facet> listTopics(const Database& db, const std::string& lang = "it");
std::vector<Facet> listLifeEvents(const Database& db, const std::string& lang = "it");
std::vector<Facet> listBodies(const Database& db, const std::string& lang = "it");
std::vector<Facet> listInitials(const Database& db, const std::string& lang = "it");

struct SheetSummary {
    std::string id;
    std::string title;
    std::string description;
    std::string bodyId;
    std::string bodyName;
    bool active = true;
};

struct SheetFilter {
    std::string topic;      // official label
    std::string lifeEvent;  // code
    std::string bodyId;
    std::string initial;  // one letter, A–Z by folded title
};

// Sheets matching every non-empty filter field, A–Z by title. For lang "en" the English
// variant is listed where there is one, the Italian sheet otherwise.
std::vector<SheetSummary> listSheets(const Database& db, const SheetFilter& filter = {},
                                     const std::string& lang = "it");
std::optional<Sheet> findSheet(const Database& db, const std::string& id, const std::string& lang = "it");
int countSheets(const Database& db);

}  // namespace vt
