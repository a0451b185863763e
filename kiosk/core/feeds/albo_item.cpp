#include "core/feeds/albo_item.h"

#include "core/feeds/feed_text.h"
#include "core/util/text.h"

namespace vt {

namespace {

bool allDigits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// "0000012" -> "12": registers pad numbers, people read them without zeros.
std::string normaliseNumber(std::string n) {
    if (allDigits(n))
        while (n.size() > 1 && n.front() == '0') n.erase(0, 1);
    return n;
}

bool isTrue(std::string_view s) {
    const std::string v = toLowerAscii(trim(s));
    return v == "1" || v == "true" || v == "si" || v == "sì" || v == "s" || v == "yes" || v == "y";
}

}  // namespace

std::string RawAct::label() const {
    if (!trim(uid).empty()) return trim(uid);
    if (!trim(number).empty()) return trim(year) + "/" + trim(number);
    if (!trim(guid).empty()) return trim(guid);
    return cleanFeedText(subject).substr(0, 40);
}

bool buildAct(const RawAct& raw, const std::string& sourceName, Act& act, std::string& reason) {
    act = Act{};
    act.source = sourceName;
    act.subject = cleanFeedText(raw.subject);
    act.description = cleanFeedText(raw.description);
    if (act.description == act.subject) act.description.clear();
    if (act.subject.empty()) act.subject = act.description;
    if (act.subject.empty()) {
        reason = "no subject (title, Oggetto) and no description";
        return false;
    }
    act.type = cleanFeedText(raw.type);
    act.unit = cleanFeedText(raw.unit);
    act.link = trim(raw.link);
    act.guid = trim(raw.guid);

    const std::string uid = trim(raw.uid);
    if (!uid.empty()) {
        if (!parseActUid(uid, act.year, act.number)) {
            reason = "act number \"" + uid + "\" is not year/number";
            return false;
        }
    } else {
        const std::string y = trim(raw.year);
        act.number = trim(raw.number);
        if (act.number.empty()) {
            reason = "no act number";
            return false;
        }
        if (y.size() != 4 || !allDigits(y)) {
            reason = y.empty() ? "no year for act number " + act.number
                               : "year \"" + y + "\" of act number " + act.number + " is not a year";
            return false;
        }
        act.year = std::stoi(y);
    }
    act.number = normaliseNumber(act.number);
    act.uid = std::to_string(act.year) + "/" + act.number;

    std::optional<CivilDate> first = parseFeedDay(raw.start);
    if (!first && !trim(raw.start).empty() && !startsWith(trim(raw.start), "0000-00-00")) {
        reason = "unreadable start of publication \"" + trim(raw.start) + "\"";
        return false;
    }
    if (!first) first = parseFeedDay(raw.pubDate);
    if (!first) {
        reason = "no start of publication";
        return false;
    }
    std::optional<CivilDate> last = parseFeedDay(raw.end);
    if (!last && !trim(raw.end).empty() && !startsWith(trim(raw.end), "0000-00-00")) {
        reason = "unreadable end of publication \"" + trim(raw.end) + "\"";
        return false;
    }
    act.pubStart = *first;
    act.pubEnd = last ? *last : addDays(*first, kDefaultPublicationDays);
    if (act.pubEnd < act.pubStart) {
        reason = "publication ends (" + formatDate(act.pubEnd) + ") before it starts (" +
                 formatDate(act.pubStart) + ")";
        return false;
    }

    // "0000-00-00" means not annulled; a reason or a flag without a readable date still annuls.
    act.annulledOn = parseFeedDay(raw.annulledOn);
    act.annulReason = cleanFeedText(raw.annulReason);
    act.annulled = act.annulledOn.has_value() || isTrue(raw.annulled) || !act.annulReason.empty();

    const std::string rect = trim(raw.rectifies);
    if (!rect.empty()) {
        int y = 0;
        std::string n;
        if (parseActUid(rect, y, n)) {
            act.rectifiesYear = y;
            act.rectifiesNumber = normaliseNumber(n);
        } else if (allDigits(rect)) {
            act.rectifiesYear = act.year;
            act.rectifiesNumber = normaliseNumber(rect);
        }
    }
    for (const Attachment& a : raw.attachments)
        if (!trim(a.url).empty())
            act.attachments.push_back({trim(a.url), trim(a.mime), a.length < 0 ? 0 : a.length});
    return true;
}

void addItem(AlboFeed& feed, const RawAct& raw, const std::string& sourceName, int position, int line) {
    ++feed.report.itemsSeen;
    Act act;
    std::string reason;
    if (!buildAct(raw, sourceName, act, reason)) {
        feed.report.add({sourceName, position, line, raw.label(), std::move(reason)});
        return;
    }
    feed.acts.push_back(std::move(act));
    feed.positions.push_back(position);
    ++feed.report.itemsImported;
}

}  // namespace vt
