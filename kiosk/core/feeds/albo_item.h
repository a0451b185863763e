// The fields of one albo item as a vendor's feed gives them (strings, before any checking), and
// the one place that turns them into an Act: the JSON, WordPress and mapped adapters share it so
// every vendor gets the same cleaning, dates and reasons for refusing an item.
#pragma once

#include "core/feeds/albopop_rss.h"
#include "core/model/act.h"

#include <string>
#include <vector>

namespace vt {

struct RawAct {
    std::string uid;  // "2026/15" (or year and number separately)
    std::string year;
    std::string number;
    std::string subject;
    std::string description;
    std::string type;
    std::string unit;
    std::string start;  // any date shape parseFeedDay reads
    std::string end;
    std::string pubDate;  // fallback for the start
    std::string link;
    std::string guid;
    std::string annulled;  // a flag: "1", "true", "si"...
    std::string annulledOn;
    std::string annulReason;
    std::string rectifies;  // "123/2026" or "123" (same year)
    std::vector<Attachment> attachments;

    // How the item is named in a report: uid, else year/number, else guid, else the subject.
    std::string label() const;
};

// Cleans and checks the fields. False with a reason (for the report) when the item is unusable.
bool buildAct(const RawAct& raw, const std::string& sourceName, Act& act, std::string& reason);

// Adds a built act (or the reason it was refused) to a feed.
void addItem(AlboFeed& feed, const RawAct& raw, const std::string& sourceName, int position, int line);

}  // namespace vt
