// vetrina list albo --db DB [--at ISO-8601] [--category CHIP] [--filter TEXT] --json
#include "args.h"
#include "commands.h"

#include "core/albo/act_types.h"
#include "core/albo/albo_store.h"

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
            {"attachments", attachments},
            {"category", a.category},
            {"agid_code", a.agidCode},
            {"annulled", a.annulled},
            {"annulled_on", a.annulledOn ? nlohmann::json(formatDate(*a.annulledOn)) : nlohmann::json(nullptr)},
            {"annul_reason", a.annulReason},
            {"rectifies", a.rectifies ? nlohmann::json(a.rectifies) : nlohmann::json(nullptr)}};
}

UnixSeconds instantFromArgs(const Args& args) {
    if (auto at = args.get("at")) {
        auto t = parseIsoInstant(*at);
        if (!t) throw UsageError("--at \"" + *at + "\" is not an ISO 8601 date or date-time");
        return *t;
    }
    return std::time(nullptr);
}

int cmdList(int argc, char** argv) {
    Args args(argc, argv, 2, {"json"});
    args.allowOnly({"db", "at", "json", "category", "filter"});
    if (args.positional().size() != 1) throw UsageError("say what to list: albo");
    const std::string what = args.positional().front();
    Database db = Database::open(args.require("db"), OpenMode::ReadOnly);
    const UnixSeconds now = instantFromArgs(args);
    if (what != "albo") throw UsageError("cannot list \"" + what + "\" (known: albo)");
    AlboFilter filter;
    filter.category = args.get("category").value_or("");
    filter.text = args.get("filter").value_or("");
    if (!filter.category.empty() && !isAlboCategory(filter.category)) {
        std::string known;
        for (const std::string& c : alboCategories()) known += (known.empty() ? "" : ", ") + c;
        throw UsageError("--category \"" + filter.category + "\" is not a chip (known: " + known + ")");
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
