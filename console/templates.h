// The page templates (Mustache, escaping by default) and the style sheet, read once at start.
#pragma once

#include <kainjow/mustache.hpp>

#include <map>
#include <string>

namespace vt::console {

using PageData = kainjow::mustache::data;

class Templates {
public:
    // Reads every *.mustache and console.css of `dir`; throws std::runtime_error naming what is missing.
    static Templates load(const std::string& dir);
    // Renders `name` (without .mustache) with the partials "head", "foot" and "field" available.
    std::string render(const std::string& name, PageData data) const;
    const std::string& css() const { return m_css; }

private:
    std::map<std::string, std::string> m_text;
    std::string m_css;
};

// Where the templates are: the configured folder, else <exe>/../share/vetrina-console/templates,
// else the source tree's console/templates (a build that was not installed).
std::string findTemplatesDir(const std::string& configured);

}  // namespace vt::console
