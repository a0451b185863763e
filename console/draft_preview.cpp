// The preview PNG of a draft, for its page and for the API. The request is checked under the
// store's lock (who asks, which draft, which files), then the kiosk draws it without the lock:
// a preview takes seconds and must not stop the other clerks. Recent images are kept, keyed by
// everything that changes them, so reloading a page draws nothing again (renderPreview itself
// draws at most two at once).
#include "app.h"
#include "app_context.h"
#include "draft_flow.h"
#include "preview.h"

#include "core/util/text.h"

#include <deque>
#include <filesystem>
#include <map>

namespace vt::console {

struct ConsoleApp::PreviewCache {
    std::mutex lock;
    std::map<std::string, std::string> images;
    std::deque<std::string> order;  // oldest first
    static constexpr size_t kKeep = 24;
};

std::shared_ptr<ConsoleApp::PreviewCache> ConsoleApp::makePreviewCache() {
    return std::make_shared<PreviewCache>();
}

namespace {

std::string query(const Request& req, const std::string& key) {
    const auto it = req.query.find(key);
    return it == req.query.end() ? "" : it->second;
}

// "2026-12-24T21:30" (Rome's wall clock, as the page's fields give it) or a full ISO instant.
std::optional<UnixSeconds> instantParam(const std::string& s) {
    if (s.size() == 16 && s[10] == 'T') {
        const auto day = parseIsoDate(s.substr(0, 10));
        if (!day || s[13] != ':') return std::nullopt;
        CivilDateTime local{*day, std::atoi(s.substr(11, 2).c_str()), std::atoi(s.substr(14, 2).c_str()), 0};
        return romeToInstant(local);
    }
    return parseIsoInstant(s);
}

// A picture that says why there is no preview: the page's <img> shows it where the preview would be.
std::string errorSvg(const std::string& text, int w, int h) {
    std::string escaped;
    for (const char ch : text) {
        if (ch == '<')
            escaped += "&lt;";
        else if (ch == '>')
            escaped += "&gt;";
        else if (ch == '&')
            escaped += "&amp;";
        else if (ch == '"')
            escaped += "&quot;";
        else if (ch == '\n')
            escaped += ' ';
        else
            escaped += ch;
    }
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(w) +
                      "\" height=\"" + std::to_string(h) + "\" viewBox=\"0 0 " + std::to_string(w) + " " +
                      std::to_string(h) + "\">";
    svg += "<rect width=\"100%\" height=\"100%\" fill=\"#fdecec\"/>";
    svg += "<foreignObject x=\"40\" y=\"40\" width=\"" + std::to_string(w - 80) + "\" height=\"" +
           std::to_string(h - 80) +
           "\"><div xmlns=\"http://www.w3.org/1999/xhtml\" style=\"font: 44px sans-serif; "
           "color: #b71918\">" +
           escaped + "</div></foreignObject></svg>";
    return svg;
}

// Changes whenever something is published: previews drawn before are not reused after.
std::string publishedStamp(const ConsoleConfig& config) {
    std::error_code ec;
    const auto path = std::filesystem::path(config.outDir) / "manifest.json";
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return "none";
    const auto time = std::filesystem::last_write_time(path, ec).time_since_epoch().count();
    return std::to_string(size) + "@" + std::to_string(time);
}

}  // namespace

Response ConsoleApp::previewRequest(const Request& req) {
    const bool api = req.path.rfind("/api/", 0) == 0;
    PreviewRequest rq;
    std::string key;
    {
        std::lock_guard<std::mutex> guard(m_store.lock());
        Ctx c{req, m_now(), std::nullopt, {}, std::nullopt};
        if (api) {
            c.apiUser = bearerUser(m_store, req);
            if (!c.apiUser) return tokenRequired();
        } else {
            if (const auto it = req.cookies.find(kSessionCookie); it != req.cookies.end())
                c.session = findSession(m_store, it->second, c.now);
            if (!c.user()) return redirect("/login");
        }
        std::string rest;
        const auto id = numberAfter(req.path, api ? "/api/v1/drafts/" : "/drafts/", rest);
        const auto draft = id ? findDraft(m_store, *id) : std::nullopt;
        const DraftKind* kind = draft ? findDraftKind(draft->kind) : nullptr;
        if (!kind)
            return api ? json(404, {{"error", "no such draft"}})
                       : message(c, 404, "Bozza non trovata", "No such draft", "", "");
        // Which screen: the draft's own ("item", or its kind's name) or the home screen.
        const std::string screen = query(req, "screen");
        if (screen == "home")
            rq.screen = "home";
        else if (screen.empty() || screen == "item" || screen == kind->name)
            rq.screen = kind->screen(draft->fields);
        else
            return json(400, {{"error", "screen must be home or item"}});
        // The size: portrait or landscape on the page, any WxH within reason on the API.
        const std::string size = query(req, "size");
        if (!size.empty()) {
            int w = 0, h = 0;
            if (std::sscanf(size.c_str(), "%dx%d", &w, &h) != 2 || w < 320 || h < 320 || w > 3840 || h > 3840)
                return json(400, {{"error", "size must be WxH, each side between 320 and 3840"}});
            rq.width = w;
            rq.height = h;
        } else if (query(req, "orient") == "landscape") {
            rq.width = 1920;
            rq.height = 1080;
        }
        rq.language = query(req, "lang") == "en" ? "en" : "it";
        const std::string at = query(req, "at");
        const auto instant = at.empty() ? std::optional<UnixSeconds>(c.now) : instantParam(at);
        if (!instant)
            return json(400, {{"error", "at must be YYYY-MM-DDTHH:MM (Rome) or an ISO 8601 instant"}});
        rq.at = *instant;
        rq.now = c.now;
        rq.overlay = draftFiles(*draft);
        key = std::to_string(draft->id) + "|" + std::to_string(draft->updatedAt) + "|" + rq.screen + "|" +
              std::to_string(rq.width) + "x" + std::to_string(rq.height) + "|" + rq.language + "|" +
              std::to_string(rq.at) + "|" + publishedStamp(m_config);
    }
    Response r;
    r.contentType = "image/png";
    r.headers.emplace_back("Cache-Control", "private, no-store");
    {
        std::lock_guard<std::mutex> guard(m_previews->lock);
        if (const auto it = m_previews->images.find(key); it != m_previews->images.end()) {
            r.body = it->second;
            return r;
        }
    }
    const PreviewResult result = renderPreview(previewSettingsFor(m_config), rq);
    std::lock_guard<std::mutex> guard(m_previews->lock);
    if (!result.ok) {
        if (api) return json(500, {{"error", result.error}});
        r.contentType = "image/svg+xml";
        r.body =
            errorSvg("Anteprima non riuscita / Preview failed: " + result.error, rq.width / 2, rq.height / 2);
        return r;
    }
    m_previews->images[key] = result.png;
    m_previews->order.push_back(key);
    while (m_previews->order.size() > PreviewCache::kKeep) {
        m_previews->images.erase(m_previews->order.front());
        m_previews->order.pop_front();
    }
    r.body = result.png;
    return r;
}

}  // namespace vt::console
