#include "core/search/search.h"
#include "core/search/fts_tokenizer.h"
#include "core/search/search_index.h"
#include "core/sources/importers.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include <nlohmann/json.hpp>

using namespace vt;
using vt::test::dataPath;
using vt::test::readAll;
using vt::test::scratchDir;

namespace {

constexpr UnixSeconds kNow = 1'780'000'000;  // 2026-05-28

// The demo town's sheets, notices, events, offices, its synonyms and the national catalogue, as the
// demo set-up imports them.
Database& demoDb() {
    static Database db = [] {
        const std::string dir = scratchDir("search-demo");
        Database d = Database::open(dir + "/demo.db");
        const std::string content = std::string(VETRINA_TEST_DATA) + "/../../content";
        for (const auto& e : std::filesystem::directory_iterator(content + "/sheets"))
            importBuffer(d, "sheets", readAll(e.path().string()), e.path().string(), kNow);
        importBuffer(d, "synonyms", readAll(content + "/synonyms.txt"), content + "/synonyms.txt", kNow);
        for (const auto& [sub, kind] :
             {std::pair{"notices", "notices"}, {"offices", "offices"}, {"events", "ical"}})
            for (const auto& e : std::filesystem::directory_iterator(content + "/" + sub))
                REQUIRE_FALSE(
                    importBuffer(d, kind, readAll(e.path().string()), e.path().string(), kNow).report.fatal);
        for (const char* n : {"AdE", "Comunali", "INPS", "MIT"}) {
            const std::string f = dataPath(std::string("services/") + n + "_serviceTemplates.json");
            importBuffer(d, "servizi-gov", readAll(f), f, kNow);
        }
        return d;
    }();
    return db;
}

SearchResult find(const std::string& q, const std::string& lang = "it", bool typing = false) {
    SearchOptions opt;
    opt.asYouType = typing;
    opt.now = kNow;
    opt.lang = lang;
    opt.limit = 10;
    return search(demoDb(), q, opt);
}

int rankOf(const SearchResult& r, const std::string& id, const std::string& kind = "sheet") {
    for (size_t i = 0; i < r.hits.size(); ++i)
        if (r.hits[i].key == id && r.hits[i].kind == kind) return static_cast<int>(i) + 1;
    return 0;
}

// The search key of a demo item: a notice's or an event's row id, an office's or a sheet's id.
std::string keyOf(const std::string& kind, const std::string& uid) {
    const char* table = kind == "notice" ? "notices" : kind == "event" ? "events" : nullptr;
    if (!table) return uid;
    Statement st = demoDb().prepare(std::string("SELECT id FROM ") + table + " WHERE uid = ?1");
    st.bind(1, uid);
    return st.step() ? std::to_string(st.integer(0)) : "(no " + kind + " " + uid + ")";
}

std::string top(const SearchResult& r) {
    std::string out;
    for (size_t i = 0; i < std::min<size_t>(r.hits.size(), 5); ++i) out += r.hits[i].key + " ";
    return out;
}

}  // namespace

TEST_CASE("the tokenizer folds case, accents, apostrophes and typographic quotes like the index",
          "[search]") {
    sqlite3* h = demoDb().handle();
    CHECK(tokenizeWords(h, "Città PERCHÉ università") ==
          std::vector<std::string>{"citta", "perche", "universita"});
    CHECK(tokenizeWords(h, "dell'anagrafe") == std::vector<std::string>{"dell", "anagrafe"});
    CHECK(tokenizeWords(h, "dell’anagrafe “CIE”") == std::vector<std::string>{"dell", "anagrafe", "cie"});
    CHECK(tokenizeWords(h, "  «Carta»  d'Identità!!  ") ==
          std::vector<std::string>{"carta", "d", "identita"});
    CHECK(tokenizeWords(h, "\xff\xfe bad \xc3") == std::vector<std::string>{"bad"});
    CHECK(stemWord("italian", "residenza") == stemWord("italian", "residenze"));
    CHECK(stemWord("italian", "certificati") == stemWord("italian", "certificato"));
    CHECK(stemWord("english", "cards") == "card");
}

