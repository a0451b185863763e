// One JSON POST to the fleet receiver: https only (loopback http for tests), a bearer token, short
// timeouts, a capped answer. Like fetchUrl, errors are short sentences for the status line.
#pragma once

#include <cstdint>
#include <string>

namespace vt {

struct PostResult {
    bool ok = false;  // a 2xx answer
    long httpCode = 0;
    std::string body;             // the answer (capped), e.g. {"screenshot": true}
    std::int64_t serverDate = 0;  // the Date header, for the trusted clock (0: none)
    std::string error;
};

PostResult postJson(const std::string& url, const std::string& token, const std::string& json,
                    long timeoutMs = 60000);

}  // namespace vt
