#include "core/model/act.h"

#include "core/util/text.h"

namespace vt {

namespace {
bool allDigits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}
bool isYear(std::string_view s) {
    return s.size() == 4 && allDigits(s) && (startsWith(s, "19") || startsWith(s, "20"));
}
}  // namespace

bool parseActUid(std::string_view raw, int& year, std::string& number) {
    const std::string uid = trim(raw);
    const size_t sep = uid.find_first_of("/-");
    if (sep == std::string::npos) return false;
    std::string a = trim(std::string_view(uid).substr(0, sep));
    std::string b = trim(std::string_view(uid).substr(sep + 1));
    if (a.empty() || b.empty()) return false;
    if (isYear(a) && !b.empty()) {
        year = std::stoi(a);
        number = b;
        return true;
    }
    if (isYear(b) && !a.empty()) {
        year = std::stoi(b);
        number = a;
        return true;
    }
    return false;
}

CivilDate alboDay(UnixSeconds now) {
    return romeDate(now);
}

bool isInPublicationWindow(CivilDate start, CivilDate end, UnixSeconds now) {
    const CivilDate today = alboDay(now);
    return start <= today && today <= end;
}

std::string publicationWindowSql(const std::string& table, int param) {
    // Appended in place: `"(" + table + ...` trips GCC 12's -Wrestrict false positive at -O3.
    std::string p = "?";
    p += std::to_string(param);
    std::string sql = "(";
    sql += table;
    sql += ".pub_start <= ";
    sql += p;
    sql += " AND ";
    sql += table;
    sql += ".pub_end >= ";
    sql += p;
    sql += ")";
    return sql;
}

std::string windowSqlDay(UnixSeconds now) {
    return formatDate(alboDay(now));
}

bool isInPublicationWindow(const Act& act, UnixSeconds now) {
    return isInPublicationWindow(act.pubStart, act.pubEnd, now);
}

}  // namespace vt
