#include "core/events/events.h"

#include "core/content/source_rows.h"
#include "core/feeds/feed_text.h"
#include "core/search/content_index.h"
#include "core/util/nesting.h"
#include "core/util/text.h"

#include <libical/ical.h>

#include <algorithm>
#include <memory>
#include <set>

namespace vt {

namespace {

constexpr int kMaxIterations = 20000;  // bounds a pathological RRULE (FREQ=SECONDLY...)
constexpr const char* kRidMarker = "#rid=";

struct CompDeleter {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using CompPtr = std::unique_ptr<icalcomponent, CompDeleter>;

std::string icalString(icalcomponent* c) {
    char* s = icalcomponent_as_ical_string_r(c);
    std::string out = s ? s : "";
    std::free(s);
    return out;
}

// Whether a time's zone is Italy's: the town's own calendars say so with the Olson name.
bool isRomeZone(const icaltimetype& t) {
    const char* tzid = t.zone ? icaltimezone_get_tzid(const_cast<icaltimezone*>(t.zone)) : nullptr;
    if (!tzid) return false;
    const std::string_view id(tzid);
    // Some exporters prefix the Olson name with their own path ("/freeassociation.sourceforge.net/...").
    return id == "Europe/Rome" || (id.size() > 12 && id.substr(id.size() - 12) == "/Europe/Rome");
}

// An iCalendar time as an instant: dates are Rome days, floating times Rome wall clock. Times in
// Europe/Rome use the kiosk's own EU summer-time rule: libical would expand the calendar's
// VTIMEZONE from its first year on every parse of a stored event, which was an eighth of the
// kiosk's start-up (perf, 23 Nov 2026). Other zones go through libical.
UnixSeconds toInstant(const icaltimetype& t) {
    if (t.is_date) return romeStartOfDay({t.year, t.month, t.day});
    if (icaltime_is_utc(t)) return static_cast<UnixSeconds>(icaltime_as_timet(t));
    if (t.zone && !isRomeZone(t)) return static_cast<UnixSeconds>(icaltime_as_timet_with_zone(t, t.zone));
    return romeToInstant({{t.year, t.month, t.day}, t.hour, t.minute, t.second});
}

std::string text(const char* s) {
    return s ? collapseKeepingParagraphs(sanitizeUtf8(s)) : "";
}

struct Expanded {
    std::vector<std::pair<UnixSeconds, UnixSeconds>> spans;
    bool allDay = false, recurring = false, endless = false;
};

// Expands a VEVENT's occurrences overlapping [from, to).
Expanded expand(icalcomponent* ev, UnixSeconds from, UnixSeconds to) {
    Expanded out;
    const icaltimetype start = icalcomponent_get_dtstart(ev);
    if (icaltime_is_null_time(start)) return out;
    out.allDay = start.is_date;
    const UnixSeconds s0 = toInstant(start);
    icaltimetype endT = icalcomponent_get_dtend(ev);
    // Length in days for all-day events (so a DST change inside does not shift the end), else seconds.
    const bool hasEnd = !icaltime_is_null_time(endT);
    const int days =
        out.allDay
            ? (hasEnd ? std::max(1, static_cast<int>(daysFromCivil({endT.year, endT.month, endT.day}) -
                                                     daysFromCivil({start.year, start.month, start.day})))
                      : 1)
            : 0;
    const UnixSeconds length = out.allDay ? 0 : (hasEnd ? std::max<UnixSeconds>(0, toInstant(endT) - s0) : 0);
    const auto endOf = [&](const icaltimetype& occ, UnixSeconds occStart) {
        if (!out.allDay) return occStart + length;
        return romeStartOfDay(addDays({occ.year, occ.month, occ.day}, days));
    };
    std::set<UnixSeconds> excluded;
    for (icalproperty* p = icalcomponent_get_first_property(ev, ICAL_EXDATE_PROPERTY); p;
         p = icalcomponent_get_next_property(ev, ICAL_EXDATE_PROPERTY))
        excluded.insert(toInstant(icalproperty_get_datetime_with_component(p, ev)));
    std::vector<icaltimetype> starts;
    icalproperty* rrule = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY);
    if (rrule) {
        out.recurring = true;
        const icalrecurrencetype rule = icalproperty_get_rrule(rrule);
        out.endless = rule.count == 0 && icaltime_is_null_time(rule.until);
        icalrecur_iterator* it = icalrecur_iterator_new(rule, start);
        if (it) {
            for (int i = 0; i < kMaxIterations; ++i) {
                icaltimetype occ = icalrecur_iterator_next(it);
                if (icaltime_is_null_time(occ)) break;
                occ.zone = start.zone;
                occ.is_date = start.is_date;
                if (toInstant(occ) >= to) break;
                starts.push_back(occ);
            }
            icalrecur_iterator_free(it);
        }
    } else {
        starts.push_back(start);
    }
    for (icalproperty* p = icalcomponent_get_first_property(ev, ICAL_RDATE_PROPERTY); p;
         p = icalcomponent_get_next_property(ev, ICAL_RDATE_PROPERTY)) {
        const icaldatetimeperiodtype rd = icalproperty_get_rdate(p);
        if (icaltime_is_null_time(rd.time)) continue;
        icaltimetype occ = rd.time;
        if (!occ.zone && !icaltime_is_utc(occ)) occ.zone = start.zone;
        starts.push_back(occ);
        out.recurring = true;
    }
    for (const icaltimetype& occ : starts) {
        const UnixSeconds s = toInstant(occ);
        if (excluded.count(s)) continue;
        const UnixSeconds e = std::max(endOf(occ, s), s + 1);  // an instant event still overlaps its minute
        if (e > from && s < to) out.spans.emplace_back(s, e);
    }
    std::sort(out.spans.begin(), out.spans.end());
    out.spans.erase(std::unique(out.spans.begin(), out.spans.end()), out.spans.end());
    return out;
}

int lineOfUid(std::string_view bytes, const std::string& uid) {
    const auto at = bytes.find("UID:" + uid);
    return at == std::string_view::npos ? 0 : lineAtOffset(bytes, static_cast<std::ptrdiff_t>(at));
}

}  // namespace

CalendarParse parseCalendar(std::string_view bytes, const std::string& sourceName) {
    CalendarParse out;
    const std::string data(bytes);
    if (data.find("BEGIN:VCALENDAR") == std::string::npos) {
        out.report.fatal = true;
        out.report.add({sourceName, 0, 1, "", "not an iCalendar file (no BEGIN:VCALENDAR)"});
        return out;
    }
    // libical's free, clone and serialiser recurse into sub-components.
    if (auto deep = calendarNestingError(bytes)) {
        out.report.fatal = true;
        out.report.add({sourceName, 0, deep->line, "", std::move(deep->reason)});
        return out;
    }
    CompPtr cal(icalparser_parse_string(data.c_str()));
    if (!cal || icalcomponent_isa(cal.get()) != ICAL_VCALENDAR_COMPONENT) {
        out.report.fatal = true;
        out.report.add({sourceName, 0, 1, "", "cannot read the calendar"});
        return out;
    }
    // Collected first: libical keeps one internal cursor per component, so nested walks would reset it.
    std::vector<icalcomponent*> vevents, vtimezones;
    for (icalcomponent* c = icalcomponent_get_first_component(cal.get(), ICAL_ANY_COMPONENT); c;
         c = icalcomponent_get_next_component(cal.get(), ICAL_ANY_COMPONENT)) {
        if (icalcomponent_isa(c) == ICAL_VEVENT_COMPONENT)
            vevents.push_back(c);
        else if (icalcomponent_isa(c) == ICAL_VTIMEZONE_COMPONENT)
            vtimezones.push_back(c);
    }
    int position = 0;
    for (icalcomponent* ev : vevents) {
        ++position;
        ++out.report.itemsSeen;
        CalendarEvent e;
        const std::string uid = icalcomponent_get_uid(ev) ? icalcomponent_get_uid(ev) : "";
        const int line = lineOfUid(bytes, uid);
        e.summary = text(icalcomponent_get_summary(ev));
        const std::string item = uid.empty() ? e.summary : uid;
        if (icalproperty* err = icalcomponent_get_first_property(ev, ICAL_XLICERROR_PROPERTY)) {
            out.report.add({sourceName, position, line, item,
                            std::string("malformed: ") + icalproperty_get_xlicerror(err)});
            continue;
        }
        if (uid.empty()) {
            out.report.add({sourceName, position, line, item, "no UID"});
            continue;
        }
        if (e.summary.empty()) {
            out.report.add({sourceName, position, line, item, "no SUMMARY"});
            continue;
        }
        const icaltimetype start = icalcomponent_get_dtstart(ev);
        if (icaltime_is_null_time(start) || !icaltime_is_valid_time(start)) {
            out.report.add({sourceName, position, line, item, "no valid DTSTART"});
            continue;
        }
        if (!start.is_date && !start.zone &&
            icalproperty_get_first_parameter(icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY),
                                             ICAL_TZID_PARAMETER)) {
            out.report.add(
                {sourceName, position, line, item, "DTSTART names a time zone that is not defined"});
            continue;
        }
        e.uid = uid;
        if (icalproperty* rid =
                icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY))  // with its TZID
            e.uid +=
                kRidMarker + std::to_string(toInstant(icalproperty_get_datetime_with_component(rid, ev)));
        e.description = text(icalcomponent_get_description(ev));
        e.location = text(icalcomponent_get_location(ev));
        if (icalproperty* u = icalcomponent_get_first_property(ev, ICAL_URL_PROPERTY))
            e.url = trim(icalproperty_get_url(u));
        e.firstStart = toInstant(start);
        // The last end bounds the store's query; an endless RRULE has none (and is not expanded here).
        bool endless = false;
        if (icalproperty* rr = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY)) {
            const icalrecurrencetype rule = icalproperty_get_rrule(rr);
            endless = rule.count == 0 && icaltime_is_null_time(rule.until);
        }
        const Expanded all =
            endless ? Expanded{} : expand(ev, e.firstStart - 86400, e.firstStart + 86400LL * 366 * 20);
        if (!endless && !all.spans.empty()) e.lastEnd = all.spans.back().second;
        if (!endless && all.spans.empty()) {
            out.report.add({sourceName, position, line, item, "no occurrence (every date excluded)"});
            continue;
        }
        // Store the VEVENT with every VTIMEZONE of the calendar, so TZIDs resolve when expanded.
        CompPtr one(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
        icalcomponent_add_property(one.get(), icalproperty_new_version("2.0"));
        icalcomponent_add_property(one.get(), icalproperty_new_prodid("-//Vetrina//events//IT"));
        for (icalcomponent* tz : vtimezones)
            icalcomponent_add_component(one.get(), icalcomponent_new_clone(tz));
        icalcomponent_add_component(one.get(), icalcomponent_new_clone(ev));
        e.ical = icalString(one.get());
        out.events.push_back(std::move(e));
        ++out.report.itemsImported;
    }
    if (position == 0) out.report.add({sourceName, 0, 1, "", "the calendar has no events"});
    return out;
}

