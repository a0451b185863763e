// Emergency templates: CAP files pre-installed on the kiosk (content/alerts/templates/*.xml,
// kind "cap-template") whose headline, description, instruction and areaDesc may hold the
// placeholders {{area}}, {{text}}, {{expires}} and {{sent}}. A small trigger message (kind
// "alert-trigger") turns one into a live alert, so a takeover needs a few hundred bytes over a
// weak link:
//
//   {"template": "allerta-meteo-rossa", "sent": "2026-11-23T10:00:00+01:00",
//    "expires": "2026-11-23T22:00:00+01:00", "area": "zona Po", "text": "...",
//    "identifier": "optional, default <template>-<sent>", "status": "Actual|Exercise|Test"}
//   {"template": "evacuazione", "msg_type": "Cancel", "cancels": "<identifier>", "sent": "..."}
//
// Trust: the trigger is signed (minisign) by the town's staff tool. The signature is checked by
// the sync engine before these bytes reach importBuffer; this parser takes verified bytes only
// and never sees the signature.
#pragma once

#include "core/alerts/cap.h"
#include "core/model/import_report.h"
#include "core/store/database.h"

#include <optional>
#include <string>
#include <string_view>

namespace vt {

struct AlertTrigger {
    std::string templateId;
    std::string identifier;  // empty: derived from the template and sent
    std::string msgType = "Alert";
    std::string status = "Actual";
    std::string cancels;  // identifier of the alert a Cancel removes
    UnixSeconds sent = 0;
    std::optional<UnixSeconds> expires;
    std::string area, text;
};

// Parses already-verified trigger bytes; nullopt with `error` set when unusable.
std::optional<AlertTrigger> parseAlertTrigger(std::string_view bytes, std::string& error);
// The alert a template and a trigger make; nullopt with `error` when the template is unusable.
std::optional<CapAlert> instantiateTemplate(std::string_view templateXml, const AlertTrigger& trigger,
                                            std::string& error);

// Stores a template under `templateId` after checking it parses; false with a report issue if not.
bool storeAlertTemplate(Database& db, const std::string& source, const std::string& templateId,
                        std::string_view xml, ImportReport& report, bool& changed);
std::optional<std::string> loadAlertTemplate(const Database& db, const std::string& templateId);

}  // namespace vt
