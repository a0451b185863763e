// The one URL policy of the kiosk. URLs are parsed with libcurl's own URL API, so what is checked
// is what curl will really connect to: "http://127.0.0.1:x@evil.example/" is a plain http request
// to evil.example, not to 127.0.0.1. A URL with credentials (user, password or login options) is
// refused everywhere: nothing the kiosk fetches needs them, and they only serve to disguise a host.
#pragma once

#include <string>
#include <string_view>

namespace vt {

enum class UrlUse {
    Source,    // a configured source or a manifest's object: https, http to loopback, file:///
    Fleet,     // the fleet receiver, which gets the bearer token: https, http to loopback
    FeedFile,  // a file a feed asks the kiosk to download (an attachment): https, http to loopback
    FeedLink,  // a link from a feed (an act's page), kept and shown as a QR code: https only
    QrLink,    // any link drawn as a QR code (staff content too): https or http, to any host
};

struct UrlCheck {
    bool ok = false;
    std::string why;     // when refused: a short sentence for the status line
    std::string url;     // as curl normalised it: give this one to curl
    std::string scheme;  // lower case: "https", "http", "file"
    std::string host;    // lower case; IPv6 in brackets
    bool loopback = false;

    // For CURLOPT_PROTOCOLS_STR: plain http only for a loopback host.
    const char* curlProtocols() const { return scheme == "http" && loopback ? "http" : "https"; }
};

UrlCheck checkUrl(std::string_view url, UrlUse use);

// 127.0.0.0/8, localhost and ::1, as curl spells the host.
bool isLoopbackHost(std::string_view host);

}  // namespace vt
