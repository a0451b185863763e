// Every table and key the kiosk configuration knows, declared once: the parser refuses anything
// else (a misspelt key would otherwise be silently ignored) and docs/CONFIG.md is tested
// against this same list.
#pragma once

#include <string>
#include <vector>

namespace vt {

struct ConfigTable {
    std::string name;  // "display", "source", "source.mapping" (a table inside each [[source]])
    bool array;        // [[source]]: an array of tables
    std::vector<std::string> keys;
};

const std::vector<ConfigTable>& configTables();

}  // namespace vt