TEST_CASE("accents, case and apostrophes do not change what is found", "[search]") {
    for (const char* q : {"carta d'identità", "CARTA D'IDENTITA", "carta d’identità", "Carta D’Identità"}) {
        INFO(q);
        CHECK(rankOf(find(q), "carta-identita-elettronica") == 1);
    }
    CHECK(rankOf(find("dell'anagrafe canina"), "anagrafe-canina") == 1);
    CHECK(rankOf(find("“matrimonio”"), "matrimonio-civile") == 1);
}

TEST_CASE("relevance suite: what citizens type finds the right sheet near the top", "[search][relevance]") {
    struct Case {
        const char* query;
        const char* expected;  // a sheet id, or the uid of a notice, event or office
        int within;
        const char* kind = "sheet";
    };
    const Case cases[] = {
        {"carta identita", "carta-identita-elettronica", 1},
        {"carta d'identità", "carta-identita-elettronica", 1},
        {"cie", "carta-identita-elettronica", 1},
        {"documento di identità", "carta-identita-elettronica", 2},
        {"ho perso la carta d'identità", "carta-identita-elettronica", 2},
        {"ho cambiato casa", "cambio-residenza", 1},
        {"trasloco", "cambio-residenza", 1},
        {"cambio indirizzo", "cambio-residenza", 1},
        {"residenza", "cambio-residenza", 1},
        {"residensa", "cambio-residenza", 1},
        {"certificato di residenza", "certificati-anagrafici", 2},
        {"stato di famiglia", "certificati-anagrafici", 1},
        {"pensione", "pensione-di-vecchiaia", 1},
        {"andare in pensione", "pensione-di-vecchiaia", 1},
        {"bollo auto", "bollo-auto", 1},
        {"tassa automobilistica", "bollo-auto", 1},
        {"cane smarrito", "anagrafe-canina", 1},
        {"cane perso", "anagrafe-canina", 1},
        {"microchip", "anagrafe-canina", 1},
        {"rifiuti", "tari-tassa-rifiuti", 1},
        {"spazzatura", "tari-tassa-rifiuti", 1},
        {"tari", "tari-tassa-rifiuti", 1},
        {"mobili vecchi", "ritiro-rifiuti-ingombranti", 1},
        {"imu", "imu-imposta-municipale", 1},
        {"seconda casa", "imu-imposta-municipale", 1},
        {"spid", "spid-identita-digitale", 1},
        {"identità digitale", "spid-identita-digitale", 1},
        {"isee", "bonus-sociali-isee", 1},
        {"assegno unico", "assegno-unico-figli", 1},
        {"assegni familiari", "assegno-unico-figli", 1},
        {"medico di famiglia", "scelta-medico-di-base", 1},
        {"pediatra", "scelta-medico-di-base", 1},
        {"prenotare una visita", "prenotazione-visite-cup", 1},
        {"tessera sanitaria", "codice-fiscale-tessera-sanitaria", 1},
        {"codice fiscale", "codice-fiscale-tessera-sanitaria", 1},
        {"patente scaduta", "rinnovo-patente", 1},
        {"rinnovo patente", "rinnovo-patente", 1},
        {"passaporto", "passaporto", 1},
        {"permesso di soggiorno", "permesso-di-soggiorno", 1},
        {"sposarsi", "matrimonio-civile", 1},
        {"unione civile", "unione-civile", 1},
        {"divorzio", "separazione-divorzio-comune", 1},
        {"neonato", "riconoscimento-nascita", 1},
        {"cittadinanza", "cittadinanza-italiana", 1},
        {"vivere all'estero", "iscrizione-aire", 2},
        {"tessera elettorale", "tessera-elettorale", 1},
        {"scrutatore", "albo-scrutatori", 1},
        {"ristrutturazione", "cila-scia-edilizia", 1},
        {"aprire un negozio", "suap-avvio-attivita", 1},
        {"scuolabus", "trasporto-scolastico", 1},
        {"mensa", "mensa-scolastica", 1},
        {"asilo nido", "iscrizione-nido", 1},
        {"scuola materna", "iscrizione-scuola-infanzia", 1},
        {"ztl", "permesso-ztl", 1},
        {"pass disabili", "contrassegno-disabili", 1},
        {"passo carrabile", "passo-carrabile", 1},
        {"tavolini", "occupazione-suolo-pubblico", 1},
        {"badante", "assistenza-domiciliare", 1},
        {"biblioteca", "iscrizione-biblioteca", 2},  // the Biblioteca civica office may come first
        {"lampione spento", "segnalazioni-guasti", 1},
        {"funerale", "denuncia-morte-servizi-cimiteriali", 1},
        {"affitto", "contributo-affitto", 2},
        {"dichiarazione dei redditi", "gov-100-ade", 3},
        {"voto domiciliare", "gov-99-comunali", 1},
        // Notices, events and offices of the demo town (the ones showing on 28 May 2026).
        {"farmacia di turno", "farmacia-notte", 1, "notice"},
        {"farmacia aperta di notte", "farmacia-notte", 1, "notice"},
        {"concerto della banda", "concerto-banda@borgovetrina.example", 1, "event"},
        {"mercato settimanale", "mercato-settimanale@borgovetrina.example", 1, "event"},
        {"cineforum", "cineforum@borgovetrina.example", 1, "event"},
        {"polizia locale", "polizia-locale", 1, "office"},
        {"biblioteca", "biblioteca", 2, "office"},
        {"vigili urbani", "polizia-locale", 2, "office"},
        {"ufficio tributi", "tributi", 1, "office"},
        {"orari dell'anagrafe", "anagrafe", 1, "office"},
    };
    int failures = 0;
    int typingTop3 = 0;
    for (const Case& c : cases) {
        // While typing, the same words (the last as a prefix) should mostly show the sheet too.
        const std::string key = keyOf(c.kind, c.expected);
        const int typedRank = rankOf(find(c.query, "it", true), key, c.kind);
        if (typedRank >= 1 && typedRank <= 3) ++typingTop3;
        const SearchResult r = find(c.query);
        const int rank = rankOf(r, key, c.kind);
        INFO("\"" << c.query << "\" -> " << top(r));
        CHECK(rank >= 1);
        CHECK(rank <= c.within);
        if (rank < 1 || rank > c.within) ++failures;
    }
    CHECK(std::size(cases) >= 40);
    CHECK(failures == 0);
    WARN("search as you type: " << typingTop3 << " of " << std::size(cases) << " in the top 3");
    CHECK(typingTop3 * 10 >= static_cast<int>(std::size(cases)) * 8);
}

