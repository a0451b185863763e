// Where the tools read the password of an encrypted signing key: the VETRINA_KEY_PASSWORD
// environment variable, or the first line of standard input with --password-stdin.
#pragma once

#include "args.h"

#include <optional>
#include <string>

namespace vt {

std::optional<std::string> keyPassword(const Args& args);

}  // namespace vt
