// The help of each command: `vetrina COMMAND --help` and `vetrina help COMMAND`.
#pragma once

namespace vt {

// The whole help text of a public command; nullptr for an unknown or hidden one.
const char* commandHelp(const char* name);
// True when argv (after the command name) holds --help or -h.
bool asksForHelp(int argc, char** argv);

}  // namespace vt