TEST_CASE("English queries find the English variant", "[search]") {
    const SearchResult r = find("identity card", "en");
    REQUIRE_FALSE(r.hits.empty());
    CHECK(r.hits.front().key == "carta-identita-elettronica");
    CHECK(r.hits.front().title == "Electronic identity card (CIE)");
    CHECK(rankOf(find("identity cards", "en"), "carta-identita-elettronica") == 1);  // English stemming
}

TEST_CASE("search as you type: unfinished last words match as prefixes", "[search]") {
    auto typing = [](const std::string& q) { return find(q, "it", true); };
    CHECK(rankOf(typing("carta ide"), "carta-identita-elettronica") == 1);
    CHECK(rankOf(typing("resid"), "cambio-residenza") >= 1);
    CHECK(rankOf(typing("resid"), "cambio-residenza") <= 3);
    CHECK(rankOf(typing("passap"), "passaporto") == 1);
    CHECK(rankOf(typing("scuolab"), "trasporto-scolastico") == 1);
    CHECK(rankOf(typing("certificati anag"), "certificati-anagrafici") == 1);  // earlier words by stem
    CHECK(rankOf(typing("cie"), "carta-identita-elettronica") == 1);           // synonyms while typing too
    // Two or three letters: titles containing a word that starts with them.
    const SearchResult pa = typing("pa");
    REQUIRE_FALSE(pa.hits.empty());
    for (const SearchHit& h : pa.hits) CHECK(!tokenizeWords(demoDb().handle(), h.title).empty());
    // One letter says nothing yet: it is not a prefix.
    CHECK(typing("p").hits.size() <= 10);
    // A prefix longer than the stem still matches through the unstemmed index.
    CHECK(rankOf(typing("ristrutturazion"), "cila-scia-edilizia") == 1);
    // Snippets while typing mark the words that start with what was typed.
    const SearchResult chip = typing("microc");
    REQUIRE_FALSE(chip.hits.empty());
    const auto spans = splitHighlights(chip.hits.front().snippet);
    CHECK(std::any_of(spans.begin(), spans.end(),
                      [](const TextSpan& t) { return t.bold && t.text == "microchip"; }));
    // The full search of the same text as typed so far does not treat it as a prefix.
    CHECK(rankOf(find("passap"), "passaporto") == 0);
}

