#include "demo_sources.h"

#include <filesystem>

namespace vt {

namespace fs = std::filesystem;

std::string sourceEntry(const std::string& name, const std::string& kind, const std::string& url) {
    return "[[source]]\nname = \"" + name + "\"\nkind = \"" + kind + "\"\nurl = \"" + url + "\"\n";
}

std::string demoContentSources(const std::string& content) {
    std::string t = sourceEntry("eventi", "ical", content + "/events/borgo-vetrina.ics");
    t += sourceEntry("sinonimi", "synonyms", content + "/synonyms.txt");
    for (const auto& e : fs::directory_iterator(content + "/notices"))
        if (e.path().extension() == ".md")
            t += sourceEntry("avviso-" + e.path().stem().string(), "notices", e.path().string());
    for (const auto& e : fs::directory_iterator(content + "/offices"))
        t += sourceEntry("ufficio-" + e.path().stem().string(), "offices", e.path().string());
    for (const auto& e : fs::directory_iterator(content + "/sheets"))
        if (e.path().extension() == ".md")
            t += sourceEntry("scheda-" + e.path().stem().string(), "sheets", e.path().string());
    return t;
}

}  // namespace vt
