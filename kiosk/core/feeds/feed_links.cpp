#include "core/feeds/feed_links.h"

#include "core/util/text.h"
#include "core/util/url_policy.h"

namespace vt {

namespace {

// Quoted and cut: a data: URL can be megabytes long.
std::string quoted(const std::string& url) {
    std::string q = "\"";
    q += url.size() > 80 ? url.substr(0, 80) + "..." : url;
    q += '"';
    return q;
}

// file:///x, /x or a relative path; "data:..." and "javascript:..." are not paths.
bool isLocalPath(const std::string& url) {
    return startsWith(url, "file:///") || startsWith(url, "/") || url.find(':') == std::string::npos;
}

}  // namespace

void keepHttpsLink(std::string& link, const std::string& source, const std::string& item,
                   ImportReport& report) {
    if (link.empty()) return;
    const UrlCheck c = checkUrl(link, UrlUse::FeedLink);
    if (c.ok) return;
    std::string reason = "link ";
    reason += quoted(link);
    reason += " dropped: ";
    reason += c.why;
    report.add({source, 0, 0, item, std::move(reason)});
    link.clear();
}

void dropUnsafeActLinks(std::vector<Act>& acts, const std::vector<int>& positions, ImportReport& report,
                        bool localFiles) {
    for (size_t i = 0; i < acts.size(); ++i) {
        Act& a = acts[i];
        const int position = i < positions.size() ? positions[i] : 0;
        auto drop = [&](const char* what, const std::string& url, const std::string& why) {
            std::string reason = what;
            reason += ' ';
            reason += quoted(url);
            reason += " dropped: ";
            reason += why;
            report.add({a.source, position, 0, a.uid, std::move(reason)});
        };
        if (!a.link.empty()) {
            const UrlCheck c = checkUrl(a.link, UrlUse::FeedLink);
            if (!c.ok) {
                drop("link", a.link, c.why);
                a.link.clear();
            }
        }
        std::vector<Attachment> kept;
        kept.reserve(a.attachments.size());
        for (Attachment& at : a.attachments) {
            if (localFiles && isLocalPath(at.url)) {
                kept.push_back(std::move(at));
                continue;
            }
            const UrlCheck c = checkUrl(at.url, UrlUse::FeedFile);
            if (c.ok)
                kept.push_back(std::move(at));
            else
                drop("attachment", at.url,
                     isLocalPath(at.url) ? "a feed from the network cannot name a file on the kiosk" : c.why);
        }
        a.attachments = std::move(kept);
    }
}

}  // namespace vt