TEST_CASE("typos of five letters or more get \"Forse cercavi\"", "[search]") {
    const SearchResult r = find("residensa");
    CHECK(r.suggestion == "residenza");
    CHECK(r.fromSuggestion);
    CHECK(rankOf(r, "cambio-residenza") == 1);
    CHECK(find("pasaporto").suggestion == "passaporto");
    CHECK(find("biblioteka").suggestion == "biblioteca");
    CHECK(find("carta identita").suggestion.empty());  // nothing to correct
    CHECK(find("cia").suggestion.empty());             // too short to guess
    CHECK(editDistance("residensa", "residenza") == 1);
    CHECK(editDistance("citta", "città") == 1);
    CHECK(editDistance("pensoine", "pensione") == 1);  // transposition
}

TEST_CASE("results are grouped by kind with highlighted snippets", "[search]") {
    const SearchResult r = find("microchip");
    REQUIRE_FALSE(r.hits.empty());
    REQUIRE_FALSE(r.groups.empty());
    CHECK(r.groups.front().kind == "sheet");
    const SearchHit& h = r.hits.front();
    CHECK(h.bodyName == "Comune di Borgo Vetrina (demo)");
    CHECK(h.snippet.find(kHighlightStart) != std::string::npos);
    const auto spans = splitHighlights(h.snippet);
    CHECK(std::any_of(spans.begin(), spans.end(),
                      [](const TextSpan& s) { return s.bold && s.text == "microchip"; }));
    CHECK(splitHighlights("a \x02"
                          "b\x03 c")
              .size() == 3);
}

TEST_CASE("hostile queries give results or nothing, never an error", "[search]") {
    const std::string longQuery(2000, 'a');
    std::string mixed;
    for (int i = 0; i < 300; ++i) mixed += "carta \" * ( ) ";
    const std::vector<std::string> queries{"\"",         "*",
                                           "NEAR(",      "OR",
                                           ")",          "AND NOT",
                                           "carta OR",   "\"carta\"*",
                                           "NOT carta",  "^carta",
                                           "title: x",   "a:b:c",
                                           "(((",        "-",
                                           "+",          longQuery,
                                           mixed,        "\xff\xfe\xc3",
                                           "\xc3\x28",   std::string("a\0b", 3),
                                           "",           "   ",
                                           "🙂 carta", "{title} : pensione"};
    for (const std::string& q : queries) {
        INFO(q.substr(0, 40));
        CHECK_NOTHROW(find(q));
        CHECK_NOTHROW(find(q, "en"));
        CHECK_NOTHROW(find(q, "it", true));
    }
    CHECK(find("").hits.empty());
    CHECK_FALSE(find("NOT carta").hits.empty());  // the words are just words
}

