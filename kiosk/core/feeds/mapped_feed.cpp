#include "core/feeds/mapped_feed.h"

#include "core/feeds/albo_item.h"
#include "core/feeds/feed_text.h"
#include "core/feeds/json_text.h"
#include "core/util/nesting.h"
#include "core/util/text.h"

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace vt {

namespace {

using nlohmann::json;

// Act fields a mapping can fill, and where each goes in a RawAct.
constexpr std::pair<const char*, std::string RawAct::*> kFields[] = {
    {"uid", &RawAct::uid},
    {"year", &RawAct::year},
    {"number", &RawAct::number},
    {"subject", &RawAct::subject},
    {"description", &RawAct::description},
    {"type", &RawAct::type},
    {"unit", &RawAct::unit},
    {"start", &RawAct::start},
    {"end", &RawAct::end},
    {"pub_date", &RawAct::pubDate},
    {"link", &RawAct::link},
    {"guid", &RawAct::guid},
    {"annulled", &RawAct::annulled},
    {"annulled_on", &RawAct::annulledOn},
    {"annul_reason", &RawAct::annulReason},
    {"rectifies", &RawAct::rectifies},
};

std::string get(const FieldMapping& m, const std::string& key) {
    const auto it = m.find(key);
    return it == m.end() ? std::string() : it->second;
}

std::string format(const FieldMapping& m, std::string_view bytes) {
    std::string f = toLowerAscii(trim(get(m, "format")));
    if (!f.empty()) return f;
    size_t i = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
    return i < bytes.size() && bytes[i] == '<' ? "xml" : "json";
}

bool isJsonPointer(const std::string& p) {
    try {
        json::json_pointer ptr(p);
        return true;
    } catch (const json::exception&) {
        return false;
    }
}

std::string jsonAt(const json& item, const std::string& pointer) {
    if (pointer.empty()) return {};
    const json::json_pointer ptr(pointer);
    if (!item.contains(ptr)) return {};
    return jsonScalarText(item.at(ptr));
}

std::string xmlAt(const pugi::xml_node& item, const std::string& path) {
    if (path.empty()) return {};
    const pugi::xpath_node n = item.select_node(path.c_str());
    if (n.attribute()) return n.attribute().value();
    if (!n.node()) return {};
    std::string text;
    // All the text under the node, so "<oggetto>Avviso <b>importante</b></oggetto>" is whole.
    for (const pugi::xpath_node& d : n.node().select_nodes(".//text()")) text += d.node().value();
    return text;
}

AlboFeed fatal(const std::string& sourceName, int line, std::string reason) {
    AlboFeed feed;
    feed.report.fatal = true;
    feed.report.add({sourceName, 0, line, "", std::move(reason)});
    return feed;
}

AlboFeed parseJsonList(std::string_view bytes, const FieldMapping& m, const std::string& sourceName) {
    int line = 0;
    std::string reason;
    std::optional<json> parsed = parseFeedJson(bytes, line, reason);
    if (!parsed) return fatal(sourceName, line, std::move(reason));
    json doc = std::move(*parsed);  // mutable: operator[] below may add a null member
    const json::json_pointer itemsPtr(get(m, "items"));
    if (!doc.contains(itemsPtr) || !(doc.at(itemsPtr).is_array() || doc.at(itemsPtr).is_object()))
        return fatal(sourceName, 0, "no list of acts at \"" + get(m, "items") + "\" (mapping key items)");
    AlboFeed feed;
    int position = 0;
    for (const json& item : doc.at(itemsPtr)) {
        ++position;
        if (!item.is_object()) {
            ++feed.report.itemsSeen;
            feed.report.add({sourceName, position, 0, "", "act is not a JSON object"});
            continue;
        }
        RawAct raw;
        for (const auto& [key, member] : kFields) raw.*member = jsonAt(item, get(m, key));
        const std::string attPath = get(m, "attachments");
        if (!attPath.empty() && item.contains(json::json_pointer(attPath))) {
            const json& list = item.at(json::json_pointer(attPath));
            auto one = [&](const json& a) {
                Attachment at;
                at.url = a.is_string() ? a.get<std::string>() : jsonAt(a, get(m, "attachment_url"));
                at.mime = a.is_object() ? jsonAt(a, get(m, "attachment_type")) : std::string();
                raw.attachments.push_back(std::move(at));
            };
            if (list.is_array())
                for (const json& a : list) one(a);
            else
                one(list);
        }
        addItem(feed, raw, sourceName, position, 0);
    }
    return feed;
}

AlboFeed parseXmlList(std::string_view bytes, const FieldMapping& m, const std::string& sourceName) {
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed = doc.load_buffer(bytes.data(), bytes.size());
    if (!parsed)
        return fatal(sourceName, lineAtOffset(bytes, parsed.offset),
                     std::string("not valid XML: ") + parsed.description());
    if (auto deep = xmlNestingError(doc, bytes))
        return fatal(sourceName, deep->line, std::move(deep->reason));
    AlboFeed feed;
    try {
        const pugi::xpath_node_set items = doc.select_nodes(get(m, "items").c_str());
        int position = 0;
        const LineIndex lines(bytes);
        for (const pugi::xpath_node& xn : items) {
            const pugi::xml_node item = xn.node();
            if (!item) continue;
            ++position;
            RawAct raw;
            for (const auto& [key, member] : kFields) raw.*member = xmlAt(item, get(m, key));
            const std::string attPath = get(m, "attachments");
            if (!attPath.empty())
                for (const pugi::xpath_node& an : item.select_nodes(attPath.c_str())) {
                    Attachment at;
                    const std::string urlPath = get(m, "attachment_url");
                    at.url = an.attribute()    ? an.attribute().value()
                             : urlPath.empty() ? std::string(an.node().text().get())
                                               : xmlAt(an.node(), urlPath);
                    if (an.node()) at.mime = xmlAt(an.node(), get(m, "attachment_type"));
                    raw.attachments.push_back(std::move(at));
                }
            addItem(feed, raw, sourceName, position, lines.lineAt(item.offset_debug()));
        }
    } catch (const pugi::xpath_exception& e) {
        return fatal(sourceName, 0, std::string("mapping: bad XPath: ") + e.what());
    }
    return feed;
}

}  // namespace

const std::vector<std::string>& mappingKeys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> k{"items", "format", "attachments", "attachment_url", "attachment_type"};
        for (const auto& f : kFields) k.emplace_back(f.first);
        return k;
    }();
    return keys;
}

