// Common Alerting Protocol 1.2 (OASIS): the alert, its info blocks, areas and resources.
#pragma once

#include "core/model/import_report.h"
#include "core/util/civil_time.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vt {

struct GeoPoint {
    double lat = 0, lon = 0;
};

struct CapCircle {
    GeoPoint centre;
    double radiusKm = 0;
};

struct CapArea {
    std::string areaDesc;
    std::vector<std::vector<GeoPoint>> polygons;
    std::vector<CapCircle> circles;
    std::vector<std::pair<std::string, std::string>> geocodes;  // valueName, value
};

struct CapResource {
    std::string desc, mimeType, uri;
    long long size = 0;
};

struct CapInfo {
    std::string language = "en-US";  // the CAP default
    std::string category, event, responseType, urgency, severity, certainty;
    std::string senderName, headline, description, instruction, web, contact;
    std::optional<UnixSeconds> effective, onset, expires;
    std::vector<CapArea> areas;
    std::vector<CapResource> resources;
};

struct CapAlert {
    std::string identifier, sender, status, msgType, scope, note;
    UnixSeconds sent = 0;
    std::string sentText;  // as written
    // "sender,identifier" of each message referenced (the sent part of the triple is not compared:
    // senders write the same instant in different shapes, and sender+identifier is unique).
    std::vector<std::string> references;
    std::vector<CapInfo> infos;

    std::string uid() const { return sender + "," + identifier; }
};

struct CapParseResult {
    std::optional<CapAlert> alert;
    ImportReport report;  // fatal when the message is unusable
};

// Parses one CAP message. `templateMode` accepts a message without identifier and sent (an
// emergency template fills them from its trigger).
CapParseResult parseCap(std::string_view bytes, const std::string& sourceName, bool templateMode = false);

}  // namespace vt