TEST_CASE("queries that found nothing are counted for the staff", "[search]") {
    Database db = Database::open(scratchDir("search-misses") + "/m.db");
    recordSearchMiss(db, "Zebra  a pois", kNow);
    recordSearchMiss(db, "zebra a POIS", kNow + 10);
    recordSearchMiss(db, "giraffa", kNow);
    recordSearchMiss(db, "   ", kNow);
    const auto misses = listSearchMisses(db);
    REQUIRE(misses.size() == 2);
    CHECK(misses[0].query == "zebra a pois");
    CHECK(misses[0].count == 2);
}

TEST_CASE("albo acts are searchable while in their window, then indexDocument serves other kinds",
          "[search]") {
    Database db = Database::open(scratchDir("search-acts") + "/a.db");
    const std::string feed = dataPath("albo/ladispoli_albopop_feed.xml");
    const ImportSummary s = importBuffer(db, "albopop", readAll(feed), feed, kNow);
    REQUIRE(s.report.itemsImported > 0);
    Statement st = db.prepare("SELECT subject, pub_start, pub_end FROM acts ORDER BY id LIMIT 1");
    REQUIRE(st.step());
    const std::string subject = st.text(0);
    const auto day = *parseIsoDate(st.text(1));
    const auto words = tokenizeWords(db.handle(), subject);
    std::string q;
    for (size_t i = 0; i < std::min<size_t>(words.size(), 3); ++i) q += words[i] + " ";
    SearchOptions opt;
    opt.now = romeStartOfDay(day) + 3600;
    const SearchResult in = search(db, q, opt);
    CHECK(std::any_of(in.hits.begin(), in.hits.end(), [](const SearchHit& h) { return h.kind == "act"; }));
    opt.now = romeStartOfDay(addDays(day, -30));
    const SearchResult before = search(db, q, opt);
    CHECK(std::none_of(before.hits.begin(), before.hits.end(),
                       [](const SearchHit& h) { return h.kind == "act"; }));
    // Re-importing the same feed leaves the index as it was.
    const int docs = countSearchDocuments(db);
    importBuffer(db, "albopop", readAll(feed), feed, kNow);
    CHECK(countSearchDocuments(db) == docs);
    clearSource(db, feed);
    CHECK(countSearchDocuments(db) == 0);

    // Another kind (offices, notices, events are merged later) is one call each way.
    indexDocument(db, {"office", "anagrafe", "it", "offices/anagrafe.toml", "Anagrafe e stato civile",
                       "certificati", "Piazza Vetrina 1", "Comune di Borgo Vetrina (demo)", "", "", 1.0});
    opt.now = kNow;
    const SearchResult office = search(db, "anagrafe", opt);
    REQUIRE(office.hits.size() == 1);
    CHECK(office.groups.front().kind == "office");
    removeSearchSource(db, "offices/anagrafe.toml");
    CHECK(search(db, "anagrafe", opt).hits.empty());
    Statement check = db.prepare("INSERT INTO search_prefix(search_prefix) VALUES('integrity-check')");
    CHECK_NOTHROW(check.run());
}

