#include "core/sync/content_kinds.h"

#include "core/sources/importers.h"
#include "core/util/text.h"

namespace vt {

namespace {
struct Rule {
    std::string_view folder;  // with trailing '/', or a whole file name
    std::string_view extension;
    std::string_view kind;
};
// The content/ layout of the staff (see docs/CONTENT.md). First match wins.
constexpr Rule kRules[] = {
    {"albo/", ".xml", "albopop"},
    {"albo/", ".json", "albopop-json"},
    {"sheets/", ".md", "sheets"},
    {"notices/", ".md", "notices"},
    {"offices/", ".toml", "offices"},
    {"events/", ".ics", "ical"},
    {"alerts/templates/", ".xml", "cap-template"},
    {"alerts/", ".xml", "cap"},
    {"synonyms.txt", "", "synonyms"},
    {"town.toml", "", "town"},
};
}  // namespace

std::string contentKindFor(std::string_view path) {
    const std::string lower = toLowerAscii(path);
    for (const Rule& r : kRules) {
        if (r.folder.back() == '/') {
            if (startsWith(lower, r.folder) && (r.extension.empty() || endsWith(lower, r.extension)))
                return std::string(r.kind);
        } else if (lower == r.folder) {
            return std::string(r.kind);
        }
    }
    return "media";
}

bool isImportedKind(std::string_view kind) {
    return isImportKind(kind);
}

}  // namespace vt
