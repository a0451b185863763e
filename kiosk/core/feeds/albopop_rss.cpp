#include "core/feeds/albopop_rss.h"

#include "core/feeds/feed_text.h"
#include "core/util/nesting.h"
#include "core/util/text.h"

#include <pugixml.hpp>

#include <cstdlib>

namespace vt {

namespace {

// "http://albopop.it/specs#item-category-uid" and "http://albopop.it/specs/#item-category-uid"
// both name "uid"; the part after '#' is what matters.
std::string categoryKey(std::string_view domain) {
    const size_t hash = domain.rfind('#');
    std::string key = toLowerAscii(trim(hash == std::string_view::npos ? domain : domain.substr(hash + 1)));
    for (const char* prefix : {"item-category-", "channel-category-"})
        if (startsWith(key, prefix)) return key.substr(std::string_view(prefix).size());
    return key;
}

std::string childText(const pugi::xml_node& n, const char* name) {
    return n.child(name).text().get();
}

}  // namespace

AlboFeed parseAlboPopRss(std::string_view xml, const std::string& sourceName) {
    AlboFeed feed;
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed =
        doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (!parsed) {
        feed.report.fatal = true;
        feed.report.add({sourceName, 0, lineAtOffset(xml, parsed.offset), "",
                         std::string("not valid XML: ") + parsed.description()});
        return feed;
    }
    if (auto deep = xmlNestingError(doc, xml)) {
        feed.report.fatal = true;
        feed.report.add({sourceName, 0, deep->line, "", std::move(deep->reason)});
        return feed;
    }
    const pugi::xml_node channel = doc.child("rss").child("channel");
    if (!channel) {
        feed.report.fatal = true;
        feed.report.add({sourceName, 0, 1, "", "not an RSS feed (no <rss><channel>)"});
        return feed;
    }
    feed.channel.title = cleanFeedText(childText(channel, "title"));
    feed.channel.link = trim(childText(channel, "link"));
    for (const pugi::xml_node cat : channel.children("category")) {
        const std::string key = categoryKey(cat.attribute("domain").value());
        if (key == "name") feed.channel.name = cleanFeedText(cat.text().get());
        if (key == "municipality") feed.channel.municipality = cleanFeedText(cat.text().get());
    }

    int position = 0;
    const LineIndex lines(xml);
    for (const pugi::xml_node item : channel.children("item")) {
        ++position;
        ++feed.report.itemsSeen;
        const int line = lines.lineAt(item.offset_debug());
        Act act;
        act.source = sourceName;
        act.subject = cleanFeedText(childText(item, "title"));
        act.description = cleanFeedText(childText(item, "description"));
        if (act.description == act.subject) act.description.clear();
        act.link = trim(childText(item, "link"));
        act.guid = trim(childText(item, "guid"));

        std::string uid, type, subType, start, end;
        for (const pugi::xml_node cat : item.children("category")) {
            const std::string key = categoryKey(cat.attribute("domain").value());
            const std::string value = trim(cat.text().get());
            if (key == "uid")
                uid = value;
            else if (key == "type")
                type = cleanFeedText(value);
            else if (key == "subtype")
                subType = cleanFeedText(value);
            else if (key == "pubstart")
                start = value;
            else if (key == "pubend")
                end = value;
            else if (key == "unit")
                act.unit = cleanFeedText(value);
        }
        // Maggioli feeds put a generic type ("ATTI AMMINISTRATIVI") and the real one in subType.
        act.type = subType.empty() ? type : subType;

        const std::string label =
            !uid.empty() ? uid : (!act.guid.empty() ? act.guid : act.subject.substr(0, 40));
        auto reject = [&](std::string reason) {
            feed.report.add({sourceName, position, line, label, std::move(reason)});
        };
        if (act.subject.empty()) act.subject = act.description;
        if (act.subject.empty()) {
            reject("no title and no description");
            continue;
        }
        if (uid.empty()) {
            reject("no act number (category item-category-uid)");
            continue;
        }
        if (!parseActUid(uid, act.year, act.number)) {
            reject("act number \"" + uid + "\" is not year/number");
            continue;
        }
        act.uid = std::to_string(act.year) + "/" + act.number;

        std::optional<CivilDate> first = parseFeedDay(start);
        if (!first && !start.empty()) {
            reject("unreadable start of publication \"" + start + "\"");
            continue;
        }
        if (!first) first = parseFeedDay(childText(item, "pubDate"));
        if (!first) {
            reject("no publication date (pubStart or pubDate)");
            continue;
        }
        std::optional<CivilDate> last = parseFeedDay(end);
        if (!last && !trim(end).empty()) {
            reject("unreadable end of publication \"" + end + "\"");
            continue;
        }
        act.pubStart = *first;
        act.pubEnd = last ? *last : addDays(*first, kDefaultPublicationDays);
        if (act.pubEnd < act.pubStart) {
            reject("publication ends (" + formatDate(act.pubEnd) + ") before it starts (" +
                   formatDate(act.pubStart) + ")");
            continue;
        }
        for (const pugi::xml_node enc : item.children("enclosure")) {
            Attachment a;
            a.url = trim(enc.attribute("url").value());
            a.mime = trim(enc.attribute("type").value());
            a.length = std::strtoll(enc.attribute("length").value(), nullptr, 10);
            if (a.length < 0) a.length = 0;
            if (!a.url.empty()) act.attachments.push_back(std::move(a));
        }
        feed.acts.push_back(std::move(act));
        feed.positions.push_back(position);
        ++feed.report.itemsImported;
    }
    return feed;
}

}  // namespace vt