TEST_CASE("vetrina search prints the documented JSON and agrees with the core", "[search][cli]") {
    const std::string dir = scratchDir("search-cli");
    const std::string dbPath = dir + "/s.db";
    const std::string content = std::string(VETRINA_TEST_DATA) + "/../../content";
    const std::string bin = VETRINA_BINARY;
    REQUIRE(vt::test::runCommand(bin + " import --quiet --kind sheets --db " + dbPath + " " + content +
                                 "/sheets/*.md") == 0);
    REQUIRE(vt::test::runCommand(bin + " import --quiet --kind synonyms --db " + dbPath + " " + content +
                                 "/synonyms.txt") == 0);
    std::string out;
    REQUIRE(vt::test::runCommand(bin + " search 'ho cambiato casa' --limit 3 --json --db " + dbPath, &out) ==
            0);
    const auto j = nlohmann::json::parse(out);
    REQUIRE(j.is_array());
    REQUIRE_FALSE(j.empty());
    CHECK(j.size() <= 3);
    CHECK(j[0]["kind"] == "sheet");
    CHECK(j[0]["id"] == "cambio-residenza");
    for (const char* k : {"title", "body_name", "score", "snippet"}) CHECK(j[0].contains(k));
    CHECK(vt::test::runCommand(bin + " search 'NEAR( \" *' --json --db " + dbPath + " >/dev/null") == 0);
    CHECK(vt::test::runCommand(bin + " search x --limit zero --db " + dbPath + " 2>/dev/null") != 0);
}

TEST_CASE("notices, events and offices are found in their window, in Italian and English", "[search]") {
    SearchOptions opt;
    opt.now = *parseIsoInstant("2026-12-01T10:00:00+01:00");
    const std::string works = keyOf("notice", "lavori-piazza");
    SearchResult r = search(demoDb(), "lavori in piazza", opt);
    CHECK(rankOf(r, works, "notice") == 1);
    REQUIRE_FALSE(r.groups.empty());
    CHECK(r.groups.front().kind == "notice");
    const auto spans = splitHighlights(r.hits.front().snippet);
    CHECK(std::none_of(spans.begin(), spans.end(),
                       [](const TextSpan& t) { return t.text.find("**") != std::string::npos; }));
    opt.lang = "en";
    r = search(demoDb(), "road works", opt);
    REQUIRE(rankOf(r, works, "notice") == 1);
    CHECK(r.hits.front().title == "Road works in Piazza del Municipio");
    // Before its window opens and after it closes, the notice is not found.
    opt.lang = "it";
    opt.now = kNow;
    CHECK(rankOf(search(demoDb(), "lavori in piazza", opt), works, "notice") == 0);
    opt.now = *parseIsoInstant("2027-02-01T10:00:00+01:00");
    CHECK(rankOf(search(demoDb(), "lavori in piazza", opt), works, "notice") == 0);
    // A one-off event is found until it has ended, a weekly one always.
    const std::string concert = keyOf("event", "concerto-natale-2026@borgovetrina.example");
    opt.now = *parseIsoInstant("2026-12-20T10:00:00+01:00");
    CHECK(rankOf(search(demoDb(), "concerto di natale", opt), concert, "event") == 1);
    opt.now = *parseIsoInstant("2026-12-21T10:00:00+01:00");
    CHECK(rankOf(search(demoDb(), "concerto di natale", opt), concert, "event") == 0);
    CHECK(rankOf(search(demoDb(), "cineforum", opt), keyOf("event", "cineforum@borgovetrina.example"),
                 "event") == 1);
}

