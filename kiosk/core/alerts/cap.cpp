#include "core/alerts/cap.h"

#include "core/feeds/feed_text.h"
#include "core/util/nesting.h"
#include "core/util/text.h"

#include <pugixml.hpp>

#include <cstdlib>
#include <cstring>
#include <sstream>

namespace vt {

namespace {

const char* localName(pugi::xml_node n) {
    const char* full = n.name();
    const char* colon = std::strchr(full, ':');
    return colon ? colon + 1 : full;
}

pugi::xml_node child(pugi::xml_node n, const char* name) {
    for (pugi::xml_node c : n.children())
        if (!std::strcmp(localName(c), name)) return c;
    return {};
}

std::vector<pugi::xml_node> children(pugi::xml_node n, const char* name) {
    std::vector<pugi::xml_node> out;
    for (pugi::xml_node c : n.children())
        if (!std::strcmp(localName(c), name)) out.push_back(c);
    return out;
}

std::string textOf(pugi::xml_node n, const char* name) {
    return trim(sanitizeUtf8(child(n, name).text().get()));
}

std::optional<GeoPoint> parsePoint(const std::string& s) {
    const auto comma = s.find(',');
    if (comma == std::string::npos) return std::nullopt;
    char* end = nullptr;
    const std::string a = s.substr(0, comma), b = s.substr(comma + 1);
    const double lat = std::strtod(a.c_str(), &end);
    if (end == a.c_str() || *end) return std::nullopt;
    const double lon = std::strtod(b.c_str(), &end);
    if (end == b.c_str() || *end) return std::nullopt;
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) return std::nullopt;
    return GeoPoint{lat, lon};
}

std::vector<std::string> splitBlank(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

}  // namespace

CapParseResult parseCap(std::string_view bytes, const std::string& sourceName, bool templateMode) {
    CapParseResult res;
    ImportReport& rep = res.report;
    rep.itemsSeen = 1;
    const auto fatal = [&](int line, const std::string& item, const std::string& reason) {
        rep.fatal = true;
        rep.add({sourceName, 1, line, item, reason});
        return res;
    };
    pugi::xml_document doc;
    const pugi::xml_parse_result r = doc.load_buffer(bytes.data(), bytes.size());
    if (!r) return fatal(lineAtOffset(bytes, r.offset), "", std::string("not XML: ") + r.description());
    if (auto deep = xmlNestingError(doc, bytes)) return fatal(deep->line, "", deep->reason);
    pugi::xml_node root = doc.document_element();
    if (std::strcmp(localName(root), "alert") != 0) return fatal(1, "", "not a CAP message (no <alert>)");
    const LineIndex lines(bytes);
    const auto lineOf = [&lines](pugi::xml_node n) { return lines.lineAt(n.offset_debug()); };
    CapAlert a;
    a.identifier = textOf(root, "identifier");
    a.sender = textOf(root, "sender");
    a.status = textOf(root, "status");
    a.msgType = textOf(root, "msgType");
    a.scope = textOf(root, "scope");
    a.note = textOf(root, "note");
    a.sentText = textOf(root, "sent");
    const std::string item = a.identifier.empty() ? "alert" : a.identifier;
    if (!templateMode) {
        if (a.identifier.empty()) return fatal(lineOf(root), item, "no <identifier>");
        if (a.sender.empty()) return fatal(lineOf(root), item, "no <sender>");
        auto sent = parseIsoInstant(a.sentText);
        if (!sent)
            return fatal(lineOf(child(root, "sent") ? child(root, "sent") : root), item,
                         "<sent> \"" + a.sentText + "\" is not an ISO 8601 date-time");
        a.sent = *sent;
    }
    static const char* kStatus[] = {"Actual", "Exercise", "System", "Test", "Draft"};
    static const char* kTypes[] = {"Alert", "Update", "Cancel", "Ack", "Error"};
    const auto oneOf = [](const std::string& v, const auto& list) {
        for (const char* s : list)
            if (v == s) return true;
        return false;
    };
    if (!oneOf(a.status, kStatus)) return fatal(lineOf(root), item, "unknown <status> \"" + a.status + "\"");
    if (!oneOf(a.msgType, kTypes))
        return fatal(lineOf(root), item, "unknown <msgType> \"" + a.msgType + "\"");
    for (const std::string& triple : splitBlank(textOf(root, "references"))) {
        const auto c1 = triple.find(','), c2 = c1 == std::string::npos ? c1 : triple.find(',', c1 + 1);
        if (c2 == std::string::npos) {
            rep.add({sourceName, 1, lineOf(child(root, "references")), item,
                     "reference \"" + triple + "\" is not sender,identifier,sent"});
            continue;
        }
        a.references.push_back(triple.substr(0, c2));
    }
    if ((a.msgType == "Update" || a.msgType == "Cancel") && a.references.empty())
        rep.add(
            {sourceName, 1, lineOf(root), item, a.msgType + " without <references>: it replaces nothing"});

    int infoIndex = 0;
    for (pugi::xml_node in : children(root, "info")) {
        ++infoIndex;
        CapInfo info;
        if (auto l = textOf(in, "language"); !l.empty()) info.language = l;
        info.category = textOf(in, "category");
        info.event = textOf(in, "event");
        info.responseType = textOf(in, "responseType");
        info.urgency = textOf(in, "urgency");
        info.severity = textOf(in, "severity");
        info.certainty = textOf(in, "certainty");
        info.senderName = textOf(in, "senderName");
        info.headline = textOf(in, "headline");
        info.description = collapseKeepingParagraphs(plainTextFromHtml(textOf(in, "description")));
        info.instruction = collapseKeepingParagraphs(plainTextFromHtml(textOf(in, "instruction")));
        info.web = textOf(in, "web");
        info.contact = textOf(in, "contact");
        const std::string where = item + " info " + std::to_string(infoIndex);
        bool bad = false;
        for (auto [name, into] : {std::pair{"effective", &info.effective}, std::pair{"onset", &info.onset},
                                  std::pair{"expires", &info.expires}}) {
            const std::string v = textOf(in, name);
            if (v.empty()) continue;
            *into = parseIsoInstant(v);
            if (!*into) {
                rep.add({sourceName, 1, lineOf(child(in, name)), where,
                         std::string("<") + name + "> \"" + v + "\" is not an ISO 8601 date-time"});
                bad = true;
            }
        }
        if (info.event.empty() && info.headline.empty()) {
            rep.add({sourceName, 1, lineOf(in), where, "neither <event> nor <headline>"});
            bad = true;
        }
        if (bad) continue;  // the other info blocks may still be good
        for (pugi::xml_node ar : children(in, "area")) {
            CapArea area;
            area.areaDesc = textOf(ar, "areaDesc");
            for (pugi::xml_node p : children(ar, "polygon")) {
                std::vector<GeoPoint> poly;
                for (const std::string& pt : splitBlank(p.text().get())) {
                    auto g = parsePoint(pt);
                    if (!g) {
                        poly.clear();
                        break;
                    }
                    poly.push_back(*g);
                }
                if (poly.size() < 4)
                    rep.add(
                        {sourceName, 1, lineOf(p), where, "polygon ignored: not 4 or more lat,lon points"});
                else
                    area.polygons.push_back(std::move(poly));
            }
            for (pugi::xml_node c : children(ar, "circle")) {
                const auto parts = splitBlank(c.text().get());
                auto centre = parts.size() == 2 ? parsePoint(parts[0]) : std::nullopt;
                char* end = nullptr;
                const double radius = centre ? std::strtod(parts[1].c_str(), &end) : -1;
                if (!centre || !end || *end || radius < 0)
                    rep.add({sourceName, 1, lineOf(c), where, "circle ignored: not \"lat,lon radius\""});
                else
                    area.circles.push_back({*centre, radius});
            }
            for (pugi::xml_node g : children(ar, "geocode"))
                area.geocodes.emplace_back(textOf(g, "valueName"), textOf(g, "value"));
            info.areas.push_back(std::move(area));
        }
        for (pugi::xml_node rs : children(in, "resource")) {
            CapResource res2{textOf(rs, "resourceDesc"), textOf(rs, "mimeType"), textOf(rs, "uri"), 0};
            res2.size = std::atoll(textOf(rs, "size").c_str());
            info.resources.push_back(std::move(res2));
        }
        a.infos.push_back(std::move(info));
    }
    if (a.infos.empty() && a.msgType != "Cancel" && a.msgType != "Ack" && a.msgType != "Error")
        return fatal(lineOf(root), item, "no usable <info> block");
    rep.itemsImported = 1;
    res.alert = std::move(a);
    return res;
}

}  // namespace vt
