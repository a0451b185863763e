// Minimal command-line parsing shared by the subcommands: "--key value", "--flag", positionals.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace vt {

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Args {
public:
    // `flags` are options without a value; every other "--x" takes the next word as its value.
    Args(int argc, char** argv, int first, std::vector<std::string> flags = {});
    std::optional<std::string> get(const std::string& key) const;
    std::string require(const std::string& key) const;
    bool has(const std::string& flag) const;
    const std::vector<std::string>& positional() const { return m_positional; }
    // Throws UsageError naming any option not in `known`.
    void allowOnly(const std::vector<std::string>& known) const;

private:
    std::map<std::string, std::string> m_values;
    std::vector<std::string> m_flags;
    std::vector<std::string> m_positional;
};

// "1080x1920" -> width, height.
bool parseSize(const std::string& s, int& w, int& h);

}  // namespace vt