TEST_CASE("replacing a source replaces its notices, events and offices in the index", "[search]") {
    Database db = Database::open(scratchDir("search-kinds") + "/k.db");
    const std::string content = std::string(VETRINA_TEST_DATA) + "/../../content";
    SearchOptions opt;
    opt.now = kNow;
    auto count = [&](const std::string& q, const std::string& kind) {
        const SearchResult r = search(db, q, opt);
        return std::count_if(r.hits.begin(), r.hits.end(),
                             [&](const SearchHit& h) { return h.kind == kind; });
    };
    // One source name, two versions of its office file: the old office leaves the index.
    importBuffer(db, "offices", readAll(content + "/offices/polizia-locale.toml"), "ufficio.toml", kNow);
    CHECK(count("polizia", "office") == 1);
    importBuffer(db, "offices", readAll(content + "/offices/tributi.toml"), "ufficio.toml", kNow);
    CHECK(count("polizia", "office") == 0);
    CHECK(count("tributi", "office") == 1);
    // A changed notice is found by its new words only.
    const std::string notice = readAll(content + "/notices/farmacia-notte.md");
    importBuffer(db, "notices", notice, "avviso.md", kNow);
    CHECK(count("farmacia", "notice") == 1);
    std::string changed = notice;
    changed.replace(changed.find("Farmacia di turno"), 17, "Guardia medica");
    importBuffer(db, "notices", changed, "avviso.md", kNow);
    CHECK(count("guardia medica", "notice") == 1);
    const SearchResult old = search(db, "farmacia di turno questa notte", opt);
    CHECK(std::none_of(old.hits.begin(), old.hits.end(),
                       [](const SearchHit& h) { return h.title == "Farmacia di turno questa notte"; }));
    // A calendar that drops an event drops it from the index too.
    const std::string ics = readAll(content + "/events/borgo-vetrina.ics");
    importBuffer(db, "ical", ics, "eventi.ics", kNow);
    CHECK(count("cineforum", "event") == 1);
    std::string fewer = ics;
    const size_t at = fewer.find("UID:cineforum@");
    const size_t begin = fewer.rfind("BEGIN:VEVENT", at), end = fewer.find("END:VEVENT", at) + 12;
    fewer.erase(begin, end - begin);
    importBuffer(db, "ical", fewer, "eventi.ics", kNow);
    CHECK(count("cineforum", "event") == 0);
    CHECK(count("concerto banda", "event") == 1);
    for (const char* s : {"ufficio.toml", "avviso.md", "eventi.ics"}) clearSource(db, s);
    CHECK(countSearchDocuments(db) == 0);
    Statement check = db.prepare("INSERT INTO search_prefix(search_prefix) VALUES('integrity-check')");
    CHECK_NOTHROW(check.run());
}

TEST_CASE("vetrina search prints offices, notices and events", "[search][cli]") {
    const std::string dir = scratchDir("search-cli-kinds");
    const std::string dbPath = dir + "/s.db";
    const std::string content = std::string(VETRINA_TEST_DATA) + "/../../content";
    const std::string bin = VETRINA_BINARY;
    REQUIRE(vt::test::runCommand(bin + " import --quiet --kind offices --db " + dbPath + " " + content +
                                 "/offices/*.toml") == 0);
    REQUIRE(vt::test::runCommand(bin + " import --quiet --kind notices --db " + dbPath + " " + content +
                                 "/notices/farmacia-notte.md") == 0);
    REQUIRE(vt::test::runCommand(bin + " import --quiet --kind ical --db " + dbPath + " " + content +
                                 "/events/borgo-vetrina.ics") == 0);
    std::string out;
    REQUIRE(vt::test::runCommand(
                bin + " search 'polizia locale' --json --at 2026-05-28T10:00:00+02:00 --db " + dbPath,
                &out) == 0);
    auto j = nlohmann::json::parse(out);
    REQUIRE_FALSE(j.empty());
    CHECK(j[0]["kind"] == "office");
    CHECK(j[0]["id"] == "polizia-locale");
    CHECK(j[0]["title"] == "Polizia locale");
    out.clear();
    REQUIRE(vt::test::runCommand(bin + " search farmacia --at 2026-05-28T10:00:00+02:00 --db " + dbPath,
                                 &out) == 0);
    CHECK(out.find("Avvisi") != std::string::npos);
    CHECK(out.find("Farmacia di turno questa notte") != std::string::npos);
    out.clear();
    REQUIRE(vt::test::runCommand(
                bin + " search 'mercato settimanale' --json --at 2026-05-28T10:00:00+02:00 --db " + dbPath,
                &out) == 0);
    j = nlohmann::json::parse(out);
    REQUIRE_FALSE(j.empty());
    CHECK(j[0]["kind"] == "event");
    CHECK(j[0]["title"] == "Mercato settimanale");
}