std::vector<EventOccurrence> expandEvent(const CalendarEvent& e, UnixSeconds from, UnixSeconds to) {
    std::vector<EventOccurrence> out;
    CompPtr cal(icalparser_parse_string(e.ical.c_str()));
    if (!cal) return out;
    icalcomponent* ev = icalcomponent_get_first_component(cal.get(), ICAL_VEVENT_COMPONENT);
    if (!ev) return out;
    const Expanded x = expand(ev, from, to);
    for (const auto& [s, end] : x.spans)
        out.push_back({0, e.uid, e.summary, e.description, e.location, e.url, s, end, x.allDay, x.recurring});
    return out;
}

EventImportResult storeEvents(Database& db, const std::string& source,
                              const std::vector<CalendarEvent>& events, UnixSeconds now) {
    EventImportResult r;
    Transaction tx(db);
    SourceRows rows(db, "events", source);
    Statement ins = db.prepare(
        "INSERT INTO events (source, uid, digest, summary, description, location, url, first_start, "
        "last_end, ical, "
        "imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    for (const CalendarEvent& e : events) {
        if (rows.check(e.uid, e.ical) == SourceRows::State::Same) continue;
        ins.bind(1, source).bind(2, e.uid).bind(3, e.ical).bind(4, e.summary).bind(5, e.description);
        ins.bind(6, e.location).bind(7, e.url).bind(8, static_cast<std::int64_t>(e.firstStart));
        if (e.lastEnd)
            ins.bind(9, static_cast<std::int64_t>(*e.lastEnd));
        else
            ins.bindNull(9);
        ins.bind(10, e.ical).bind(11, formatIsoUtc(now)).run();
    }
    r.removed = rows.finish();
    reindexEventsOfSource(db, source);
    tx.commit();
    r.inserted = rows.inserted;
    r.updated = rows.updated;
    r.unchanged = rows.unchanged;
    return r;
}