std::string checkMapping(const FieldMapping& m) {
    for (const auto& [key, value] : m)
        if (std::find(mappingKeys().begin(), mappingKeys().end(), key) == mappingKeys().end())
            return "mapping: unknown key \"" + key + "\"";
    if (get(m, "items").empty()) return "mapping: \"items\" (where the list of acts is) is missing";
    if (get(m, "subject").empty()) return "mapping: \"subject\" is missing";
    if (get(m, "uid").empty() && (get(m, "number").empty() || get(m, "year").empty()))
        return "mapping: \"uid\", or \"year\" and \"number\", are missing";
    if (get(m, "start").empty() && get(m, "pub_date").empty()) return "mapping: \"start\" is missing";
    const std::string f = toLowerAscii(trim(get(m, "format")));
    if (!f.empty() && f != "json" && f != "xml")
        return "mapping: format \"" + f + "\" is neither json nor xml";
    if (f != "xml")
        for (const auto& [key, value] : m)
            if (key != "format" && !value.empty() && value.front() == '/' && !isJsonPointer(value))
                return "mapping: " + key + " = \"" + value + "\" is not a JSON pointer";
    return {};
}

AlboFeed parseMappedFeed(std::string_view bytes, const FieldMapping& mapping, const std::string& sourceName) {
    if (const std::string problem = checkMapping(mapping); !problem.empty())
        return fatal(sourceName, 0, problem);
    const std::string f = format(mapping, bytes);
    if (f == "xml") return parseXmlList(bytes, mapping, sourceName);
    for (const auto& [key, value] : mapping)
        if (key != "format" && !value.empty() && !isJsonPointer(value))
            return fatal(sourceName, 0, "mapping: " + key + " = \"" + value + "\" is not a JSON pointer");
    return parseJsonList(bytes, mapping, sourceName);
}

}  // namespace vt
