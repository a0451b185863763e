#include "core/sync/http_fetch.h"

#include "core/util/civil_time.h"
#include "core/util/text.h"
#include "core/util/url_policy.h"

#include <curl/curl.h>
#include <sodium.h>

#include <cstdio>
#include <filesystem>
#include <mutex>

namespace vt {

namespace {

void ensureCurl() {
    static std::once_flag once;
    std::call_once(once, [] {
        curl_global_init(CURL_GLOBAL_DEFAULT);
        if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    });
}

struct Sink {
    FILE* file = nullptr;
    std::string* body = nullptr;
    std::uint64_t bytes = 0;
    std::uint64_t max = 0;
    bool overflow = false;
    bool writeError = false;
    crypto_hash_sha256_state hash{};
};

size_t onData(char* data, size_t size, size_t n, void* user) {
    auto* s = static_cast<Sink*>(user);
    const size_t len = size * n;
    if (s->bytes + len > s->max) {
        s->overflow = true;
        return 0;  // aborts the transfer
    }
    if (s->file) {
        if (std::fwrite(data, 1, len, s->file) != len) {
            s->writeError = true;
            return 0;
        }
    } else {
        s->body->append(data, len);
    }
    crypto_hash_sha256_update(&s->hash, reinterpret_cast<const unsigned char*>(data), len);
    s->bytes += len;
    return len;
}

std::string headerValue(CURL* h, const char* name) {
    struct curl_header* hdr = nullptr;
    if (curl_easy_header(h, name, 0, CURLH_HEADER, -1, &hdr) == CURLHE_OK && hdr && hdr->value)
        return hdr->value;
    return {};
}

std::string finishHash(Sink& s) {
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&s.hash, h);
    char hex[2 * crypto_hash_sha256_BYTES + 1];
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    return hex;
}

// Short human sentences for the errors the status line shows.
std::string describeCurlError(CURLcode rc, const char* detail, std::uint64_t bytes) {
    switch (rc) {
        case CURLE_COULDNT_CONNECT:
            return "connection refused or unreachable";
        case CURLE_COULDNT_RESOLVE_HOST:
            return "host name not found (offline?)";
        case CURLE_OPERATION_TIMEDOUT:
            if (bytes == 0) return "timed out: no data from the server";
            if (std::string(detail).find("too slow") != std::string::npos)
                return "too slow: the download stalled (slow drip), aborted";
            return "timed out before the download completed";
        case CURLE_PARTIAL_FILE:
            return "truncated: the connection closed before the announced length";
        case CURLE_FILESIZE_EXCEEDED:
            return "oversize: the body is larger than allowed";
        case CURLE_TOO_MANY_REDIRECTS:
            return "too many redirects";
        case CURLE_UNSUPPORTED_PROTOCOL:
            return "redirect or URL to a protocol that is not allowed (only https)";
        case CURLE_PEER_FAILED_VERIFICATION:
            return "TLS certificate not valid for the host";
        case CURLE_GOT_NOTHING:
            return "the server closed the connection without a reply";
        default:
            return std::string(curl_easy_strerror(rc)) + (detail[0] ? std::string(": ") + detail : "");
    }
}

FetchResult fetchLocalFile(const FetchRequest& r) {
    FetchResult out;
    namespace fs = std::filesystem;
    const std::string path = r.url.substr(7);
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) {
        out.error = "cannot read " + path + " (404)";
        out.httpCode = 404;
        return out;
    }
    const auto mtime = fs::last_write_time(path, ec).time_since_epoch().count();
    // Size and modification time stand in for an ETag, so unchanged local files cost nothing.
    // Appended in place: `"\"" + std::to_string(...)` trips GCC 12's -Wrestrict false positive at -O3.
    std::string etag = "\"";
    etag += std::to_string(size);
    etag += '-';
    etag += std::to_string(mtime);
    etag += '"';
    if (!r.etag.empty() && r.etag == etag) {
        out.status = FetchResult::Status::NotModified;
        out.httpCode = 304;
        out.etag = etag;
        return out;
    }
    if (size > r.limits.maxBytes) {
        out.error =
            "oversize: " + std::to_string(size) + " bytes, the limit is " + std::to_string(r.limits.maxBytes);
        return out;
    }
    FILE* in = std::fopen(path.c_str(), "rb");
    if (!in) {
        out.error = "cannot read " + path;
        return out;
    }
    Sink sink;
    sink.max = r.limits.maxBytes;
    sink.body = &out.body;
    crypto_hash_sha256_init(&sink.hash);
    if (!r.toFile.empty()) sink.file = std::fopen(r.toFile.c_str(), "wb");
    if (!r.toFile.empty() && !sink.file) {
        std::fclose(in);
        out.error = "cannot write " + r.toFile;
        return out;
    }
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, in)) > 0)
        if (onData(buf, 1, n, &sink) != n) break;
    std::fclose(in);
    if (sink.file && std::fclose(sink.file) != 0) sink.writeError = true;
    if (sink.overflow)
        out.error = "oversize: the file is larger than allowed";
    else if (sink.writeError)
        out.error = "cannot write " + r.toFile + " (disk full?)";
    if (!out.error.empty()) return out;
    out.status = FetchResult::Status::Ok;
    out.httpCode = 200;
    out.bytes = sink.bytes;
    out.sha256 = finishHash(sink);
    out.etag = etag;
    return out;
}

}  // namespace

