#include "core/util/url_policy.h"

#include "core/util/text.h"

#include <curl/curl.h>

#include <memory>

namespace vt {

namespace {

using UrlHandle = std::unique_ptr<CURLU, decltype(&curl_url_cleanup)>;

// A part of the URL, or "" when curl says it has none.
std::string part(CURLU* u, CURLUPart which, bool* present = nullptr) {
    char* value = nullptr;
    const CURLUcode rc = curl_url_get(u, which, &value, 0);
    if (present) *present = rc == CURLUE_OK;
    std::string out = rc == CURLUE_OK && value ? value : "";
    curl_free(value);
    return out;
}

UrlCheck refused(std::string why) {
    UrlCheck c;
    c.why = std::move(why);
    return c;
}

std::string onlyHttps(UrlUse use) {
    switch (use) {
        case UrlUse::Source:
            return "only https:// URLs are allowed (file:// and loopback http for tests and demos)";
        case UrlUse::FeedLink:
            return "only https links are kept";
        case UrlUse::QrLink:
            return "only http:// and https:// links become QR codes";
        default:
            return "only https:// URLs are allowed (loopback http for tests)";
    }
}

}  // namespace

bool isLoopbackHost(std::string_view host) {
    const std::string h = toLowerAscii(host);
    if (h == "localhost" || h == "[::1]") return true;
    // curl normalises IPv4 numbers ("127.1", "0x7f.1") to dotted quads before we see them.
    if (!startsWith(h, "127.")) return false;
    int dots = 0;
    for (char c : h) {
        if (c == '.')
            ++dots;
        else if (c < '0' || c > '9')
            return false;
    }
    return dots == 3;
}

UrlCheck checkUrl(std::string_view url, UrlUse use) {
    if (url.empty()) return refused("empty URL");
    // file:// is read by our own code, never by curl: only an absolute local path, no host.
    if (use == UrlUse::Source && startsWith(toLowerAscii(url.substr(0, 7)), "file://")) {
        if (!startsWith(url, "file:///") || url.size() == 8)
            return refused("a file URL must be file:///absolute/path");
        UrlCheck c;
        c.ok = true;
        c.url = std::string(url);
        c.scheme = "file";
        return c;
    }
    for (const char c : url)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f)
            return refused("the URL contains spaces or control characters");
    // "javascript:", "data:", "mailto:", "ftp:"...: named as such, before curl reads anything.
    const size_t colon = url.find(':');
    const std::string given = toLowerAscii(url.substr(0, colon == std::string_view::npos ? 0 : colon));
    if (given != "https" && given != "http") return refused(onlyHttps(use));
    UrlHandle u(curl_url(), &curl_url_cleanup);
    if (!u) return refused("out of memory while reading the URL");
    if (curl_url_set(u.get(), CURLUPART_URL, std::string(url).c_str(), 0) != CURLUE_OK)
        return refused("not a valid absolute URL");
    UrlCheck c;
    c.scheme = toLowerAscii(part(u.get(), CURLUPART_SCHEME));
    c.host = toLowerAscii(part(u.get(), CURLUPART_HOST));
    c.url = part(u.get(), CURLUPART_URL);
    // curl forgives "https:/host"; a link that needs forgiving is not ours to guess.
    if (c.scheme.empty() || !startsWith(toLowerAscii(url.substr(0, c.scheme.size() + 3)), c.scheme + "://"))
        return refused("not a valid absolute URL");
    bool user = false, password = false, options = false;
    part(u.get(), CURLUPART_USER, &user);
    part(u.get(), CURLUPART_PASSWORD, &password);
    part(u.get(), CURLUPART_OPTIONS, &options);
    if (user || password || options)
        return refused(
            "a URL with a user name or password (\"user:password@host\") is refused: it hides "
            "the real host, \"" +
            c.host + "\"");
    if (c.host.empty()) return refused("the URL has no host");
    c.loopback = isLoopbackHost(c.host);
    if (c.scheme == "https") {
        c.ok = true;
        return c;
    }
    if (c.scheme == "http" && use == UrlUse::QrLink) {
        c.ok = true;  // only shown: the visitor's phone opens it, never the kiosk
        return c;
    }
    if (c.scheme == "http" && use != UrlUse::FeedLink) {
        if (c.loopback) {
            c.ok = true;
            return c;
        }
        return refused("plain http is refused: use https (http only to 127.0.0.1 for tests), host \"" +
                       c.host + "\"");
    }
    return refused(onlyHttps(use));
}

}  // namespace vt
