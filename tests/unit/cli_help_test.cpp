// Every command answers --help with its whole reference, and the reference stays true.
#include "core/sources/importers.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <cstring>
#include <set>
#include <sstream>

using vt::test::runCommand;

namespace {

std::string bin() {
    return std::string(VETRINA_BINARY);
}

// The command names listed by `vetrina --help` ("  vetrina NAME ...").
std::vector<std::string> listedCommands() {
    std::string out;
    REQUIRE(runCommand(bin() + " --help", &out) == 0);
    std::vector<std::string> names;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);)
        if (line.rfind("  vetrina ", 0) == 0) names.push_back(line.substr(10, line.find(' ', 10) - 10));
    return names;
}

}  // namespace

TEST_CASE("every listed command prints its own help with --help and with help COMMAND", "[cli][help]") {
    const std::vector<std::string> names = listedCommands();
    REQUIRE(names.size() >= 15);
    for (const std::string& name : names) {
        INFO(name);
        std::string viaFlag, viaWord;
        CHECK(runCommand(bin() + " " + name + " --help", &viaFlag) == 0);
        CHECK(viaFlag.rfind("vetrina " + name, 0) == 0);
        CHECK(viaFlag.size() > 100);  // a description, not just the usage line
        CHECK(runCommand(bin() + " help " + name, &viaWord) == 0);
        CHECK(viaWord == viaFlag);
    }
}

// The words of the --kind option's list in `vetrina import --help`: its text up to the next option,
// without the parenthesised headings, split at commas, semicolons and blanks.
static std::set<std::string> listedImportKinds(const std::string& help) {
    const size_t start = help.find("  --kind KIND");
    REQUIRE(start != std::string::npos);
    const size_t end = help.find("\n  --", start + 1);
    std::string text =
        help.substr(start + std::strlen("  --kind KIND"), end - start - std::strlen("  --kind KIND"));
    std::string plain;
    int depth = 0;
    for (char c : text) {
        if (c == '(') ++depth;
        if (depth == 0) plain += (c == ',' || c == ';' || c == '\n') ? ' ' : c;
        if (c == ')') --depth;
    }
    std::set<std::string> words;
    std::istringstream in(plain);
    for (std::string w; in >> w;) words.insert(w);
    return words;
}

TEST_CASE("the import help lists exactly the kinds the importer knows", "[cli][help]") {
    std::string out;
    REQUIRE(runCommand(bin() + " import --help", &out) == 0);
    const std::set<std::string> listed = listedImportKinds(out);
    const std::vector<std::string> known = vt::importKinds();
    // Whole words, both ways: "cap" is not found inside "cap-template", nor a kind in the prose.
    CHECK(listed == std::set<std::string>(known.begin(), known.end()));
}

TEST_CASE("a usage error points at the command's help", "[cli][help]") {
    std::string out;
    CHECK(runCommand(bin() + " soak --no-such-option 1 2>&1", &out) == 2);
    CHECK(out.find("See `vetrina soak --help`") != std::string::npos);
    CHECK(runCommand(bin() + " help no-such-command 2>&1", &out) == 2);
}
