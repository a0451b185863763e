#include "core/model/import_report.h"

namespace vt {

std::string ImportIssue::describe() const {
    // Appends in place: `":" + std::to_string(...)` inlines an insert at the front of a temporary
    // in which GCC 12 at -O3 sees a memcpy that "may overlap" (a -Wrestrict false positive).
    std::string s = source;
    if (line > 0) {
        s += ':';
        s += std::to_string(line);
    }
    s += ": ";
    if (position > 0) {
        s += "item ";
        s += std::to_string(position);
        if (!item.empty()) {
            s += " (";
            s += item;
            s += ')';
        }
        s += ": ";
    }
    s += reason;
    return s;
}

}  // namespace vt
