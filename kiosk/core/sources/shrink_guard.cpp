#include "core/sources/shrink_guard.h"

#include "core/util/text.h"

namespace vt {

namespace {

// "kind ical: <what>; 15 cached kept", appended in place (GCC 12 -Wrestrict false positives).
std::string refusal(const ShrinkFacts& f, const std::string& what) {
    std::string why = "kind ";
    why += f.kind;
    why += ": ";
    why += what;
    why += "; the ";
    why += std::to_string(f.previous);
    why += " cached items are kept";
    return why;
}

}  // namespace

std::optional<std::string> shrinkRefusal(const ShrinkFacts& f) {
    const std::string accepted = std::to_string(f.accepted);
    const std::string rejected = std::to_string(f.rejected);
    if (f.accepted == 0 && f.rejected > 0)
        return refusal(f, "nothing usable, all " + rejected + " items rejected");
    // Mostly junk (random bytes, a wrong file) is not the source, even with nothing cached yet.
    const bool mostlyJunk = f.rejected > f.accepted && f.rejected >= kShrinkFloorRows;
    if (f.accepted >= f.previous && !mostlyJunk) return std::nullopt;  // nothing cached is lost
    if (f.rejected > f.accepted)
        return refusal(f, "more items rejected (" + rejected + ") than usable (" + accepted + ")");
    if (f.accepted == 0) {
        if (f.explicitEmpty) return std::nullopt;
        std::string what = "the document has no items (a source that is really empty says \"";
        what += kEmptyMarker;
        what += "\")";
        return refusal(f, what);
    }
    if (!f.allowShrink && f.previous >= kShrinkFloorRows && 2 * f.accepted < f.previous)
        return refusal(f, "far less than before, " + accepted + " usable items");
    return std::nullopt;
}

bool isEmptyMarkerDocument(std::string_view bytes) {
    return toLowerAscii(trim(bytes)) == kEmptyMarker;
}

bool hasEmptyMarker(std::string_view bytes) {
    // Only small documents: an explicitly empty one is a few lines, not megabytes to lower-case.
    if (bytes.size() > (64u << 10)) return false;
    return toLowerAscii(bytes).find(kEmptyMarker) != std::string::npos;
}

int countSourceItems(const Database& db, std::string_view kind, const std::string& source) {
    const char* sql = nullptr;
    if (kind == "albopop" || kind == "albopop-json" || kind == "wp-albo" || kind == "mapped")
        sql = "SELECT count(*) FROM acts WHERE source = ?1";
    else if (kind == "sheets" || kind == "servizi-gov" || kind == "jsonld")
        sql = "SELECT count(*) FROM sheets WHERE source = ?1";
    else if (kind == "synonyms")
        sql = "SELECT count(DISTINCT grp) FROM search_synonyms WHERE source = ?1";
    else if (kind == "notices" || kind == "news")
        sql = "SELECT count(*) FROM notices WHERE source = ?1";
    else if (kind == "ical")
        sql = "SELECT count(*) FROM events WHERE source = ?1";
    else if (kind == "offices")
        sql = "SELECT count(*) FROM offices WHERE source = ?1";
    if (!sql) return 0;
    Statement st = db.prepare(sql);
    st.bind(1, source);
    return st.step() ? static_cast<int>(st.integer(0)) : 0;
}

}  // namespace vt
