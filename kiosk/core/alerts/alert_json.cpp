#include "core/alerts/alert_json.h"

namespace vt {

namespace {

nlohmann::json opt(const std::optional<UnixSeconds>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json();
}

std::optional<UnixSeconds> optFrom(const nlohmann::json& j, const char* key) {
    if (!j.contains(key) || j[key].is_null()) return std::nullopt;
    return j[key].get<UnixSeconds>();
}

}  // namespace

nlohmann::json capToJson(const CapAlert& a) {
    nlohmann::json infos = nlohmann::json::array();
    for (const CapInfo& i : a.infos) {
        nlohmann::json areas = nlohmann::json::array();
        for (const CapArea& ar : i.areas) {
            nlohmann::json polys = nlohmann::json::array(), circles = nlohmann::json::array(),
                           codes = nlohmann::json::array();
            for (const auto& p : ar.polygons) {
                nlohmann::json pts = nlohmann::json::array();
                for (const GeoPoint& g : p) pts.push_back({g.lat, g.lon});
                polys.push_back(pts);
            }
            for (const CapCircle& c : ar.circles) circles.push_back({c.centre.lat, c.centre.lon, c.radiusKm});
            for (const auto& [n, v] : ar.geocodes) codes.push_back({n, v});
            areas.push_back(
                {{"desc", ar.areaDesc}, {"polygons", polys}, {"circles", circles}, {"geocodes", codes}});
        }
        nlohmann::json resources = nlohmann::json::array();
        for (const CapResource& r : i.resources)
            resources.push_back({{"desc", r.desc}, {"mime", r.mimeType}, {"uri", r.uri}, {"size", r.size}});
        infos.push_back({{"language", i.language},
                         {"category", i.category},
                         {"event", i.event},
                         {"responseType", i.responseType},
                         {"urgency", i.urgency},
                         {"severity", i.severity},
                         {"certainty", i.certainty},
                         {"senderName", i.senderName},
                         {"headline", i.headline},
                         {"description", i.description},
                         {"instruction", i.instruction},
                         {"web", i.web},
                         {"contact", i.contact},
                         {"effective", opt(i.effective)},
                         {"onset", opt(i.onset)},
                         {"expires", opt(i.expires)},
                         {"areas", areas},
                         {"resources", resources}});
    }
    return {
        {"identifier", a.identifier}, {"sender", a.sender}, {"status", a.status}, {"msgType", a.msgType},
        {"scope", a.scope},           {"note", a.note},     {"sent", a.sent},     {"sentText", a.sentText},
        {"references", a.references}, {"infos", infos}};
}

CapAlert capFromJson(const nlohmann::json& j) {
    CapAlert a;
    a.identifier = j.value("identifier", "");
    a.sender = j.value("sender", "");
    a.status = j.value("status", "");
    a.msgType = j.value("msgType", "");
    a.scope = j.value("scope", "");
    a.note = j.value("note", "");
    a.sent = j.value("sent", UnixSeconds(0));
    a.sentText = j.value("sentText", "");
    a.references = j.value("references", std::vector<std::string>{});
    for (const auto& ji : j.at("infos")) {
        CapInfo i;
        i.language = ji.value("language", "");
        i.category = ji.value("category", "");
        i.event = ji.value("event", "");
        i.responseType = ji.value("responseType", "");
        i.urgency = ji.value("urgency", "");
        i.severity = ji.value("severity", "");
        i.certainty = ji.value("certainty", "");
        i.senderName = ji.value("senderName", "");
        i.headline = ji.value("headline", "");
        i.description = ji.value("description", "");
        i.instruction = ji.value("instruction", "");
        i.web = ji.value("web", "");
        i.contact = ji.value("contact", "");
        i.effective = optFrom(ji, "effective");
        i.onset = optFrom(ji, "onset");
        i.expires = optFrom(ji, "expires");
        for (const auto& ja : ji.at("areas")) {
            CapArea ar;
            ar.areaDesc = ja.value("desc", "");
            for (const auto& p : ja.at("polygons")) {
                std::vector<GeoPoint> poly;
                for (const auto& pt : p) poly.push_back({pt[0].get<double>(), pt[1].get<double>()});
                ar.polygons.push_back(std::move(poly));
            }
            for (const auto& c : ja.at("circles"))
                ar.circles.push_back({{c[0].get<double>(), c[1].get<double>()}, c[2].get<double>()});
            for (const auto& g : ja.at("geocodes"))
                ar.geocodes.emplace_back(g[0].get<std::string>(), g[1].get<std::string>());
            i.areas.push_back(std::move(ar));
        }
        for (const auto& jr : ji.at("resources"))
            i.resources.push_back(
                {jr.value("desc", ""), jr.value("mime", ""), jr.value("uri", ""), jr.value("size", 0LL)});
        a.infos.push_back(std::move(i));
    }
    return a;
}

}  // namespace vt
