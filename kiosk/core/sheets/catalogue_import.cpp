#include "core/sheets/catalogue_import.h"

#include "core/sheets/catalogue_mapping.h"
#include "core/sheets/taxonomy.h"
#include "core/util/nesting.h"
#include "core/util/text.h"

#include <nlohmann/json.hpp>

#include <map>
#include <set>

namespace vt {

namespace {

using nlohmann::json;

struct BodyInfo {
    std::string_view ente;
    std::string_view id;
    std::string_view name;
};

// entePa of the catalogue files. "Comunali" are templates every town may offer.
constexpr BodyInfo kBodies[]{
    {"Comunali", "comuni-catalogo", "Comuni (catalogo nazionale dei servizi)"},
    {"INPS", "inps", "INPS - Istituto nazionale della previdenza sociale"},
    {"AdE", "agenzia-entrate", "Agenzia delle Entrate"},
    {"MIT", "motorizzazione", "Ministero delle infrastrutture e dei trasporti - Motorizzazione"},
};

std::string slug(std::string_view s) {
    std::string out;
    for (char c : foldForMatch(s)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += c;
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.substr(0, 60);
}

// Catalogue text fields are {"language":"it","description":"..."}; some are plain strings.
std::string localized(const json& j) {
    if (j.is_string()) return collapseWhitespace(plainTextFromHtml(j.get<std::string>()));
    if (j.is_object()) {
        auto d = j.find("description");
        if (d != j.end() && d->is_string())
            return collapseWhitespace(plainTextFromHtml(d->get<std::string>()));
    }
    return {};
}

// A string member, or the fallback when it is missing or of another type: json::value() throws
// type_error on a number or object where a string is expected, and one odd item must not
// abort the whole catalogue.
std::string stringField(const json& j, const char* key, std::string fallback = {}) {
    if (!j.is_object()) return fallback;
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

TextBlock paragraph(const std::string& text) {
    return {TextBlock::Type::Paragraph, {{text, false}}};
}

// Our walks, dump() and copies recurse: a too deep document is refused before it is parsed.
bool refuseDeepJson(std::string_view bytes, const std::string& src, SheetBatch& out) {
    auto deep = jsonNestingError(bytes);
    if (!deep) return false;
    out.report.add({src, 0, deep->line, "", std::move(deep->reason)});
    out.report.fatal = true;
    return true;
}

void addUnique(std::vector<std::string>& v, const std::string& s) {
    for (const auto& x : v)
        if (x == s) return;
    v.push_back(s);
}

}  // namespace

SheetBatch parseServiziGovCatalogue(std::string_view bytes, const std::string& src) {
    SheetBatch out;
    if (refuseDeepJson(bytes, src, out)) return out;
    const json doc = json::parse(sanitizeUtf8(bytes), nullptr, false);
    if (doc.is_discarded() || !doc.is_array()) {
        out.report.add(
            {src, 0, 0, "", "not a servizi-gov catalogue: expected a JSON array of service templates"});
        out.report.fatal = true;
        return out;
    }
    std::map<std::string, std::pair<std::string, int>> unmappedThemes;  // code -> (label, services)
    std::set<std::string> ids;
    std::map<std::string, int> seenServices;  // the catalogue lists some services twice
    int noTopic = 0;
    int position = 0;
    for (const json& item : doc) {
        ++position;
        ++out.report.itemsSeen;
        if (!item.is_object() || !item.contains("publicService") || !item["publicService"].is_object()) {
            out.report.add({src, position, 0, "", "not a service template (no \"publicService\")"});
            continue;
        }
        const json& ps = item["publicService"];
        const std::string whole = stringField(item, "entePa") + ps.dump();
        if (auto dup = seenServices.find(whole); dup != seenServices.end()) {
            out.report.add({src, position, 0, stringField(item, "name"),
                            "same service as item " + std::to_string(dup->second) + "; imported once"});
            continue;
        }
        seenServices.emplace(whole, position);
        Sheet s;
        const std::string index = stringField(item, "templateIndex", std::to_string(position));
        s.title = ps.contains("name") ? localized(ps["name"]) : "";
        if (s.title.empty() && item.contains("name")) s.title = localized(item["name"]);
        if (s.title.empty()) {
            out.report.add({src, position, 0, index, "service without a name"});
            continue;
        }
        const std::string ente = trim(stringField(item, "entePa"));
        const BodyInfo* body = nullptr;
        for (const BodyInfo& b : kBodies)
            if (b.ente == ente) body = &b;
        if (body) {
            s.bodyId = std::string(body->id);
            s.bodyName = std::string(body->name);
        } else {
            s.bodyId = ente.empty() ? "ente" : slug(ente);
            s.bodyName = ente.empty() ? "Ente non indicato" : ente;
        }
        s.id = "gov-" + slug(index);
        for (int n = 2; ids.count(s.id); ++n) s.id = "gov-" + slug(index) + "-" + std::to_string(n);
        ids.insert(s.id);
        s.description = ps.contains("description") ? localized(ps["description"]) : "";
        if (ps.contains("keywords") && ps["keywords"].is_array())
            for (const json& k : ps["keywords"])
                if (auto kw = localized(k); !kw.empty()) addUnique(s.keywords, kw);
        if (ps.contains("themes") && ps["themes"].is_array())
            for (const json& t : ps["themes"]) {
                const std::string code = t.is_object() ? trim(stringField(t, "id")) : "";
                if (auto topic = topicForTheme(code))
                    addUnique(s.topics, *topic);
                else if (!code.empty()) {
                    auto& u = unmappedThemes[code];
                    u.first = stringField(t, "description");
                    ++u.second;
                }
            }
        if (ps.contains("events") && ps["events"].is_object())
            for (const char* key : {"lifeEvent", "businessEvent"}) {
                const json& list = ps["events"].value(key, json::array());
                if (!list.is_array()) continue;
                for (const json& e : list) {
                    const std::string code =
                        e.is_object() ? stringField(e, key == std::string("lifeEvent") ? "idLe" : "idBe")
                                      : "";
                    if (auto le = lifeEventForCatalogueEvent(code)) {
                        addUnique(s.lifeEvents, *le);
                        if (auto topic = topicForLifeEvent(*le)) addUnique(s.topics, *topic);
                    } else {
                        out.report.add(
                            {src, position, 0, s.title, "unknown life event \"" + code + "\" not mapped"});
                    }
                }
            }
        std::string kwText = s.title + " ";
        for (const auto& k : s.keywords) kwText += k + " ";
        for (const auto& t : topicsForText(kwText)) addUnique(s.topics, t);
        if (s.topics.empty()) ++noTopic;

        if (!s.description.empty()) s.sections.push_back({"Descrizione breve", {paragraph(s.description)}});
        if (ps.contains("authentications") && ps["authentications"].is_array() &&
            !ps["authentications"].empty()) {
            std::string methods;
            for (const json& a : ps["authentications"])
                if (a.is_object()) methods += (methods.empty() ? "" : ", ") + stringField(a, "type");
            s.sections.push_back(
                {"Accedi al servizio", {paragraph("Servizio online con autenticazione: " + methods)}});
        }
        out.sheets.push_back(std::move(s));
        ++out.report.itemsImported;
    }
    for (const auto& [code, u] : unmappedThemes)
        out.report.add({src, 0, 0, code,
                        "theme " + code + " (" + trim(u.first) +
                            ") has no official Argomento: " + std::to_string(u.second) +
                            " services take their topics from life events and keywords only"});
    if (noTopic > 0)
        out.report.add({src, 0, 0, "",
                        std::to_string(noTopic) + " services could not be mapped to any official Argomento"});
    return out;
}

namespace {

// data-element names of the national validator -> our section labels.
constexpr std::pair<std::string_view, std::string_view> kDataElements[]{
    {"service-description", "Descrizione breve"},
    {"service-addressed", "A chi è rivolto"},
    {"service-how-to", "Come fare"},
    {"service-needed", "Cosa serve"},
    {"service-achieved", "Cosa si ottiene"},
    {"service-calendar-text", "Tempi e scadenze"},
    {"service-cost", "Quanto costa"},
    {"service-generic-access", "Accedi al servizio"},
    {"service-online-access", "Accedi al servizio"},
    {"service-area", "Contatti"},
};

std::string jsonText(const json& j, const char* key, bool keepLines = false) {
    if (!j.is_object()) return {};
    auto it = j.find(key);
    if (it == j.end()) return {};
    std::string raw;
    if (it->is_string())
        raw = it->get<std::string>();
    else if (it->is_array() && !it->empty() && it->front().is_string())
        raw = it->front().get<std::string>();
    const std::string plain = plainTextFromHtml(raw);
    return keepLines ? plain : collapseWhitespace(plain);
}

std::vector<TextBlock> linesToBlocks(const std::string& text) {
    std::vector<TextBlock> out;
    size_t p = 0;
    while (p <= text.size()) {
        size_t nl = text.find('\n', p);
        if (nl == std::string::npos) nl = text.size();
        const std::string line = collapseWhitespace(text.substr(p, nl - p));
        if (!line.empty()) out.push_back(paragraph(line));
        p = nl + 1;
    }
    return out;
}

void collectServices(const json& j, const json* parent,
                     std::vector<std::pair<const json*, const json*>>& out) {
    if (j.is_object()) {
        const auto t = j.find("@type");
        if (t != j.end() && t->is_string() && t->get<std::string>() == "GovernmentService") {
            out.emplace_back(&j, parent);
            return;
        }
        for (const auto& [k, v] : j.items()) collectServices(v, &j, out);
    } else if (j.is_array()) {
        for (const json& v : j) collectServices(v, parent, out);
    }
}

}  // namespace

SheetBatch parseGovernmentServiceJsonLd(std::string_view bytes, const std::string& src) {
    SheetBatch out;
    if (refuseDeepJson(bytes, src, out)) return out;
    const json doc = json::parse(sanitizeUtf8(bytes), nullptr, false);
    if (doc.is_discarded()) {
        out.report.add({src, 0, 0, "", "not JSON"});
        out.report.fatal = true;
        return out;
    }
    std::vector<std::pair<const json*, const json*>> found;
    collectServices(doc, nullptr, found);
    if (found.empty()) {
        out.report.add({src, 0, 0, "", "no schema.org GovernmentService in this JSON-LD"});
        out.report.fatal = true;
        return out;
    }
    int position = 0;
    for (const auto& [svc, parent] : found) {
        ++position;
        ++out.report.itemsSeen;
        const json& j = *svc;
        Sheet s;
        s.title = jsonText(j, "name");
        if (s.title.empty()) {
            out.report.add({src, position, 0, "", "GovernmentService without a name"});
            continue;
        }
        s.id = "jsonld-" + slug(s.title);
        const json op = j.value("serviceOperator", json::object());
        s.bodyName = jsonText(op, "name");
        if (s.bodyName.empty()) {
            s.bodyName = "Comune";
            out.report.add({src, position, 0, s.title, "serviceOperator.name is empty; shown as \"Comune\""});
        }
        s.bodyId = slug(s.bodyName);
        s.description = jsonText(j, "description");
        const std::string serviceType = jsonText(j, "serviceType");
        if (auto t = canonicalTopic(serviceType)) s.topics.push_back(*t);
        for (const auto& t : topicsForText(s.title + " " + serviceType + " " + s.description))
            addUnique(s.topics, t);
        const std::string audience = jsonText(j.value("audience", json::object()), "audienceType");
        const json channel = j.value("availableChannel", json::object());
        const std::string url = jsonText(channel, "serviceUrl");
        if (startsWith(url, "https://") || startsWith(url, "http://")) s.onlineLink = url;
        std::string contact;
        if (channel.is_object() && channel.contains("serviceLocation")) {
            const json& loc = channel["serviceLocation"];
            contact = jsonText(loc, "name");
            const json addr = loc.is_object() ? loc.value("address", json::object()) : json::object();
            const std::string street = jsonText(addr, "streetAddress");
            const std::string place =
                trim(jsonText(addr, "postalCode") + " " + jsonText(addr, "addressLocality"));
            if (!street.empty()) contact += (contact.empty() ? "" : ", ") + street;
            if (!place.empty()) contact += (contact.empty() ? "" : ", ") + place;
        }
        // The page's own sections, when the publisher's extract carries them next to the JSON-LD.
        std::map<std::string, std::vector<TextBlock>> sections;
        if (parent && parent->contains("sections_by_data_element") &&
            (*parent)["sections_by_data_element"].is_object()) {
            const json& el = (*parent)["sections_by_data_element"];
            for (const auto& [name, label] : kDataElements) {
                const std::string text = jsonText(el, std::string(name).c_str(), true);
                if (text.empty()) continue;
                auto& blocks = sections[std::string(label)];
                for (auto& b : linesToBlocks(text)) blocks.push_back(std::move(b));
            }
        }
        if (s.description.empty() && sections.count("Descrizione breve"))
            s.description = sections["Descrizione breve"].front().plain();
        if (!s.description.empty() && !sections.count("Descrizione breve"))
            sections["Descrizione breve"] = {paragraph(s.description)};
        if (!audience.empty() && !sections.count("A chi è rivolto"))
            sections["A chi è rivolto"] = {paragraph(audience)};
        if (!contact.empty() && !sections.count("Contatti")) sections["Contatti"] = {paragraph(contact)};
        for (const SectionSpec& spec : sheetSectionSpecs())
            if (auto it = sections.find(std::string(spec.label)); it != sections.end())
                s.sections.push_back({it->first, it->second});
        out.sheets.push_back(std::move(s));
        ++out.report.itemsImported;
    }
    return out;
}

}  // namespace vt