bool isAllowedUrl(const std::string& url, std::string* why, UrlUse use) {
    UrlCheck c = checkUrl(url, use);
    if (!c.ok && why) *why = std::move(c.why);
    return c.ok;
}

std::string resolveUrl(const std::string& base, const std::string& relative) {
    const size_t query = base.find_first_of("?#");
    const std::string path = base.substr(0, query);
    const size_t slash = path.rfind('/');
    return path.substr(0, slash + 1) + relative;
}

FetchResult fetchUrl(const FetchRequest& r) {
    ensureCurl();
    FetchResult out;
    const UrlCheck url = checkUrl(r.url, r.use);
    if (!url.ok) {
        out.error = url.why;
        return out;
    }
    if (url.scheme == "file") return fetchLocalFile(r);

    CURL* h = curl_easy_init();
    if (!h) {
        out.error = "cannot start a transfer (out of memory)";
        return out;
    }
    Sink sink;
    sink.max = r.limits.maxBytes;
    sink.body = &out.body;
    crypto_hash_sha256_init(&sink.hash);
    if (!r.toFile.empty()) {
        sink.file = std::fopen(r.toFile.c_str(), "wb");
        if (!sink.file) {
            curl_easy_cleanup(h);
            out.error = "cannot write " + r.toFile;
            return out;
        }
    }
    char errbuf[CURL_ERROR_SIZE] = {};
    curl_slist* headers = nullptr;
    if (!r.etag.empty()) headers = curl_slist_append(headers, ("If-None-Match: " + r.etag).c_str());
    if (!r.lastModified.empty())
        headers = curl_slist_append(headers, ("If-Modified-Since: " + r.lastModified).c_str());
    // The URL as curl parsed it for the check, so the host checked is the host curl connects to;
    // plain http only to loopback, and a redirect only to https (never back to plain http).
    curl_easy_setopt(h, CURLOPT_URL, url.url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, url.curlProtocols());
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(h, CURLOPT_MAXREDIRS, r.limits.maxRedirects);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, r.limits.connectTimeoutMs);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, r.limits.totalTimeoutMs);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, r.limits.lowSpeedBytesPerSecond);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, r.limits.lowSpeedSeconds);
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(r.limits.maxBytes));
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, onData);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "vetrina/" VETRINA_VERSION);
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  // gzip when the server offers it
    const CURLcode rc = curl_easy_perform(h);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &out.httpCode);
    if (rc == CURLE_OK) out.serverDate = parseRfc822(headerValue(h, "Date")).value_or(0);
    if (sink.file && std::fclose(sink.file) != 0) sink.writeError = true;
    // An error status is the answer, whatever its page did to the byte cap: a 404 page longer
    // than a small object overflows it, and was reported as "oversize".
    const bool errorStatus = out.httpCode >= 300 && out.httpCode != 304;
    if (rc == CURLE_OK && out.httpCode == 304) {
        out.status = FetchResult::Status::NotModified;
    } else if (errorStatus && (rc == CURLE_OK || sink.overflow || rc == CURLE_FILESIZE_EXCEEDED)) {
        out.error = "HTTP " + std::to_string(out.httpCode) + (out.httpCode == 404 ? " (not found)" : "") +
                    (out.httpCode >= 300 && out.httpCode < 400 ? " (redirect not followed)" : "");
    } else if (sink.overflow) {
        out.error = "oversize: the body is larger than " + std::to_string(r.limits.maxBytes) + " bytes";
    } else if (sink.writeError) {
        out.error = "cannot write " + r.toFile + " (disk full?)";
    } else if (rc != CURLE_OK) {
        out.error = describeCurlError(rc, errbuf, sink.bytes);
    } else if (out.httpCode != 200) {
        out.error = "HTTP " + std::to_string(out.httpCode) + (out.httpCode == 404 ? " (not found)" : "") +
                    (out.httpCode >= 300 && out.httpCode < 400 ? " (redirect not followed)" : "");
    } else {
        out.status = FetchResult::Status::Ok;
        out.etag = headerValue(h, "ETag");
        out.lastModified = headerValue(h, "Last-Modified");
    }
    out.bytes = sink.bytes;
    out.sha256 = finishHash(sink);
    curl_slist_free_all(headers);
    curl_easy_cleanup(h);
    if (!out.ok()) out.body.clear();
    return out;
}

}  // namespace vt
