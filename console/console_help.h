// The help of each vetrina-console command, in the style of `vetrina COMMAND --help`.
#pragma once

namespace vt::console {

// The whole help text of a command ("init", "user add", "token add", "serve"); nullptr if unknown.
const char* consoleCommandHelp(const char* name);
// The overview printed by `vetrina-console --help`.
const char* consoleOverview();

}  // namespace vt::console
