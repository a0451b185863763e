// docs/CONFIG.md documents exactly the tables and keys the parser knows (core/config/config_keys.h).
#include "core/config/config_keys.h"
#include "core/util/files.h"

#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <sstream>

using namespace vt;

TEST_CASE("docs/CONFIG.md documents every configuration key, and no other", "[config][docs]") {
    const auto doc = readFile(std::string(VETRINA_SOURCE_DIR) + "/docs/CONFIG.md", 1 << 20);
    REQUIRE(doc);
    // A heading "## [display]", "## [[source]]" or "### [source.mapping]" opens a table; a row
    // "| `width` | ..." under it documents a key.
    const std::regex heading(R"(^#+ `?\[\[?([a-z_.]+)\]\]?`?\s*$)"), row(R"(^\| `([a-z_]+)` \|)");
    std::set<std::string> documented, known;
    std::string table;
    std::istringstream in(*doc);
    for (std::string line; std::getline(in, line);) {
        std::smatch m;
        if (!line.empty() && line[0] == '#')
            table = std::regex_match(line, m, heading) ? m[1].str() : "";
        else if (!table.empty() && std::regex_search(line, m, row))
            documented.insert(table + "." + m[1].str());
    }
    for (const ConfigTable& t : configTables())
        for (const std::string& k : t.keys) known.insert(t.name + "." + k);
    for (const std::string& k : known) {
        INFO("the parser knows " << k << ": document it in docs/CONFIG.md");
        CHECK(documented.count(k));
    }
    for (const std::string& k : documented) {
        INFO("docs/CONFIG.md documents " << k << ", which the parser does not know");
        CHECK(known.count(k));
    }
}
