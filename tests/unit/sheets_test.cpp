#include "core/search/search.h"
#include "core/sheets/sheet_markdown.h"
#include "core/sheets/sheet_store.h"
#include "core/sheets/taxonomy.h"
#include "core/sources/importers.h"
#include "core/util/text.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

using namespace vt;
using vt::test::dataPath;
using vt::test::readAll;
using vt::test::scratchDir;

namespace {

std::string contentDir() {
    return std::string(VETRINA_TEST_DATA) + "/../../content";
}

bool hasIssue(const ImportReport& r, int line, const std::string& fragment) {
    for (const ImportIssue& i : r.issues)
        if ((line == 0 || i.line == line) && i.reason.find(fragment) != std::string::npos) return true;
    return false;
}

std::vector<std::string> demoSheetFiles() {
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(contentDir() + "/sheets"))
        if (e.path().extension() == ".md") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST_CASE("the official vocabularies match the national lists", "[sheets]") {
    const std::string csv = readAll(dataPath("services/argomenti.csv"));
    CHECK(officialTopics().size() == 64);
    for (std::string_view t : officialTopics()) CHECK(csv.find(std::string(t)) != std::string::npos);
    CHECK(officialLifeEvents().size() == 34);
    CHECK(canonicalTopic("ZONE PEDONALI") == "Zone pedonali");
    CHECK(canonicalTopic("mobilita sostenibile") == "Mobilità sostenibile");
    CHECK_FALSE(canonicalTopic("Astronomia"));
    CHECK(canonicalLifeEvent("persone/9") == "persone/9");
    CHECK(canonicalLifeEvent("Avvio impresa") == "imprese/1");
    CHECK_FALSE(canonicalLifeEvent("persone/20"));
}

TEST_CASE("a demo sheet parses into ordered sections of paragraphs, bullets and bold spans", "[sheets]") {
    const std::string file = contentDir() + "/sheets/carta-identita-elettronica.md";
    const ParsedSheet p = parseSheetMarkdown(readAll(file), file);
    INFO((p.report.issues.empty() ? "" : p.report.issues.front().describe()));
    REQUIRE(p.sheet);
    CHECK(p.report.issues.empty());
    const Sheet& s = *p.sheet;
    CHECK(s.id == "carta-identita-elettronica");
    CHECK(s.bodyId == "comune");
    CHECK(s.office == "anagrafe");
    CHECK(s.topics == std::vector<std::string>{"Anagrafe"});
    CHECK(s.lifeEvents == std::vector<std::string>{"persone/11"});
    CHECK(s.keywords.front() == "CIE");
    REQUIRE(s.sections.size() >= 8);
    CHECK(s.sections[0].title == "Descrizione breve");
    CHECK(s.sections[1].title == "A chi è rivolto");
    CHECK(s.sections[2].title == "Come fare");
    CHECK(s.sections.back().title == "Contatti");
    CHECK(s.description.rfind("Come chiedere la carta", 0) == 0);
    const SheetSection& serve = s.sections[3];
    CHECK(serve.title == "Cosa serve");
    REQUIRE(serve.blocks.size() == 4);
    CHECK(serve.blocks[0].type == TextBlock::Type::Bullet);
    const TextBlock& last = serve.blocks[3];
    REQUIRE(last.spans.size() == 3);
    CHECK_FALSE(last.spans[0].bold);
    CHECK(last.spans[1].bold);
    CHECK(last.spans[1].text == " denuncia di smarrimento");
    CHECK(last.plain() ==
          "Se hai perso la carta: la denuncia di smarrimento fatta ai Carabinieri o alla Polizia.");
}

TEST_CASE("markdown becomes paragraphs and bullets, never markup", "[sheets]") {
    const auto blocks = markdownToBlocks(
        "Primo *paragrafo*\nsu due righe &amp; altro.\n\n- uno\n- **due** e tre\n\n<b>html</b> no");
    REQUIRE(blocks.size() == 4);
    CHECK(blocks[0].type == TextBlock::Type::Paragraph);
    CHECK(blocks[0].plain() == "Primo paragrafo su due righe & altro.");
    CHECK(blocks[1].type == TextBlock::Type::Bullet);
    CHECK(blocks[2].spans[0].bold);
    CHECK(blocks[2].plain() == "due e tre");
    // Raw HTML is never interpreted: it stays visible as the characters the author typed.
    CHECK(blocks[3].plain() == "<b>html</b> no");
    CHECK_FALSE(blocks[3].spans[0].bold);
}

TEST_CASE("sheet validation reports every missing section, unknown topic and life event with file and line",
          "[sheets]") {
    const std::string file = dataPath("services/sheets/missing_sections.md");
    const ParsedSheet p = parseSheetMarkdown(readAll(file), file);
    CHECK(p.report.fatal);
    CHECK_FALSE(p.sheet);
    for (const char* s : {"A chi è rivolto", "Cosa serve", "Cosa si ottiene", "Tempi e scadenze",
                          "Accedi al servizio", "Contatti"})
        CHECK(hasIssue(p.report, 8, std::string("missing mandatory section \"## ") + s));
    CHECK_FALSE(hasIssue(p.report, 0, "missing mandatory section \"## Come fare"));
    CHECK(hasIssue(p.report, 6, "unknown topic \"Astronomia\""));
    CHECK(hasIssue(p.report, 7, "unknown life event \"persone/99\""));
    CHECK(hasIssue(p.report, 19, "unknown section \"Sezione inventata\""));
    for (const ImportIssue& i : p.report.issues) {
        CHECK(i.source == file);
        CHECK(i.describe().find("missing_sections.md") != std::string::npos);
    }
}

TEST_CASE("bad TOML, no front matter and a not-active sheet without reason are fatal, with their line",
          "[sheets]") {
    const ParsedSheet toml =
        parseSheetMarkdown(readAll(dataPath("services/sheets/bad_toml.md")), "bad_toml.md");
    CHECK(toml.report.fatal);
    CHECK(hasIssue(toml.report, 3, "bad TOML"));
    const ParsedSheet none =
        parseSheetMarkdown(readAll(dataPath("services/sheets/no_front_matter.md")), "x.md");
    CHECK(none.report.fatal);
    CHECK(hasIssue(none.report, 1, "+++"));
    const ParsedSheet inactive =
        parseSheetMarkdown(readAll(dataPath("services/sheets/not_active_without_reason.md")), "y.md");
    CHECK(inactive.report.fatal);
    CHECK(hasIssue(inactive.report, 0, "status_reason"));
}

TEST_CASE("unknown topics are reported and dropped, the sheet still imports", "[sheets]") {
    const std::string file = dataPath("services/sheets/unknown_topic.md");
    const ParsedSheet p = parseSheetMarkdown(readAll(file), file);
    REQUIRE(p.sheet);
    CHECK_FALSE(p.report.fatal);
    CHECK(p.sheet->topics == std::vector<std::string>{"Residenza"});
    CHECK(p.sheet->lifeEvents == std::vector<std::string>{"persone/9"});
    CHECK(hasIssue(p.report, 7, "unknown topic \"Cucina\""));
    CHECK(hasIssue(p.report, 8, "unknown life event \"persone/42\""));
}

TEST_CASE("every demo sheet is valid and the browsing API lists them by topic, life event, body and letter",
          "[sheets]") {
    const std::string dir = scratchDir("sheets-demo");
    Database db = Database::open(dir + "/s.db");
    const auto files = demoSheetFiles();
    REQUIRE(files.size() >= 40);
    for (const std::string& f : files) {
        const ImportSummary s = importBuffer(db, "sheets", readAll(f), f, 1'780'000'000);
        INFO(f << (s.report.issues.empty() ? "" : ": " + s.report.issues.front().describe()));
        CHECK(s.report.issues.empty());
        CHECK(s.inserted == 1);
    }
    CHECK(countSheets(db) == static_cast<int>(files.size()));

    const auto topics = listTopics(db);
    REQUIRE_FALSE(topics.empty());
    auto anagrafe =
        std::find_if(topics.begin(), topics.end(), [](const Facet& f) { return f.key == "Anagrafe"; });
    REQUIRE(anagrafe != topics.end());
    CHECK(anagrafe->count >= 5);
    // Official order: "Accesso all'informazione" comes before "Anagrafe".
    CHECK(topics.front().key == "Accesso all'informazione");

    const auto events = listLifeEvents(db);
    auto moving =
        std::find_if(events.begin(), events.end(), [](const Facet& f) { return f.key == "persone/9"; });
    REQUIRE(moving != events.end());
    CHECK(moving->label == "Cambio di residenza/domicilio");

    const auto bodies = listBodies(db);
    std::set<std::string> bodyIds;
    for (const Facet& b : bodies) bodyIds.insert(b.key);
    for (const char* b :
         {"comune", "inps", "asl", "agenzia-entrate", "motorizzazione", "questura", "provincia"})
        CHECK(bodyIds.count(b));

    const auto byTopic = listSheets(db, {"Residenza", "", "", ""});
    CHECK(std::any_of(byTopic.begin(), byTopic.end(),
                      [](const SheetSummary& s) { return s.id == "cambio-residenza"; }));
    const auto inps = listSheets(db, {"", "", "inps", ""});
    CHECK(inps.size() == 2);
    const auto letterP = listSheets(db, {"", "", "", "P"});
    REQUIRE_FALSE(letterP.empty());
    for (const SheetSummary& s : letterP) CHECK(s.title.front() == 'P');
    const auto all = listSheets(db);
    for (size_t i = 1; i < all.size(); ++i)
        CHECK(foldForMatch(all[i - 1].title) <= foldForMatch(all[i].title));
    CHECK_FALSE(listInitials(db).empty());

    const auto closed = findSheet(db, "centro-estivo");
    REQUIRE(closed);
    CHECK_FALSE(closed->active);
    CHECK_FALSE(closed->statusNote.empty());

    // The English variant is shown in English, the Italian sheet otherwise.
    CHECK(findSheet(db, "carta-identita-elettronica", "en")->title == "Electronic identity card (CIE)");
    CHECK(findSheet(db, "carta-identita-elettronica", "it")->title == "Carta d'identità elettronica (CIE)");
    CHECK(findSheet(db, "passaporto", "en")->lang == "it");
    const auto en = listSheets(db, {}, "en");
    CHECK(en.size() == all.size());
}

TEST_CASE("re-importing a sheet is a no-op, then a changed or emptied file updates the store and the index",
          "[sheets]") {
    const std::string dir = scratchDir("sheets-reimport");
    Database db = Database::open(dir + "/s.db");
    const std::string file = contentDir() + "/sheets/passaporto.md";
    std::string text = readAll(file);
    CHECK(importBuffer(db, "sheets", text, "sheets/passaporto.md", 1).inserted == 1);
    const ImportSummary again = importBuffer(db, "sheets", text, "sheets/passaporto.md", 2);
    CHECK(again.unchanged == 1);
    CHECK_FALSE(again.changed());

    SearchOptions opt;
    opt.now = 1'780'000'000;
    CHECK(search(db, "passaporto", opt).hits.size() == 1);
    text.replace(text.find("title = \"Passaporto\""), 20, "title = \"Passaporto elettronico\"");
    CHECK(importBuffer(db, "sheets", text, "sheets/passaporto.md", 3).updated == 1);
    CHECK(findSheet(db, "passaporto")->title == "Passaporto elettronico");
    CHECK(search(db, "elettronico", opt).hits.size() == 1);

    // A broken new version keeps the cached one.
    const ImportSummary broken =
        importBuffer(db, "sheets", "+++\nid = \"passaporto\"\n+++\n", "sheets/passaporto.md", 4);
    CHECK(broken.report.fatal);
    CHECK(findSheet(db, "passaporto")->title == "Passaporto elettronico");

    clearSource(db, "sheets/passaporto.md");
    CHECK_FALSE(findSheet(db, "passaporto"));
    CHECK(search(db, "passaporto", opt).hits.empty());
    Statement check = db.prepare("INSERT INTO search_it(search_it) VALUES('integrity-check')");
    CHECK_NOTHROW(check.run());
}
