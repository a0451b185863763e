// vetrina search QUERY --db DB [--lang it|en] [--limit N] [--at ISO] [--as-you-type] --json
// vetrina bench-search --db NEW.db [--docs N] CATALOGUE.json...
#include "args.h"
#include "command_clock.h"
#include "commands.h"

#include "core/search/search.h"
#include "core/search/search_bench.h"
#include "core/sheets/catalogue_import.h"
#include "core/sheets/sheet.h"
#include "core/util/file_read.h"
#include "core/util/files.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>

namespace vt {

namespace {

std::string withoutMarks(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != kHighlightStart && c != kHighlightEnd) out += c;
    return out;
}

// The group headings of the kiosk's results list.
std::string kindHeading(const std::string& kind) {
    if (kind == "sheet") return "Servizi \xC2\xB7 Services";
    if (kind == "act") return "Albo pretorio \xC2\xB7 Notice board";
    if (kind == "notice") return "Avvisi \xC2\xB7 Notices";
    if (kind == "event") return "Eventi \xC2\xB7 Events";
    if (kind == "office") return "Uffici \xC2\xB7 Offices";
    return kind;
}

}  // namespace

int cmdSearch(int argc, char** argv) {
    Args args(argc, argv, 2, {"json", "as-you-type"});
    args.allowOnly({"db", "lang", "limit", "at", "json", "as-you-type"});
    if (args.positional().size() != 1) throw UsageError("give one QUERY (quote it when it has spaces)");
    SearchOptions opt;
    opt.lang = args.get("lang").value_or("it");
    if (opt.lang != "it" && opt.lang != "en") throw UsageError("--lang must be it or en");
    if (auto l = args.get("limit")) {
        try {
            opt.limit = std::stoi(*l);
        } catch (const std::exception&) {
            throw UsageError("--limit \"" + *l + "\" is not a number");
        }
        if (opt.limit < 1 || opt.limit > 1000) throw UsageError("--limit must be between 1 and 1000");
    }
    const std::string dbPath = args.require("db");
    opt.now = viewedInstant(args, dataDirOfDatabase(dbPath));
    // The kiosk's "Cerca" key; --as-you-type gives what the results list shows while typing.
    opt.asYouType = args.has("as-you-type");
    const std::string query = args.positional().front();
    // A look: the store is opened read-only. The kiosk records the searches that found nothing
    // (for the staff's report); a technician trying a query here must not add to them.
    Database db = Database::open(dbPath, OpenMode::ReadOnly);
    const SearchResult r = search(db, query, opt);
    if (args.has("json")) {
        nlohmann::json out = nlohmann::json::array();
        for (const SearchHit& h : r.hits)
            out.push_back({{"kind", h.kind},
                           {"id", h.key},
                           {"title", h.title},
                           {"body_name", h.bodyName},
                           {"score", h.score},
                           {"snippet", h.snippet}});
        std::printf("%s\n", out.dump(2).c_str());
    } else {
        if (!r.suggestion.empty()) std::printf("Forse cercavi: %s\n", r.suggestion.c_str());
        for (const SearchGroup& g : r.groups) {
            std::printf("[%s] %s\n", g.kind.c_str(), kindHeading(g.kind).c_str());
            for (const SearchHit& h : g.hits)
                std::printf("  %8.3f  %-28s %s — %s\n           %s\n", h.score, h.key.c_str(),
                            h.title.c_str(), h.bodyName.c_str(), withoutMarks(h.snippet).c_str());
        }
        std::printf("%zu results\n", r.hits.size());
    }
    if (!r.suggestion.empty() && args.has("json"))
        std::fprintf(stderr, "Forse cercavi: %s%s\n", r.suggestion.c_str(),
                     r.fromSuggestion ? " (results shown for it)" : "");
    return 0;
}

int cmdBenchSearch(int argc, char** argv) {
    Args args(argc, argv, 2);
    args.allowOnly({"db", "docs"});
    const std::string dbPath = args.require("db");
    const int docs = std::stoi(args.get("docs").value_or("100000"));
    if (args.positional().empty())
        throw UsageError("give the servizi-gov catalogue files to take texts from");
    if (std::filesystem::exists(dbPath))
        throw UsageError(dbPath + " exists; the bench builds a new database");
    std::vector<SearchDocument> seeds;
    for (const std::string& file : args.positional()) {
        std::string readError;
        auto bytes = readFileExplained(file, readError);
        if (!bytes) throw UsageError(file + ": " + readError);
        for (const Sheet& s : parseServiziGovCatalogue(*bytes, file).sheets) {
            SearchDocument d;
            d.title = s.title;
            for (const auto& k : s.keywords) d.keywords += k + "\n";
            d.body = sheetPlainText(s);
            d.bodyName = s.bodyName;
            seeds.push_back(std::move(d));
        }
    }
    Database db = Database::open(dbPath);
    const std::vector<std::string> typed{"carta identita",
                                         "cambio residenza",
                                         "pensione di vecchiaia",
                                         "certificato anagrafico",
                                         "dichiarazione dei redditi",
                                         "bollo auto",
                                         "iscrizione mensa scolastica",
                                         "rinnovo patente",
                                         "assegno unico",
                                         "tassa rifiuti",
                                         "permesso di costruire",
                                         "codice fiscale"};
    const SearchBenchFigures f = benchSearch(db, seeds, docs, typed);
    nlohmann::json out{{"documents", f.documents},
                       {"seed_services", seeds.size()},
                       {"build_seconds", f.buildSeconds},
                       {"database_bytes", f.databaseBytes},
                       {"keystrokes", f.queries},
                       {"search_as_you_type_p50_ms", f.p50Ms},
                       {"search_as_you_type_p99_ms", f.p99Ms},
                       {"search_as_you_type_max_ms", f.maxMs},
                       {"full_queries", f.fullQueries},
                       {"full_search_p50_ms", f.fullP50Ms},
                       {"full_search_p99_ms", f.fullP99Ms},
                       {"full_search_max_ms", f.fullMaxMs}};
    for (const auto& [typedText, ms] : f.slowest)
        out["slowest_keystrokes"].push_back({{"typed", typedText}, {"ms", ms}});
    std::printf("%s\n", out.dump(2).c_str());
    return 0;
}

}  // namespace vt
