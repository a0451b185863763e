// An act of the albo pretorio, as the kiosk keeps it whatever the vendor's feed looked like.
#pragma once

#include "core/util/civil_time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vt {

struct Attachment {
    std::string url;
    std::string mime;
    std::int64_t length = 0;  // bytes, as declared by the feed (0: unknown)
};

struct Act {
    std::int64_t id = 0;  // store row id, stable across re-imports of the same act
    std::string source;
    std::string uid;  // "2026/1345"
    int year = 0;
    std::string number;
    std::string type;
    std::string subject;
    std::string description;
    std::string unit;
    CivilDate pubStart;
    CivilDate pubEnd;  // inclusive
    std::string link;
    std::string guid;
    std::vector<Attachment> attachments;

    // Annulled acts stay listed (the law wants them visible) with the date and the reason.
    bool annulled = false;
    std::optional<CivilDate> annulledOn;
    std::string annulReason;
    // A rectification names the act it corrects ("RETTIFICA ... N. 123/2026"): year and number
    // as found, and the cached act's id when the store has it (0 otherwise).
    int rectifiesYear = 0;
    std::string rectifiesNumber;
    std::int64_t rectifies = 0;
    // Filled by classifyAct (core/albo/act_types.h): the AgID code and the screen's filter chip.
    std::string agidCode;
    std::string category;
};

// The AlboPOP default when a feed gives no end: 15 days after the first day.
constexpr int kDefaultPublicationDays = 15;

// Splits "2026/1345", "2026-1345" or "1345/2026" into year and number. False when no
// four-digit year and number can be found.
bool parseActUid(std::string_view uid, int& year, std::string& number);

// The albo's window rule, defined once: an act is on the albo from 00:00 of its first day to 24:00
// of its last day, Europe/Rome; that is, on the Rome calendar day alboDay(now) when
// pub_start <= that day <= pub_end.
CivilDate alboDay(UnixSeconds now);
bool isInPublicationWindow(const Act& act, UnixSeconds now);
bool isInPublicationWindow(CivilDate start, CivilDate end, UnixSeconds now);
// The same rule as an SQL condition on the acts table, whose pub_start and pub_end hold ISO dates
// (they compare as text): `table` is the table's name or alias in the query ("acts", "a"), and
// parameter ?`param` must be bound to windowSqlDay(now).
std::string publicationWindowSql(const std::string& table, int param);
std::string windowSqlDay(UnixSeconds now);

}  // namespace vt
