#include "core/fleet/http_post.h"

#include "core/sync/http_fetch.h"
#include "core/util/civil_time.h"
#include "core/util/url_policy.h"

#include <curl/curl.h>

#include <mutex>

namespace vt {

namespace {

constexpr size_t kMaxAnswer = 64 * 1024;

size_t onAnswer(char* data, size_t size, size_t n, void* user) {
    auto* body = static_cast<std::string*>(user);
    const size_t len = size * n;
    if (body->size() + len > kMaxAnswer) return 0;
    body->append(data, len);
    return len;
}

}  // namespace

PostResult postJson(const std::string& url, const std::string& token, const std::string& json,
                    long timeoutMs) {
    PostResult out;
    // The bearer token goes only over https, or plain http to loopback (tests), to the host curl
    // really connects to.
    const UrlCheck checked = checkUrl(url, UrlUse::Fleet);
    if (!checked.ok) {
        out.error = "fleet URL refused: " + checked.why;
        return out;
    }
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    CURL* h = curl_easy_init();
    if (!h) {
        out.error = "cannot start a transfer (out of memory)";
        return out;
    }
    curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
    headers = curl_slist_append(headers, ("Authorization: Bearer " + token).c_str());
    char errbuf[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(h, CURLOPT_URL, checked.url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, checked.curlProtocols());
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);  // a redirect would resend the token elsewhere
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, std::min(timeoutMs, 10000L));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, timeoutMs);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, json.data());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(json.size()));
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, onAnswer);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &out.body);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "vetrina/" VETRINA_VERSION);
    const CURLcode rc = curl_easy_perform(h);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &out.httpCode);
    if (rc == CURLE_OK) {
        curl_header* date = nullptr;
        if (curl_easy_header(h, "Date", 0, CURLH_HEADER, -1, &date) == CURLHE_OK && date && date->value)
            out.serverDate = parseRfc822(date->value).value_or(0);
    }
    if (rc != CURLE_OK)
        out.error = std::string(curl_easy_strerror(rc)) + (errbuf[0] ? std::string(": ") + errbuf : "");
    else if (out.httpCode < 200 || out.httpCode >= 300)
        out.error = "HTTP " + std::to_string(out.httpCode) +
                    (out.httpCode == 401 || out.httpCode == 403 ? " (token refused)" : "");
    else
        out.ok = true;
    curl_slist_free_all(headers);
    curl_easy_cleanup(h);
    return out;
}

}  // namespace vt
