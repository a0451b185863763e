// vetrina list albo|notices|alerts|events|offices --db DB [--at ISO-8601] [--config FILE] --json
// Albo: [--category CHIP] [--filter TEXT]. --config gives the kiosk's area for alerts, its
// language and the patron saint's holiday; without it every alert is listed whatever its area
// and only national holidays count.
#include "args.h"
#include "command_clock.h"
#include "commands.h"

#include "core/albo/act_types.h"
#include "core/albo/albo_store.h"
#include "core/events/events.h"
#include "core/feedback/feedback.h"
#include "core/notices/notice_store.h"
#include "core/offices/office.h"
#include "core/schedule/signage.h"
#include "core/sheets/sheet_store.h"
#include "core/sheets/taxonomy.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace vt {

nlohmann::json actToJson(const Act& a) {
    nlohmann::json attachments = nlohmann::json::array();
    for (const Attachment& at : a.attachments)
        attachments.push_back({{"url", at.url}, {"type", at.mime}, {"length", at.length}});
    return {
        {"id", a.id},
        {"uid", a.uid},
        {"year", a.year},
        {"number", a.number},
        {"type", a.type},
        {"title", a.subject},
        {"description", a.description},
        {"unit", a.unit},
        {"pub_start", formatDate(a.pubStart)},
        {"pub_end", formatDate(a.pubEnd)},
        {"link", a.link},
        {"source", a.source},
        {"attachments", attachments},
        {"category", a.category},
        {"agid_code", a.agidCode},
        {"annulled", a.annulled},
        {"annulled_on", a.annulledOn ? nlohmann::json(formatDate(*a.annulledOn)) : nlohmann::json(nullptr)},
        {"annul_reason", a.annulReason},
        {"rectifies", a.rectifies ? nlohmann::json(a.rectifies) : nlohmann::json(nullptr)}};
}

