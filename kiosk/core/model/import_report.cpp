#include "core/model/import_report.h"

namespace vt {

std::string ImportIssue::describe() const {
    std::string s = source;
    if (line > 0) s += ":" + std::to_string(line);
    s += ": ";
    if (position > 0) {
        s += "item " + std::to_string(position);
        if (!item.empty()) s += " (" + item + ")";
        s += ": ";
    }
    return s + reason;
}

}  // namespace vt
