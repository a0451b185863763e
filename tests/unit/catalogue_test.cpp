#include "core/sheets/catalogue_import.h"
#include "core/sheets/catalogue_mapping.h"
#include "core/sheets/sheet_store.h"
#include "core/sources/importers.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

using namespace vt;
using vt::test::dataPath;
using vt::test::readAll;
using vt::test::scratchDir;

namespace {

const Sheet* findTitle(const SheetBatch& b, const std::string& title) {
    for (const Sheet& s : b.sheets)
        if (s.title == title) return &s;
    return nullptr;
}

bool contains(const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

TEST_CASE("the four real catalogue files import as sheets of their bodies", "[catalogue]") {
    const std::map<std::string, std::pair<int, std::string>> expected{
        {"AdE", {122, "agenzia-entrate"}},
        {"Comunali", {322, "comuni-catalogo"}},
        {"INPS", {288, "inps"}},
        {"MIT", {10, "motorizzazione"}},
    };
    int total = 0;
    for (const auto& [name, exp] : expected) {
        const std::string file = dataPath("services/" + name + "_serviceTemplates.json");
        const SheetBatch b = parseServiziGovCatalogue(readAll(file), file);
        CHECK_FALSE(b.report.fatal);
        CHECK(b.report.itemsSeen == exp.first);
        CHECK(static_cast<int>(b.sheets.size()) == exp.first);
        for (const Sheet& s : b.sheets) {
            CHECK(s.bodyId == exp.second);
            CHECK_FALSE(s.title.empty());
            CHECK(s.id.rfind("gov-", 0) == 0);
        }
        total += static_cast<int>(b.sheets.size());
        // What cannot be mapped is said once per source, with counts.
        CHECK(std::any_of(b.report.issues.begin(), b.report.issues.end(), [](const ImportIssue& i) {
            return i.reason.find("has no official Argomento") != std::string::npos;
        }));
    }
    CHECK(total == 742);
}

TEST_CASE("catalogue fields, themes and life events are mapped to the official vocabularies", "[catalogue]") {
    const std::string file = dataPath("services/Comunali_serviceTemplates.json");
    const SheetBatch b = parseServiziGovCatalogue(readAll(file), file);
    const Sheet* animals = findTitle(b, "Richiesta autorizzazioni comunali in materia di animali");
    REQUIRE(animals);
    CHECK(animals->id == "gov-2-comunali");
    CHECK(animals->description.rfind("Richiesta di autorizzazioni sanitarie", 0) == 0);
    CHECK(animals->keywords == std::vector<std::string>{"animali", "autorizzazioni", "sanitarie"});
    CHECK(contains(animals->lifeEvents, "persone/19"));
    CHECK(contains(animals->topics, "Animale domestico"));  // from LE/19
    CHECK(contains(animals->topics, "Igiene pubblica"));    // from theme HEAL
    REQUIRE_FALSE(animals->sections.empty());
    CHECK(animals->sections.front().title == "Descrizione breve");

    const Sheet* moving = findTitle(b, "Richiesta cambio di residenza o di indirizzo");
    REQUIRE(moving);
    CHECK(contains(moving->lifeEvents, "persone/9"));
    CHECK(contains(moving->topics, "Residenza"));

    // Duplicate template indexes in the real file still get distinct ids.
    std::set<std::string> ids;
    for (const Sheet& s : b.sheets) CHECK(ids.insert(s.id).second);

    CHECK(lifeEventForCatalogueEvent("BE/3") == "imprese/3");
    CHECK(lifeEventForCatalogueEvent("LE/9") == "persone/9");
    CHECK_FALSE(lifeEventForCatalogueEvent("LE/77"));
    CHECK(topicForTheme("EDUC") == "Istruzione");
    CHECK_FALSE(topicForTheme("GOVE"));
    CHECK(topicsForText("Presentazione dichiarazione TARI") == std::vector<std::string>{"Tassa sui servizi"});
    CHECK(topicsForText("Apertura sportello").empty());  // "sport" is a whole word only
}

TEST_CASE("INPS services keep their authentication methods in Accedi al servizio", "[catalogue]") {
    const SheetBatch b =
        parseServiziGovCatalogue(readAll(dataPath("services/INPS_serviceTemplates.json")), "inps.json");
    const auto withAccess = std::count_if(b.sheets.begin(), b.sheets.end(), [](const Sheet& s) {
        return std::any_of(s.sections.begin(), s.sections.end(), [](const SheetSection& sec) {
            return sec.title == "Accedi al servizio" &&
                   sec.blocks.front().plain().find("SPID") != std::string::npos;
        });
    });
    CHECK(withAccess > 0);
}

TEST_CASE("a catalogue that is not one is fatal and keeps the cache", "[catalogue]") {
    const std::string dir = scratchDir("catalogue-bad");
    Database db = Database::open(dir + "/c.db");
    const std::string file = dataPath("services/MIT_serviceTemplates.json");
    CHECK(importBuffer(db, "servizi-gov", readAll(file), "mit.json", 1).inserted == 10);
    for (const char* bad : {"{\"not\": \"an array\"}", "[{\"broken\"", ""}) {
        const ImportSummary s = importBuffer(db, "servizi-gov", bad, "mit.json", 2);
        CHECK(s.report.fatal);
    }
    CHECK(countSheets(db) == 10);
    // Items that are not services are reported, the good ones import.
    const SheetBatch mixed = parseServiziGovCatalogue(
        R"([{"templateIndex":"1_X","entePa":"INPS","publicService":{"name":{"description":"Servizio buono"}}}, 42, {"publicService":{}}])",
        "mixed.json");
    CHECK(mixed.sheets.size() == 1);
    CHECK(mixed.report.issues.size() >= 2);
    CHECK(mixed.report.issues[0].position == 2);
}

TEST_CASE("schema.org GovernmentService JSON-LD imports with its sections", "[catalogue]") {
    const std::string file = dataPath("services/example_scheda_servizio_iscrizione_scuola_infanzia.json");
    const SheetBatch b = parseGovernmentServiceJsonLd(readAll(file), file);
    REQUIRE(b.sheets.size() == 1);
    const Sheet& s = b.sheets.front();
    CHECK(s.title == "Iscrizione alla Scuola dell’infanzia");
    CHECK(s.id == "jsonld-iscrizione-alla-scuola-dell-infanzia");
    CHECK(s.bodyName == "Comune");  // the page left serviceOperator.name empty: reported
    CHECK(b.report.issues.size() == 1);
    CHECK(s.onlineLink.empty());  // "#" is not a link
    CHECK(s.description.rfind("Come iscrivere i propri figli", 0) == 0);
    std::vector<std::string> titles;
    for (const auto& sec : s.sections) titles.push_back(sec.title);
    CHECK(titles.front() == "Descrizione breve");
    CHECK(contains(titles, "A chi è rivolto"));
    CHECK(contains(titles, "Come fare"));
    CHECK(contains(titles, "Contatti"));
    CHECK(contains(s.topics, "Istruzione"));

    const std::string tmpl = dataPath("services/governmentservice_jsonld_template_designers_italia.json");
    const SheetBatch t = parseGovernmentServiceJsonLd(readAll(tmpl), tmpl);
    // The template's "<placeholders>" are not text: a service without a name is reported, not imported.
    CHECK(t.sheets.empty());
    CHECK_FALSE(t.report.fatal);
    CHECK(t.report.issues.front().reason == "GovernmentService without a name");

    CHECK(parseGovernmentServiceJsonLd("{\"@type\": \"Thing\"}", "x.json").report.fatal);
    CHECK(parseGovernmentServiceJsonLd("not json", "x.json").report.fatal);
}

TEST_CASE("vetrina import --kind servizi-gov works on the four real files", "[catalogue][cli]") {
    const std::string dir = scratchDir("catalogue-cli");
    std::string cmd = std::string(VETRINA_BINARY) + " import --kind servizi-gov --db " + dir + "/c.db";
    for (const char* n :
         {"AdE", "Comunali", "INPS", "MIT"}) {  // appended in place: `" " + dataPath(...)` trips GCC 12's
                                                // -Wrestrict false positive at -O3
        cmd += ' ';
        cmd += dataPath(std::string("services/") + n + "_serviceTemplates.json");
    }
    std::string out;
    CHECK(vt::test::runCommand(cmd + " 2>/dev/null", &out) == 0);
    CHECK(out.find("322 items, 322 imported") != std::string::npos);
    std::string list;
    CHECK(vt::test::runCommand(std::string(VETRINA_BINARY) + " list sheets --json --db " + dir + "/c.db",
                               &list) == 0);
    const auto j = nlohmann::json::parse(list);
    CHECK(j.size() == 742);
}