namespace {

nlohmann::json optionalIso(std::optional<UnixSeconds> t) {
    return t ? nlohmann::json(formatIsoRome(*t)) : nlohmann::json();
}

nlohmann::json noticeToJson(const Notice& n, const HolidayCalendar& holidays, UnixSeconds now) {
    nlohmann::json texts = nlohmann::json::object();
    for (const NoticeText& t : n.texts)
        texts[t.lang] = {{"title", t.title}, {"short", t.shortText}, {"body", t.body}};
    const NoticeText& it = n.textFor("it");
    return {
        {"id", n.uid},
        {"kind", n.kind},
        {"title", it.title},
        {"short", it.shortText},
        {"body", it.body},
        {"texts", texts},
        {"priority", n.priority},
        {"slide_seconds", n.slideSeconds()},
        {"image",
         n.imageHash.empty()
             ? nlohmann::json()
             : nlohmann::json({{"sha256", n.imageHash}, {"width", n.imageWidth}, {"height", n.imageHeight}})},
        {"valid_from", optionalIso(n.when.validFrom)},
        {"valid_until", optionalIso(n.when.validUntil)},
        {"show", n.when.windows ? nlohmann::json(n.when.windows->text()) : nlohmann::json()},
        {"next_change", optionalIso(n.when.nextChange(now, holidays))},
        {"published", optionalIso(n.published)},
        {"link", n.link},
        {"source", n.source}};
}

nlohmann::json alertToJson(const ShownAlert& a) {
    nlohmann::json areas = nlohmann::json::array();
    for (const CapArea& ar : a.info.areas) areas.push_back(ar.areaDesc);
    return {{"id", a.alert.identifier},
            {"sender", a.alert.sender},
            {"sent", formatIsoRome(a.alert.sent)},
            {"status", a.alert.status},
            {"msg_type", a.alert.msgType},
            {"language", a.info.language},
            {"event", a.info.event},
            {"category", a.info.category},
            {"severity", a.info.severity},
            {"urgency", a.info.urgency},
            {"certainty", a.info.certainty},
            {"headline", a.info.headline},
            {"description", a.info.description},
            {"instruction", a.info.instruction},
            {"sender_name", a.info.senderName},
            {"areas", areas},
            {"effective", formatIsoRome(a.from)},
            {"onset", optionalIso(a.info.onset)},
            {"expires", formatIsoRome(a.until)},
            {"takeover", a.takeover},
            {"label", a.label},
            {"source", a.source}};
}

nlohmann::json eventToJson(const EventOccurrence& e, UnixSeconds now) {
    const auto within = [&](TimeRange r) { return e.start < r.to && e.end > r.from; };
    return {{"id", e.uid},
            {"title", e.summary},
            {"description", e.description},
            {"location", e.location},
            {"url", e.url},
            {"start", e.allDay ? nlohmann::json(formatDate(romeDate(e.start)))
                               : nlohmann::json(formatIsoRome(e.start))},
            {"end", e.allDay ? nlohmann::json(formatDate(romeDate(e.end - 1)))
                             : nlohmann::json(formatIsoRome(e.end))},
            {"all_day", e.allDay},
            {"recurring", e.recurring},
            {"today", within(todayRange(now))},
            {"this_week", within(weekRange(now))},
            {"this_month", within(monthRange(now))}};
}

nlohmann::json officeToJson(const Office& o, const HolidayCalendar& holidays, UnixSeconds now) {
    nlohmann::json j = {{"id", o.uid},      {"name", o.name},          {"address", o.address},
                        {"phone", o.phone}, {"email", o.email},        {"web", o.web},
                        {"notes", o.notes}, {"hours", o.hours.text()}, {"source", o.source}};
    if (o.hours.empty()) {
        j["open"] = nullptr;
        j["status"] = "Orari non disponibili";
        return j;
    }
    const OpenStatus st = o.hours.statusAt(now, holidays);
    j["open"] = st.open;
    j["closes_at"] = optionalIso(st.closesAt);
    j["opens_at"] = optionalIso(st.opensAt);
    j["status"] = formatOpenStatusIt(st, now);
    return j;
}

int listSignage(const std::string& what, const Args& args, Database& db, UnixSeconds now) {
    SignageContext ctx;
    if (auto cfg = args.get("config")) ctx = SignageContext::fromConfig(loadConfig(*cfg));
    nlohmann::json out = nlohmann::json::array();
    std::vector<std::string> lines;
    if (what == "notices") {
        for (const Notice& n : listNoticesAt(db, now, ctx.holidays)) {
            out.push_back(noticeToJson(n, ctx.holidays, now));
            lines.push_back(std::to_string(n.priority) + "  " + n.kind + "  " + n.textFor("it").title);
        }
    } else if (what == "alerts") {
        for (const ShownAlert& a : activeAlertsAt(db, ctx.audience, now)) {
            out.push_back(alertToJson(a));
            lines.push_back(std::string(a.takeover ? "TAKEOVER " : "         ") + a.info.severity + "/" +
                            a.info.urgency + "  " + a.info.headline +
                            (a.label.empty() ? "" : "  [" + a.label + "]"));
        }
    } else if (what == "events") {
        // From the start of today to the end of this week or this month, whichever is later.
        const TimeRange today = todayRange(now);
        const UnixSeconds to = std::max(weekRange(now).to, monthRange(now).to);
        for (const EventOccurrence& e : listEvents(db, today.from, to)) {
            out.push_back(eventToJson(e, now));
            lines.push_back(formatIsoRome(e.start) + "  " + e.summary +
                            (e.location.empty() ? "" : "  @ " + e.location));
        }
    } else {
        for (const Office& o : listOffices(db)) {
            nlohmann::json j = officeToJson(o, ctx.holidays, now);
            lines.push_back(o.uid + "  " + j["status"].get<std::string>());
            out.push_back(std::move(j));
        }
    }
    if (args.has("json")) {
        std::printf("%s\n", out.dump(2).c_str());
    } else {
        for (const std::string& l : lines) std::printf("%s\n", l.c_str());
        std::printf("%zu %s at %s\n", lines.size(), what.c_str(), formatIsoRome(now).c_str());
    }
    return 0;
}

}  // namespace

