// vetrina list albo --db DB [--at ISO-8601] --json
#include "args.h"
#include "commands.h"

#include "core/albo/albo_store.h"
#include "core/sheets/sheet_store.h"
#include "core/sheets/taxonomy.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <ctime>

namespace vt {

nlohmann::json actToJson(const Act& a) {
    nlohmann::json attachments = nlohmann::json::array();
    for (const Attachment& at : a.attachments)
        attachments.push_back({{"url", at.url}, {"type", at.mime}, {"length", at.length}});
    return {{"id", a.id},
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
            {"attachments", attachments}};
}

UnixSeconds instantFromArgs(const Args& args) {
    if (auto at = args.get("at")) {
        auto t = parseIsoInstant(*at);
        if (!t) throw UsageError("--at \"" + *at + "\" is not an ISO 8601 date or date-time");
        return *t;
    }
    return std::time(nullptr);
}

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
    args.allowOnly({"db", "at", "json", "lang"});
    if (args.positional().size() != 1) throw UsageError("say what to list: albo or sheets");
    const std::string what = args.positional().front();
    Database db = Database::open(args.require("db"), OpenMode::ReadOnly);
    const UnixSeconds now = instantFromArgs(args);
    if (what == "sheets") return listSheetsCommand(db, args.get("lang").value_or("it"), args.has("json"));
    if (what != "albo") throw UsageError("cannot list \"" + what + "\" (known: albo, sheets)");
    const std::vector<Act> acts = listActsAt(db, now);
    if (args.has("json")) {
        nlohmann::json out = nlohmann::json::array();
        for (const Act& a : acts) out.push_back(actToJson(a));
        std::printf("%s\n", out.dump(2).c_str());
    } else {
        for (const Act& a : acts)
            std::printf("%6lld  %-12s %s → %s  %s  %s\n", static_cast<long long>(a.id), a.uid.c_str(),
                        formatDate(a.pubStart).c_str(), formatDate(a.pubEnd).c_str(), a.type.c_str(),
                        a.subject.c_str());
        std::printf("%zu acts in their publication window at %s\n", acts.size(), formatIsoRome(now).c_str());
    }
    return 0;
}

}  // namespace vt
