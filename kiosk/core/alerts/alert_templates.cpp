#include "core/alerts/alert_templates.h"

#include "core/util/nesting.h"
#include "core/util/text.h"

#include <nlohmann/json.hpp>

namespace vt {

namespace {

std::string fill(std::string s, const AlertTrigger& t) {
    const CivilDateTime e = romeLocal(t.expires.value_or(t.sent));
    char expires[32];
    std::snprintf(expires, sizeof expires, "%02d/%02d alle %02d:%02d", e.date.day, e.date.month, e.hour,
                  e.minute);
    const CivilDateTime s2 = romeLocal(t.sent);
    char sent[32];
    std::snprintf(sent, sizeof sent, "%02d/%02d alle %02d:%02d", s2.date.day, s2.date.month, s2.hour,
                  s2.minute);
    const std::pair<const char*, std::string> values[] = {{"{{area}}", t.area},
                                                          {"{{text}}", t.text},
                                                          {"{{expires}}", t.expires ? expires : ""},
                                                          {"{{sent}}", sent}};
    for (const auto& [key, value] : values)
        for (size_t at = s.find(key); at != std::string::npos; at = s.find(key, at + value.size()))
            s.replace(at, std::strlen(key), value);
    return collapseKeepingParagraphs(s);
}

}  // namespace

std::optional<AlertTrigger> parseAlertTrigger(std::string_view bytes, std::string& error) {
    if (auto deep = jsonNestingError(bytes)) {
        error = "the trigger is ";
        error += deep->reason;
        return std::nullopt;
    }
    nlohmann::json j = nlohmann::json::parse(bytes, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        error = "not a JSON object";
        return std::nullopt;
    }
    AlertTrigger t;
    const auto str = [&](const char* key, std::string& into) {
        if (!j.contains(key)) return true;
        if (!j[key].is_string()) {
            error = std::string("\"") + key + "\" must be a string";
            return false;
        }
        into = sanitizeUtf8(trim(j[key].get<std::string>()));
        return true;
    };
    std::string sent, expires;
    if (!str("template", t.templateId) || !str("identifier", t.identifier) || !str("msg_type", t.msgType) ||
        !str("status", t.status) || !str("cancels", t.cancels) || !str("sent", sent) ||
        !str("expires", expires) || !str("area", t.area) || !str("text", t.text))
        return std::nullopt;
    if (t.templateId.empty()) {
        error = "no \"template\"";
        return std::nullopt;
    }
    if (t.msgType != "Alert" && t.msgType != "Cancel") {
        error = "\"msg_type\" must be Alert or Cancel";
        return std::nullopt;
    }
    if (t.status != "Actual" && t.status != "Exercise" && t.status != "Test") {
        error = "\"status\" must be Actual, Exercise or Test";
        return std::nullopt;
    }
    auto s = parseIsoInstant(sent);
    if (!s) {
        error = "\"sent\" is missing or not an ISO 8601 date-time";
        return std::nullopt;
    }
    t.sent = *s;
    if (!expires.empty()) {
        t.expires = parseIsoInstant(expires);
        if (!t.expires || *t.expires <= t.sent) {
            error = "\"expires\" is not an ISO 8601 date-time after \"sent\"";
            return std::nullopt;
        }
    }
    if (t.msgType == "Cancel" && t.cancels.empty()) {
        error = "a Cancel needs \"cancels\" (the identifier of the alert)";
        return std::nullopt;
    }
    if (t.msgType == "Alert" && !t.expires) {
        error = "an Alert needs \"expires\": a takeover must end by itself";
        return std::nullopt;
    }
    if (t.area.size() > 500 || t.text.size() > 4000) {
        error = "\"area\" or \"text\" is too long";
        return std::nullopt;
    }
    return t;
}

std::optional<CapAlert> instantiateTemplate(std::string_view templateXml, const AlertTrigger& trigger,
                                            std::string& error) {
    CapParseResult parsed = parseCap(templateXml, trigger.templateId, true);
    if (!parsed.alert) {
        error = parsed.report.issues.empty() ? "unusable template" : parsed.report.issues.front().reason;
        return std::nullopt;
    }
    CapAlert a = std::move(*parsed.alert);
    if (a.sender.empty()) a.sender = "vetrina-template";
    a.sent = trigger.sent;
    a.sentText = formatIsoUtc(trigger.sent);
    a.status = trigger.status;
    a.msgType = trigger.msgType;
    a.references.clear();
    if (trigger.msgType == "Cancel") {
        a.identifier = trigger.identifier.empty() ? "cancel-" + trigger.cancels : trigger.identifier;
        a.references.push_back(a.sender + "," + trigger.cancels);
        a.infos.clear();
        return a;
    }
    a.identifier = trigger.identifier.empty() ? trigger.templateId + "-" + a.sentText : trigger.identifier;
    for (CapInfo& i : a.infos) {
        i.effective = trigger.sent;
        i.onset.reset();
        i.expires = trigger.expires;
        i.headline = fill(i.headline, trigger);
        i.description = fill(i.description, trigger);
        i.instruction = fill(i.instruction, trigger);
        for (CapArea& ar : i.areas) ar.areaDesc = fill(ar.areaDesc, trigger);
    }
    return a;
}

bool storeAlertTemplate(Database& db, const std::string& source, const std::string& templateId,
                        std::string_view xml, ImportReport& report, bool& changed) {
    changed = false;
    CapParseResult parsed = parseCap(xml, source, true);
    for (ImportIssue& i : parsed.report.issues) report.add(std::move(i));
    if (!parsed.alert) return false;
    if (parsed.alert->infos.empty()) {
        report.add({source, 1, 1, templateId, "a template needs an <info> block"});
        return false;
    }
    const std::string body(xml);
    Statement find = db.prepare("SELECT xml FROM alert_templates WHERE source = ?1 AND uid = ?2");
    find.bind(1, source).bind(2, templateId);
    if (find.step() && find.text(0) == body) return true;
    find.reset();
    Transaction tx(db);
    db.prepare("DELETE FROM alert_templates WHERE uid = ?1").bind(1, templateId).run();
    db.prepare("INSERT INTO alert_templates (source, uid, digest, xml) VALUES (?1, ?2, ?3, ?4)")
        .bind(1, source)
        .bind(2, templateId)
        .bind(3, std::to_string(std::hash<std::string>{}(body)))
        .bind(4, body)
        .run();
    tx.commit();
    changed = true;
    return true;
}

std::optional<std::string> loadAlertTemplate(const Database& db, const std::string& templateId) {
    Statement st = db.prepare("SELECT xml FROM alert_templates WHERE uid = ?1");
    st.bind(1, templateId);
    if (!st.step()) return std::nullopt;
    return st.text(0);
}

}  // namespace vt
