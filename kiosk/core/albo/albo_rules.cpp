#include "core/albo/albo_rules.h"

#include "core/albo/act_types.h"
#include "core/util/text.h"

#include <regex>
#include <set>

namespace vt {

bool findRectifiedAct(std::string_view subject, int ownYear, int& year, std::string& number) {
    const std::string s = foldForMatch(subject);
    size_t at = s.find("rettific");
    if (at == std::string::npos) at = s.find("errata corrige");
    if (at == std::string::npos) return false;
    // The first act number after the word: "n. 123", "n.123/2026", "nr 45", "numero 7 del 3/2/2026".
    static const std::regex kNumber(
        R"((?:^|[^a-z])(?:n|nr|num|numero)\s*(?:\.|°|º)?\s*(\d{1,7})(?:\s*/\s*(\d{4}|\d{2})(?!\d))?)"
        R"((?:\s*(?:,\s*)?(?:del|dell'anno|anno)\s+(?:\d{1,2}[./-]\d{1,2}[./-](\d{4}|\d{2})|(\d{4})))?)");
    // Protocol numbers ("prot. n. 4567") are not act numbers.
    static const std::regex kProtocol(
        R"(prot(?:ocollo)?\s*\.?\s*(?:(?:n|nr|num)\s*\.?|n°)?\s*\d+(?:\s*/\s*\d+)?)");
    std::smatch m;
    const std::string tail = std::regex_replace(s.substr(at), kProtocol, " ");
    if (!std::regex_search(tail, m, kNumber)) return false;
    number = m[1].str();
    while (number.size() > 1 && number.front() == '0') number.erase(0, 1);
    std::string y = m[2].matched ? m[2].str() : m[3].matched ? m[3].str() : m[4].matched ? m[4].str() : "";
    if (y.size() == 2) y = "20" + y;
    year = y.empty() ? ownYear : std::stoi(y);
    return true;
}

int windowDays(const Act& act) {
    return static_cast<int>(daysFromCivil(act.pubEnd) - daysFromCivil(act.pubStart)) + 1;
}

void applyAlboRules(std::vector<Act>& acts, ImportReport& report, int maxWindowDays,
                    const std::vector<int>& positions) {
    std::vector<Act> kept;
    kept.reserve(acts.size());
    std::set<std::pair<int, std::string>> seen;
    for (size_t i = 0; i < acts.size(); ++i) {
        Act& a = acts[i];
        const int position = i < positions.size() ? positions[i] : 0;
        auto drop = [&](std::string reason) {
            report.add({a.source, position, 0, a.uid, std::move(reason)});
            --report.itemsImported;
        };
        if (maxWindowDays > 0 && windowDays(a) > maxWindowDays) {
            drop("published from " + formatDate(a.pubStart) + " to " + formatDate(a.pubEnd) + " (" +
                 std::to_string(windowDays(a)) + " days, more than " + std::to_string(maxWindowDays) +
                 "): a transparency listing, not an albo publication; skipped");
            continue;
        }
        std::string key = a.number;
        while (key.size() > 1 && key.front() == '0') key.erase(0, 1);
        if (!seen.insert({a.year, key}).second) {
            drop("act " + a.uid + " is listed twice in this source; the first listing is kept");
            continue;
        }
        classifyAct(a);
        if (a.rectifiesNumber.empty()) {
            int y = 0;
            std::string n;
            if (findRectifiedAct(a.subject, a.year, y, n) && !(y == a.year && n == key)) {
                a.rectifiesYear = y;
                a.rectifiesNumber = n;
            }
        }
        kept.push_back(std::move(a));
    }
    acts = std::move(kept);
}

}  // namespace vt
