#include "key_password.h"

#include <cstdlib>
#include <iostream>

namespace vt {

std::optional<std::string> keyPassword(const Args& args) {
    if (args.has("password-stdin")) {
        std::string line;
        if (!std::getline(std::cin, line))
            throw UsageError("--password-stdin: no password on standard input");
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return line;
    }
    if (const char* env = std::getenv("VETRINA_KEY_PASSWORD"); env && *env) return std::string(env);
    return std::nullopt;
}

}  // namespace vt
