#include "core/alerts/alert_store.h"

#include "core/alerts/alert_json.h"
#include "core/util/text.h"

#include <algorithm>
#include <cmath>

namespace vt {

namespace {

int severityRank(const std::string& s) {
    if (s == "Extreme") return 4;
    if (s == "Severe") return 3;
    if (s == "Moderate") return 2;
    if (s == "Minor") return 1;
    return 0;
}

bool geocodeMatches(const std::pair<std::string, std::string>& code, const std::string& wanted) {
    const auto eq = wanted.find('=');
    if (eq == std::string::npos) return trim(code.second) == wanted;
    return toLowerAscii(trim(code.first)) == toLowerAscii(wanted.substr(0, eq)) &&
           trim(code.second) == wanted.substr(eq + 1);
}

bool languageIs(const std::string& lang, const std::string& wanted) {
    const std::string l = toLowerAscii(lang);
    return l == wanted || startsWith(l, wanted + "-");
}

UnixSeconds infoFrom(const CapAlert& a, const CapInfo& i) {
    return i.effective.value_or(a.sent);
}
UnixSeconds infoUntil(const CapAlert& a, const CapInfo& i) {
    return i.expires.value_or(a.sent + kAlertDefaultLifetime);
}

struct Candidate {
    std::int64_t rowId;
    std::string source;
    CapAlert alert;
};

std::vector<Candidate> loadCandidates(const Database& db, const AlertAudience& audience) {
    std::vector<Candidate> out;
    Statement st = db.prepare(
        "SELECT id, source, alert, status FROM alerts WHERE msg_type IN ('Alert', 'Update') "
        "AND uid NOT IN (SELECT ref_uid FROM alert_refs)");
    while (st.step()) {
        const std::string status = st.text(3);
        if (status != "Actual" && !(audience.showExercises && (status == "Exercise" || status == "Test")))
            continue;
        out.push_back({st.integer(0), st.text(1), capFromJson(nlohmann::json::parse(st.text(2)))});
    }
    return out;
}

// The info block for this kiosk at t: on at t, in its area, in its language (it, en, first).
std::optional<CapInfo> chooseInfo(const CapAlert& a, const AlertAudience& audience, UnixSeconds t) {
    std::vector<const CapInfo*> on;
    for (const CapInfo& i : a.infos)
        if (infoFrom(a, i) <= t && t < infoUntil(a, i) && areaMatches(i, audience)) on.push_back(&i);
    if (on.empty()) return std::nullopt;
    for (const std::string& lang : {audience.language, std::string("en")})
        for (const CapInfo* i : on)
            if (languageIs(i->language, lang)) return *i;
    return *on.front();
}

}  // namespace

bool isTakeover(const CapInfo& info) {
    return (info.severity == "Extreme" || info.severity == "Severe") &&
           (info.urgency == "Immediate" || info.urgency == "Expected");
}

double distanceKm(GeoPoint a, GeoPoint b) {
    constexpr double kRad = 3.14159265358979323846 / 180.0;
    const double dLat = (b.lat - a.lat) * kRad, dLon = (b.lon - a.lon) * kRad;
    const double h = std::sin(dLat / 2) * std::sin(dLat / 2) + std::cos(a.lat * kRad) *
                                                                   std::cos(b.lat * kRad) *
                                                                   std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(h)));
}

bool pointInPolygon(GeoPoint p, const std::vector<GeoPoint>& poly) {
    // Ray casting on lat/lon: exact enough for municipal-scale areas away from the antimeridian.
    bool inside = false;
    for (size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
        const GeoPoint& a = poly[i];
        const GeoPoint& b = poly[j];
        if ((a.lat > p.lat) != (b.lat > p.lat) &&
            p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon)
            inside = !inside;
    }
    return inside;
}

bool areaMatches(const CapInfo& info, const AlertAudience& audience) {
    if (audience.geocodes.empty() && !audience.position) return true;
    if (info.areas.empty()) return true;  // no area: the sender's whole audience, which includes us
    for (const CapArea& area : info.areas) {
        for (const auto& code : area.geocodes)
            for (const std::string& wanted : audience.geocodes)
                if (geocodeMatches(code, wanted)) return true;
        if (!audience.position) continue;
        for (const auto& poly : area.polygons)
            if (pointInPolygon(*audience.position, poly)) return true;
        for (const CapCircle& c : area.circles)
            if (distanceKm(*audience.position, c.centre) <= c.radiusKm) return true;
    }
    return false;
}