nlohmann::json sheetToJson(const Sheet& s) {
    nlohmann::json events = nlohmann::json::array();
    for (const auto& e : s.lifeEvents) events.push_back({{"code", e}, {"label", lifeEventLabel(e)}});
    return {{"id", s.id},
            {"lang", s.lang},
            {"title", s.title},
            {"description", s.description},
            {"body_id", s.bodyId},
            {"body_name", s.bodyName},
            {"active", s.active},
            {"status_note", s.statusNote},
            {"topics", s.topics},
            {"life_events", events},
            {"keywords", s.keywords},
            {"online_link", s.onlineLink},
            {"office", s.office},
            {"source", s.source},
            {"sections", sectionsToJson(s.sections)}};
}

namespace {

int listSheetsCommand(const Database& db, const std::string& lang, bool json) {
    const std::vector<SheetSummary> sheets = listSheets(db, {}, lang);
    if (json) {
        nlohmann::json out = nlohmann::json::array();
        for (const SheetSummary& s : sheets)
            if (auto full = findSheet(db, s.id, lang)) out.push_back(sheetToJson(*full));
        std::printf("%s\n", out.dump(2).c_str());
    } else {
        for (const SheetSummary& s : sheets)
            std::printf("%-40s %-24s %s%s\n", s.id.c_str(), s.bodyId.c_str(), s.title.c_str(),
                        s.active ? "" : "  (non attivo)");
        std::printf("%zu sheets\n", sheets.size());
    }
    return 0;
}

}  // namespace

int cmdList(int argc, char** argv) {
    Args args(argc, argv, 2, {"json"});
    args.allowOnly({"db", "at", "json", "config", "category", "filter", "lang"});
    if (args.positional().size() != 1)
        throw UsageError("say what to list: albo, sheets, notices, alerts, events or offices");
    const std::string what = args.positional().front();
    const UnixSeconds now = viewedInstant(args, dataDirOfDatabase(args.require("db")));
    const bool signage = what == "notices" || what == "alerts" || what == "events" || what == "offices";
    if (!signage && what != "albo" && what != "sheets" && what != "feedback")
        throw UsageError("cannot list \"" + what +
                         "\" (known: albo, sheets, notices, alerts, events, offices, feedback)");
    AlboFilter filter;
    filter.category = args.get("category").value_or("");
    filter.text = args.get("filter").value_or("");
    if (!filter.category.empty() && !isAlboCategory(filter.category)) {
        std::string known;
        for (const std::string& c : alboCategories()) known += (known.empty() ? "" : ", ") + c;
        throw UsageError("--category \"" + filter.category + "\" is not a chip (known: " + known + ")");
    }
    Database db = Database::open(args.require("db"), OpenMode::ReadOnly);
    if (signage) return listSignage(what, args, db, now);
    if (what == "sheets") return listSheetsCommand(db, args.get("lang").value_or("it"), args.has("json"));
    if (what == "feedback") {
        // The staff's view of "Hai trovato quello che cercavi?": anonymous counts per item.
        nlohmann::json out = nlohmann::json::array();
        for (const FeedbackCount& f : feedbackCounts(db)) {
            out.push_back(
                {{"kind", f.kind}, {"item", f.item}, {"no", f.no}, {"partly", f.partly}, {"yes", f.yes}});
            if (!args.has("json"))
                std::printf("%-6s %-40s no %d, in parte %d, sì %d\n", f.kind.c_str(), f.item.c_str(), f.no,
                            f.partly, f.yes);
        }
        if (args.has("json")) std::printf("%s\n", out.dump(2).c_str());
        return 0;
    }
    const std::vector<Act> acts = listActsAt(db, now, filter);
    if (args.has("json")) {
        nlohmann::json out = nlohmann::json::array();
        for (const Act& a : acts) out.push_back(actToJson(a));
        std::printf("%s\n", out.dump(2).c_str());
    } else {
        for (const Act& a : acts)
            std::printf("%6lld  %-12s %s → %s  %-20s %s%s\n", static_cast<long long>(a.id), a.uid.c_str(),
                        formatDate(a.pubStart).c_str(), formatDate(a.pubEnd).c_str(), a.category.c_str(),
                        a.annulled ? "[ANNULLATO] " : "", a.subject.c_str());
        std::printf("%zu acts in their publication window at %s\n", acts.size(), formatIsoRome(now).c_str());
    }
    return 0;
}

}  // namespace vt