std::vector<EventOccurrence> listEvents(const Database& db, UnixSeconds from, UnixSeconds to) {
    Statement st = db.prepare(
        "SELECT id, source, uid, summary, description, location, url, first_start, last_end, ical FROM "
        "events "
        "WHERE first_start < ?2 AND (last_end IS NULL OR last_end > ?1)");
    st.bind(1, static_cast<std::int64_t>(from)).bind(2, static_cast<std::int64_t>(to));
    struct Row {
        std::int64_t id;
        std::string source;
        CalendarEvent e;
    };
    std::vector<Row> rows;
    std::set<std::pair<std::string, std::string>> moved;  // (source, "UID#rid=T"): replaced occurrences
    while (st.step()) {
        Row r{st.integer(0), st.text(1), {}};
        r.e.uid = st.text(2);
        r.e.summary = st.text(3);
        r.e.description = st.text(4);
        r.e.location = st.text(5);
        r.e.url = st.text(6);
        r.e.firstStart = st.integer(7);
        r.e.ical = st.text(9);
        if (r.e.uid.find(kRidMarker) != std::string::npos) moved.emplace(r.source, r.e.uid);
        rows.push_back(std::move(r));
    }
    // A moved occurrence may now fall outside [from, to) while its original date is inside.
    Statement movedSt = db.prepare("SELECT source, uid FROM events WHERE uid LIKE '%#rid=%'");
    while (movedSt.step()) moved.emplace(movedSt.text(0), movedSt.text(1));
    std::vector<EventOccurrence> out;
    for (const Row& r : rows) {
        for (EventOccurrence& o : expandEvent(r.e, from, to)) {
            if (r.e.uid.find(kRidMarker) == std::string::npos &&
                moved.count({r.source, r.e.uid + kRidMarker + std::to_string(o.start)}))
                continue;
            o.eventId = r.id;
            if (const auto m = o.uid.find(kRidMarker); m != std::string::npos) o.uid.erase(m);
            out.push_back(std::move(o));
        }
    }
    std::sort(out.begin(), out.end(), [](const EventOccurrence& a, const EventOccurrence& b) {
        if (a.start != b.start) return a.start < b.start;
        if (a.allDay != b.allDay) return a.allDay;
        return a.summary < b.summary;
    });
    return out;
}

TimeRange todayRange(UnixSeconds t) {
    const CivilDate d = romeDate(t);
    return {romeStartOfDay(d), romeStartOfDay(addDays(d, 1))};
}

TimeRange weekRange(UnixSeconds t) {
    const CivilDate d = romeDate(t);
    const CivilDate monday = addDays(d, -weekday(d));
    return {romeStartOfDay(monday), romeStartOfDay(addDays(monday, 7))};
}

TimeRange monthRange(UnixSeconds t) {
    const CivilDate d = romeDate(t);
    const CivilDate first{d.year, d.month, 1};
    const CivilDate next = d.month == 12 ? CivilDate{d.year + 1, 1, 1} : CivilDate{d.year, d.month + 1, 1};
    return {romeStartOfDay(first), romeStartOfDay(next)};
}

}  // namespace vt