bool storeAlert(Database& db, const std::string& source, const CapAlert& alert, UnixSeconds now) {
    const std::string json = capToJson(alert).dump();
    Transaction tx(db);
    Statement find = db.prepare("SELECT digest FROM alerts WHERE source = ?1 AND uid = ?2");
    find.bind(1, source).bind(2, alert.uid());
    if (find.step() && find.text(0) == json) return false;
    find.reset();
    db.prepare("DELETE FROM alerts WHERE source = ?1 AND uid = ?2")
        .bind(1, source)
        .bind(2, alert.uid())
        .run();
    db.prepare("DELETE FROM alert_refs WHERE source = ?1 AND alert_uid = ?2")
        .bind(1, source)
        .bind(2, alert.uid())
        .run();
    UnixSeconds ends = alert.sent + kAlertDefaultLifetime;
    for (const CapInfo& i : alert.infos) ends = std::max(ends, infoUntil(alert, i));
    Statement ins = db.prepare(
        "INSERT INTO alerts (source, uid, digest, sender, identifier, sent, status, msg_type, alert, ends, "
        "imported_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    ins.bind(1, source).bind(2, alert.uid()).bind(3, json).bind(4, alert.sender).bind(5, alert.identifier);
    ins.bind(6, static_cast<std::int64_t>(alert.sent))
        .bind(7, alert.status)
        .bind(8, alert.msgType)
        .bind(9, json);
    ins.bind(10, static_cast<std::int64_t>(ends)).bind(11, formatIsoUtc(now)).run();
    Statement ref = db.prepare("INSERT INTO alert_refs (source, alert_uid, ref_uid) VALUES (?1, ?2, ?3)");
    for (const std::string& r : alert.references) ref.bind(1, source).bind(2, alert.uid()).bind(3, r).run();
    // Alerts over for a long time are pruned, so a feed polled every 30 s does not grow the store forever.
    db.prepare("DELETE FROM alerts WHERE ends < ?1")
        .bind(1, static_cast<std::int64_t>(now - kAlertPruneAfter))
        .run();
    tx.commit();
    return true;
}

std::vector<ShownAlert> activeAlertsAt(const Database& db, const AlertAudience& audience, UnixSeconds t) {
    std::vector<ShownAlert> out;
    for (Candidate& c : loadCandidates(db, audience)) {
        std::optional<CapInfo> info = chooseInfo(c.alert, audience, t);
        if (!info) continue;
        ShownAlert s;
        s.rowId = c.rowId;
        s.source = c.source;
        s.from = infoFrom(c.alert, *info);
        s.until = infoUntil(c.alert, *info);
        s.takeover = isTakeover(*info);
        if (c.alert.status == "Exercise")
            s.label = "ESERCITAZIONE";
        else if (c.alert.status == "Test")
            s.label = "PROVA";
        s.info = std::move(*info);
        s.alert = std::move(c.alert);
        out.push_back(std::move(s));
    }
    std::sort(out.begin(), out.end(), [](const ShownAlert& a, const ShownAlert& b) {
        if (a.takeover != b.takeover) return a.takeover;
        const int sa = severityRank(a.info.severity), sb = severityRank(b.info.severity);
        if (sa != sb) return sa > sb;
        if (a.alert.sent != b.alert.sent) return a.alert.sent > b.alert.sent;
        return a.alert.uid() < b.alert.uid();
    });
    return out;
}

std::optional<ShownAlert> takeoverAt(const Database& db, const AlertAudience& audience, UnixSeconds t) {
    std::vector<ShownAlert> all = activeAlertsAt(db, audience, t);
    if (all.empty() || !all.front().takeover) return std::nullopt;
    return std::move(all.front());
}

std::optional<UnixSeconds> nextAlertChange(const Database& db, const AlertAudience& audience, UnixSeconds t) {
    std::optional<UnixSeconds> next;
    const auto consider = [&](UnixSeconds c) {
        if (c > t && (!next || c < *next)) next = c;
    };
    for (const Candidate& c : loadCandidates(db, audience))
        for (const CapInfo& i : c.alert.infos) {
            if (!areaMatches(i, audience)) continue;
            consider(infoFrom(c.alert, i));
            consider(infoUntil(c.alert, i));
        }
    return next;
}

bool recordAlertShown(Database& db, const std::string& alertUid, UnixSeconds now) {
    Statement st = db.prepare("SELECT source, sent FROM alerts WHERE uid = ?1 ORDER BY sent DESC LIMIT 1");
    st.bind(1, alertUid);
    std::string source;
    std::int64_t sent = 0;
    if (st.step()) {
        source = st.text(0);
        sent = st.integer(1);
    }
    st.reset();
    Statement ins = db.prepare(
        "INSERT OR IGNORE INTO alert_log (alert_uid, source, sent, shown_at) VALUES (?1, ?2, ?3, ?4)");
    ins.bind(1, alertUid).bind(2, source).bind(3, sent).bind(4, formatIsoUtc(now)).run();
    return db.changes() > 0;
}

std::vector<AlertLogEntry> alertLog(const Database& db) {
    std::vector<AlertLogEntry> out;
    Statement st =
        db.prepare("SELECT alert_uid, source, sent, shown_at FROM alert_log ORDER BY shown_at, alert_uid");
    while (st.step()) out.push_back({st.text(0), st.text(1), st.integer(2), st.text(3)});
    return out;
}

}  // namespace vt
