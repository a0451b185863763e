#include "core/feeds/albopop_json.h"

#include "core/feeds/albo_item.h"
#include "core/feeds/feed_text.h"
#include "core/feeds/json_text.h"

#include <nlohmann/json.hpp>

#include <cstdlib>

namespace vt {

namespace {

using nlohmann::json;

// One object or an array of them (XML-to-JSON converters make a lone child an object).
std::vector<const json*> many(const json& v) {
    std::vector<const json*> out;
    if (v.is_array())
        for (const json& e : v) out.push_back(&e);
    else if (v.is_object())
        out.push_back(&v);
    return out;
}

std::string field(const json& item, std::initializer_list<const char*> keys) {
    for (const char* k : keys) {
        std::string v = jsonField(item, k);
        if (!v.empty()) return v;
    }
    return {};
}

}  // namespace

AlboFeed parseAlboPopJson(std::string_view bytes, const std::string& sourceName) {
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
    const json* channel = nullptr;
    if (doc.is_object() && doc.contains("rss") && doc["rss"].is_object() && doc["rss"].contains("channel"))
        channel = &doc["rss"]["channel"];
    else if (doc.is_object() && doc.contains("channel"))
        channel = &doc["channel"];
    if (!channel || !channel->is_object()) {
        feed.report.fatal = true;
        feed.report.add({sourceName, 0, 1, "", "not an AlboPOP JSON feed (no rss.channel)"});
        return feed;
    }
    feed.channel.title = cleanFeedText(jsonField(*channel, "title"));
    feed.channel.link = jsonField(*channel, "link");
    feed.channel.name = cleanFeedText(jsonField(*channel, "name"));
    feed.channel.municipality = cleanFeedText(jsonField(*channel, "municipality"));

    int position = 0;
    const auto items = channel->contains("item") ? many((*channel)["item"]) : std::vector<const json*>{};
    for (const json* item : items) {
        ++position;
        RawAct raw;
        raw.subject = field(*item, {"title"});
        raw.description = field(*item, {"description"});
        raw.link = field(*item, {"link"});
        raw.guid = field(*item, {"guid"});
        raw.uid = field(*item, {"uid"});
        // As in the RSS profile: a specific subType wins over a generic type.
        raw.type = field(*item, {"subType", "subtype", "type"});
        raw.unit = field(*item, {"unit"});
        raw.start = field(*item, {"pubStart"});
        raw.end = field(*item, {"pubEnd"});
        raw.pubDate = field(*item, {"pubDate"});
        raw.annulled = field(*item, {"annulled"});
        raw.rectifies = field(*item, {"rectifies"});
        if (item->is_object() && item->contains("enclosure"))
            for (const json* enc : many((*item)["enclosure"])) {
                Attachment a;
                a.url = jsonField(*enc, "url");
                a.mime = jsonField(*enc, "type");
                a.length = std::strtoll(jsonField(*enc, "length").c_str(), nullptr, 10);
                raw.attachments.push_back(std::move(a));
            }
        if (!item->is_object()) {
            ++feed.report.itemsSeen;
            feed.report.add({sourceName, position, 0, "", "item is not a JSON object"});
            continue;
        }
        addItem(feed, raw, sourceName, position, 0);
    }
    return feed;
}

}  // namespace vt
