#include "core/notices/news_feed.h"

#include "core/feeds/feed_text.h"
#include "core/util/nesting.h"
#include "core/util/text.h"

#include <pugixml.hpp>

#include <cstring>

namespace vt {

namespace {

constexpr UnixSeconds kNewsLifetime = 14 * 86400;

// Child by local name, ignoring namespace prefixes.
pugi::xml_node child(pugi::xml_node n, const char* name) {
    for (pugi::xml_node c : n.children()) {
        const char* full = c.name();
        const char* colon = std::strchr(full, ':');
        if (!std::strcmp(colon ? colon + 1 : full, name)) return c;
    }
    return {};
}

std::string shorten(const std::string& text, size_t max) {
    if (text.size() <= max) return text;
    size_t cut = text.rfind(' ', max);
    if (cut == std::string::npos || cut < max / 2) cut = max;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;  // not inside a UTF-8 sequence
    return text.substr(0, cut) + "…";
}

// Script and style elements carry code, not text: dropped before the HTML is flattened.
std::string withoutCode(std::string html) {
    for (const char* tag : {"script", "style"}) {
        for (;;) {
            const std::string lower = toLowerAscii(html);
            const size_t open = lower.find(std::string("<") + tag);
            if (open == std::string::npos) break;
            const size_t close = lower.find(std::string("</") + tag, open);
            const size_t end = close == std::string::npos ? std::string::npos : lower.find('>', close);
            html.erase(open, end == std::string::npos ? std::string::npos : end + 1 - open);
        }
    }
    return html;
}

std::string feedText(const char* raw) {
    return cleanFeedText(withoutCode(raw));
}

}  // namespace

NewsFeed parseNewsFeed(std::string_view bytes, const std::string& sourceName) {
    NewsFeed feed;
    pugi::xml_document doc;
    const pugi::xml_parse_result r = doc.load_buffer(bytes.data(), bytes.size());
    if (!r) {
        feed.report.fatal = true;
        feed.report.add(
            {sourceName, 0, lineAtOffset(bytes, r.offset), "", std::string("not XML: ") + r.description()});
        return feed;
    }
    if (auto deep = xmlNestingError(doc, bytes)) {
        feed.report.fatal = true;
        feed.report.add({sourceName, 0, deep->line, "", std::move(deep->reason)});
        return feed;
    }
    pugi::xml_node root = doc.document_element();
    const bool atom = std::strcmp(root.name(), "feed") == 0 || endsWith(root.name(), ":feed");
    pugi::xml_node container = atom ? root : child(root, "channel");
    if (!container) {
        feed.report.fatal = true;
        feed.report.add({sourceName, 0, 1, "", "neither an RSS 2.0 channel nor an Atom feed"});
        return feed;
    }
    int position = 0;
    const LineIndex lines(bytes);
    for (pugi::xml_node item : container.children()) {
        const char* name = item.name();
        if (std::strcmp(name, atom ? "entry" : "item") != 0) continue;
        ++position;
        ++feed.report.itemsSeen;
        const int line = lines.lineAt(item.offset_debug());
        Notice n;
        n.source = sourceName;
        n.kind = "news";
        n.priority = -10;  // staff notices come first in the loop
        NoticeText t{"it", cleanFeedText(child(item, "title").text().get()), "", ""};
        std::string summary, date;
        if (atom) {
            for (pugi::xml_node l : item.children("link"))
                if (n.link.empty() || std::string(l.attribute("rel").value()) == "alternate")
                    n.link = l.attribute("href").value();
            pugi::xml_node content = child(item, "content");
            summary = child(item, "summary").text().get();
            t.body = feedText(content ? content.text().get() : summary.c_str());
            date = child(item, "published") ? child(item, "published").text().get()
                                            : child(item, "updated").text().get();
            n.uid = trim(child(item, "id").text().get());
        } else {
            n.link = trim(child(item, "link").text().get());
            pugi::xml_node encoded = child(item, "encoded");
            summary = child(item, "description").text().get();
            t.body = feedText(encoded ? encoded.text().get() : summary.c_str());
            date = child(item, "pubDate") ? child(item, "pubDate").text().get()
                                          : child(item, "date").text().get();
            n.uid = trim(child(item, "guid").text().get());
        }
        if (n.uid.empty()) n.uid = n.link.empty() ? t.title : n.link;
        t.shortText = shorten(collapseWhitespace(feedText(summary.c_str())), 240);
        if (t.title.empty()) {
            feed.report.add({sourceName, position, line, n.uid, "no title"});
            continue;
        }
        const std::string d = trim(date);
        n.published = parseRfc822(d);
        if (!n.published) n.published = parseIsoInstant(d);
        if (!d.empty() && !n.published) {
            feed.report.add({sourceName, position, line, t.title, "unreadable date \"" + d + "\""});
            continue;
        }
        if (n.published) {
            n.when.validFrom = *n.published;
            n.when.validUntil = *n.published + kNewsLifetime;
        }
        n.texts.push_back(std::move(t));
        feed.items.push_back(std::move(n));
        ++feed.report.itemsImported;
    }
    return feed;
}

}  // namespace vt
