// CAP alerts in the store and the decisions the screens need: which alerts are on for this kiosk
// at an instant, in which language, whether one takes over the screen, when that next changes,
// and the audit log of what was shown.
#pragma once

#include "core/alerts/cap.h"
#include "core/store/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vt {

// Who this kiosk is, for area matching (from the config). With no geocodes and no position
// every alert matches.
struct AlertAudience {
    std::vector<std::string> geocodes;  // "EMMA_ID=IT003", "ISTAT=999001" or a bare value
    std::optional<GeoPoint> position;
    bool showExercises = false;  // keep status Exercise and Test (labelled)
    std::string language = "it";
};

struct ShownAlert {
    std::int64_t rowId = 0;
    std::string source;
    CapAlert alert;
    CapInfo info;           // the block chosen for this kiosk (area, time, language)
    UnixSeconds from = 0;   // effective (or sent)
    UnixSeconds until = 0;  // expires (or sent + 24 h when the sender gave none)
    bool takeover = false;
    std::string label;  // "ESERCITAZIONE" / "PROVA" for Exercise and Test, else empty
};

// An alert with no <expires> stays this long after <sent>: a kiosk must not show it forever.
constexpr UnixSeconds kAlertDefaultLifetime = 24 * 3600;
// Alerts whose every info block ended this long ago are deleted when a new message is stored
// (the references of Updates and Cancels are kept).
constexpr UnixSeconds kAlertPruneAfter = 30 * 86400;

// Severity Extreme or Severe with urgency Immediate or Expected.
bool isTakeover(const CapInfo& info);
bool areaMatches(const CapInfo& info, const AlertAudience& audience);
bool pointInPolygon(GeoPoint p, const std::vector<GeoPoint>& polygon);
double distanceKm(GeoPoint a, GeoPoint b);

// Stores one message (replacing an earlier copy of the same sender,identifier in this source).
// Returns true when the store changed.
bool storeAlert(Database& db, const std::string& source, const CapAlert& alert, UnixSeconds now);

// Alerts on at t, takeovers first, then by severity and newest.
std::vector<ShownAlert> activeAlertsAt(const Database& db, const AlertAudience& audience, UnixSeconds t);
// The alert that takes over the screen at t, if any.
std::optional<ShownAlert> takeoverAt(const Database& db, const AlertAudience& audience, UnixSeconds t);
// The next instant after t when the set of active alerts changes by time alone (effective or
// expires); a new message changes it too, and the sync engine signals that.
std::optional<UnixSeconds> nextAlertChange(const Database& db, const AlertAudience& audience, UnixSeconds t);

// Logs the first time an alert ("sender,identifier") appeared on screen; true when logged now,
// false when already logged. The log survives clearSource (it is the audit trail).
bool recordAlertShown(Database& db, const std::string& alertUid, UnixSeconds now);
struct AlertLogEntry {
    std::string alertUid, source;
    UnixSeconds sent = 0;
    std::string shownAt;
};
std::vector<AlertLogEntry> alertLog(const Database& db);

}  // namespace vt
