// Offices (content/offices/<id>.toml) and whether they are open: the hours are in the
// OpenStreetMap opening_hours syntax, public holidays of Italy and the patron saint included.
//
//   name = "Servizi demografici – Anagrafe e stato civile"
//   address = "Piazza del Municipio 1, 26100 Borgo Vetrina"
//   phone = "+39 0372 000001"
//   email = "anagrafe@comune.borgovetrina.example"
//   hours = "Mo-Fr 08:30-12:30; Tu,Th 14:30-17:00; PH off; Dec 24 off"
//   notes = "Carta d'identità elettronica solo su appuntamento."
#pragma once

#include "core/util/italian_format.h"  // italianWeekday, used with these statuses

#include "core/model/import_report.h"
#include "core/schedule/opening_hours.h"
#include "core/store/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vt {

struct Office {
    std::int64_t id = 0;
    std::string source;
    std::string uid;  // "anagrafe"
    std::string name, address, phone, email, web, notes;
    OpeningHours hours;  // empty: hours not published
};

// One office file; the id is the `id` key or the file name. nullopt (with a report issue naming
// the line) when unusable.
std::optional<Office> parseOfficeFile(std::string_view bytes, const std::string& sourceName,
                                      ImportReport& report);

struct OfficeImportResult {
    int inserted = 0, updated = 0, unchanged = 0, removed = 0;
};
OfficeImportResult storeOffices(Database& db, const std::string& source, const std::vector<Office>& offices,
                                UnixSeconds now);
std::vector<Office> listOffices(const Database& db);
std::optional<Office> findOffice(const Database& db, const std::string& uid);

// "Aperto ora · chiude alle 12:30", "Apre oggi alle 14:30", "Apre domani alle 8:30",
// "Apre lunedì alle 8:30", "Apre il 7 gennaio alle 8:30", "Chiuso", "Aperto 24 ore su 24".
std::string formatOpenStatusIt(const OpenStatus& status, UnixSeconds now);

}  // namespace vt
