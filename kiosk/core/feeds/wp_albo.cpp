#include "core/feeds/wp_albo.h"

#include "core/feeds/albo_item.h"
#include "core/feeds/feed_text.h"
#include "core/feeds/json_text.h"
#include "core/util/nesting.h"
#include "core/util/text.h"

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

namespace vt {

namespace {

using nlohmann::json;

std::string describeWith(const std::string& info, const std::string& reference) {
    // Appends in place: `"..." + std::string&&` inlines an insert at the front in which GCC 12
    // at -O3 sees a memcpy that "may overlap" (a -Wrestrict false positive, fatal with -Werror).
    std::string out = info;
    const std::string ref = trim(reference);
    if (ref.empty()) return out;
    if (!out.empty()) out += '\n';
    out += "Riferimento: ";
    out += ref;
    return out;
}

std::string mimeOfExtension(std::string ext) {
    ext = toLowerAscii(trim(ext));
    if (ext == "pdf") return "application/pdf";
    if (ext == "p7m") return "application/pkcs7-mime";
    if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
    if (ext == "png") return "image/png";
    if (ext == "zip") return "application/zip";
    return {};
}

RawAct fromJson(const json& a) {
    RawAct raw;
    raw.number = jsonField(a, "Numero");
    raw.year = jsonField(a, "Anno");
    raw.subject = jsonField(a, "Oggetto");
    raw.description = describeWith(jsonField(a, "Informazioni"), jsonField(a, "Riferimento"));
    raw.start = jsonField(a, "DataInizio");
    raw.end = jsonField(a, "DataFine");
    raw.annulledOn = jsonField(a, "DataAnnullamento");
    raw.annulReason = jsonField(a, "MotivoAnnullamento");
    raw.unit = jsonField(a, "UnitaOrganizzativa");
    raw.link = jsonField(a, "Link");
    // A name in the list and the repertorio, {"Nome": ...} in the single-act answer.
    raw.type = a.contains("Categoria") && a["Categoria"].is_object() ? jsonField(a["Categoria"], "Nome")
                                                                     : jsonField(a, "Categoria");
    if (a.contains("Allegati") && a["Allegati"].is_array())
        for (const json& al : a["Allegati"]) {
            Attachment at;
            at.url = jsonField(al, "Link");
            at.mime = mimeOfExtension(jsonField(al, "Estenzione"));
            raw.attachments.push_back(std::move(at));
        }
    return raw;
}

AlboFeed parseJson(std::string_view bytes, const std::string& sourceName) {
    AlboFeed feed;
    int line = 0;
    std::string reason;
    std::optional<json> parsed = parseFeedJson(bytes, line, reason);
    if (!parsed) {
        feed.report.fatal = true;
        feed.report.add({sourceName, 0, line, "", std::move(reason)});
        return feed;
    }
    json doc = std::move(*parsed);  // mutable: operator[] below may add a null member
    std::vector<const json*> atti;
    auto isAct = [](const json& v) { return v.is_object() && v.contains("Numero"); };
    if (isAct(doc)) {
        atti.push_back(&doc);  // one act: /atto/{num}/{anno}
    } else if (doc.is_array() && !doc.empty() && doc[0].is_object() && doc[0].contains("TotAtti")) {
        // REST list: [paging, {IdAtto: act...}] ([] or {} when the page is empty).
        if (doc.size() > 1)
            for (const json& a : doc[1]) atti.push_back(&a);
    } else if (doc.is_array()) {
        for (const json& a : doc) atti.push_back(&a);  // repertorio
    } else {
        feed.report.fatal = true;
        feed.report.add({sourceName, 0, 1, "",
                         "not an \"Albo Pretorio On line\" export or API answer "
                         "(expected an array of acts, or [paging, acts])"});
        return feed;
    }
    int position = 0;
    for (const json* a : atti) {
        ++position;
        if (!a->is_object()) {
            ++feed.report.itemsSeen;
            feed.report.add({sourceName, position, 0, "", "act is not a JSON object"});
            continue;
        }
        addItem(feed, fromJson(*a), sourceName, position, 0);
    }
    return feed;
}

AlboFeed parseXml(std::string_view bytes, const std::string& sourceName) {
    AlboFeed feed;
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed = doc.load_buffer(bytes.data(), bytes.size());
    if (!parsed) {
        feed.report.fatal = true;
        feed.report.add({sourceName, 0, lineAtOffset(bytes, parsed.offset), "",
                         std::string("not valid XML: ") + parsed.description()});
        return feed;
    }
    if (auto deep = xmlNestingError(doc, bytes)) {
        feed.report.fatal = true;
        feed.report.add({sourceName, 0, deep->line, "", std::move(deep->reason)});
        return feed;
    }
    const pugi::xml_node root = doc.child("Repertorio");
    if (!root) {
        feed.report.fatal = true;
        feed.report.add(
            {sourceName, 0, 1, "", "not an \"Albo Pretorio On line\" repertorio (no <Repertorio>)"});
        return feed;
    }
    const std::string year = trim(root.child("Meta_dati").child_value("Anno"));
    int position = 0;
    const LineIndex lines(bytes);
    for (const pugi::xml_node a : root.child("Atti").children("Atto")) {
        ++position;
        RawAct raw;
        raw.number = a.child_value("Numero_Atto");
        raw.year = a.child("Anno") ? a.child_value("Anno") : year;
        raw.subject = a.child_value("Oggetto");
        raw.description = describeWith(a.child_value("Informazioni"), a.child_value("Riferimento"));
        raw.start = a.child_value("Data_Inizio");
        raw.end = a.child_value("Data_Fine");
        raw.annulledOn = a.child_value("Data_Annullamento");
        raw.annulReason = a.child_value("Motivo_Annullamento");
        // "Unità Organizzativa Responsabile" with the non-ASCII letters turned into '_' by the exporter.
        raw.unit = a.child_value("Unit___Organizzativa_Responsabile");
        raw.type = a.child_value("Categoria");
        addItem(feed, raw, sourceName, position, lines.lineAt(a.offset_debug()));
    }
    return feed;
}

}  // namespace

AlboFeed parseWpAlbo(std::string_view bytes, const std::string& sourceName) {
    size_t i = 0;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // BOM
    while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t'))
        ++i;
    if (i < bytes.size() && bytes[i] == '<') return parseXml(bytes, sourceName);
    return parseJson(bytes, sourceName);
}

}  // namespace vt
