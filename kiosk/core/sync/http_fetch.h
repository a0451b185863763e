// One hardened download: https only (file:// and loopback http for tests and demos, never a URL with
// credentials; see core/util/url_policy.h), redirects
// only to https, connect/total/low-speed timeouts, a byte cap enforced while streaming, and
// conditional requests (ETag / Last-Modified). Errors are short sentences for the status line.
#pragma once

#include "core/util/url_policy.h"

#include <cstdint>
#include <string>

namespace vt {

struct FetchLimits {
    long connectTimeoutMs = 10000;
    long totalTimeoutMs = 120000;
    long lowSpeedBytesPerSecond = 100;  // below this for lowSpeedSeconds: abort (slow drip)
    long lowSpeedSeconds = 30;
    std::uint64_t maxBytes = 32ull << 20;
    long maxRedirects = 3;
};

struct FetchRequest {
    std::string url;
    std::string etag;          // sent as If-None-Match when not empty
    std::string lastModified;  // sent as If-Modified-Since when not empty
    FetchLimits limits;
    std::string toFile;  // stream the body into this file instead of memory
    // Which URLs are allowed (core/util/url_policy.h): a feed's attachment is UrlUse::FeedFile.
    UrlUse use = UrlUse::Source;
};

struct FetchResult {
    enum class Status { Ok, NotModified, Failed };
    Status status = Status::Failed;
    long httpCode = 0;
    std::string body;  // when not streamed to a file
    std::uint64_t bytes = 0;
    std::string sha256;  // of the body, computed while it streamed
    std::string etag;
    std::string lastModified;
    std::int64_t serverDate = 0;  // the Date header as Unix seconds (0: none), for the trusted clock
    std::string error;
    bool ok() const { return status == Status::Ok; }
};

// Which URLs a kiosk may fetch for `use`; `why` says what is wrong with the others.
bool isAllowedUrl(const std::string& url, std::string* why = nullptr, UrlUse use = UrlUse::Source);
// Resolves `relative` against the directory of `base` ("https://h/c/manifest.json" + "objects/x").
std::string resolveUrl(const std::string& base, const std::string& relative);
FetchResult fetchUrl(const FetchRequest& request);

}  // namespace vt
