// The albo's rules through importBuffer and the store: windows (DST days included), annulments,
// rectifications, duplicates, transparency listings, purge after the window, types and filters.
#include "core/albo/albo_rules.h"
#include "core/albo/act_types.h"
#include "core/albo/albo_purge.h"
#include "core/albo/albo_store.h"
#include "core/sources/importers.h"
#include "core/util/files.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

using namespace vt;
using vt::test::dataPath;
using vt::test::readAll;
using vt::test::scratchDir;

namespace {

UnixSeconds at(const char* iso) {
    return *parseIsoInstant(iso);
}

Act makeAct(const std::string& uid, CivilDate start, CivilDate end, const std::string& subject = "") {
    Act a;
    a.source = "test";
    a.uid = uid;
    parseActUid(uid, a.year, a.number);
    a.subject = subject.empty() ? "Atto " + uid : subject;
    a.pubStart = start;
    a.pubEnd = end;
    return a;
}

std::vector<std::string> uids(const std::vector<Act>& acts) {
    std::vector<std::string> out;
    for (const Act& a : acts) out.push_back(a.uid);
    return out;
}

const Act* find(const std::vector<Act>& acts, const std::string& uid) {
    for (const Act& a : acts)
        if (a.uid == uid) return &a;
    return nullptr;
}

}  // namespace

TEST_CASE("windows end at 24:00 Rome time of the last day, also on DST change days", "[albo][rules]") {
    Database db = Database::open(scratchDir("albo-dst") + "/a.db");
    // Last day 29 March 2026 (clocks go forward: a 23-hour day) and 25 October 2026 (25 hours).
    storeActs(
        db,
        {makeAct("2026/1", {2026, 3, 20}, {2026, 3, 29}), makeAct("2026/2", {2026, 10, 25}, {2026, 10, 25})},
        {}, at("2026-03-01T00:00:00Z"));
    CHECK(uids(listActsAt(db, at("2026-03-29T21:59:59Z"))) ==
          std::vector<std::string>{"2026/1"});  // 23:59:59 CEST
    CHECK(listActsAt(db, at("2026-03-29T22:00:00Z")).empty());
    CHECK(listActsAt(db, at("2026-10-24T21:59:59Z")).empty());  // 23:59:59 CEST the day before
    CHECK(uids(listActsAt(db, at("2026-10-24T22:00:00Z"))) == std::vector<std::string>{"2026/2"});
    CHECK(uids(listActsAt(db, at("2026-10-25T22:59:59Z"))) ==
          std::vector<std::string>{"2026/2"});  // 23:59:59 CET
    CHECK(listActsAt(db, at("2026-10-25T23:00:00Z")).empty());
    CHECK(purgeDeadline({2026, 10, 25}) == at("2026-10-26T23:00:00Z"));
    CHECK(purgeDeadline({2026, 3, 29}) == at("2026-03-30T22:00:00Z"));
}

TEST_CASE("annulled acts stay listed with the date and the reason", "[albo][rules]") {
    Database db = Database::open(scratchDir("albo-annulled") + "/a.db");
    const ImportSummary s = importBuffer(db, "wp-albo", readAll(dataPath("albo/wp_rest_atti.json")), "wp",
                                         at("2026-03-07T09:00:00Z"));
    CHECK(s.inserted == 3);
    const auto acts = listActsAt(db, at("2026-03-07T09:00:00Z"));
    const Act* a = find(acts, "2026/125");
    REQUIRE(a);
    CHECK(a->annulled);
    CHECK(a->annulledOn == CivilDate{2026, 3, 6});
    CHECK(a->annulReason == "Sostituita dall'ordinanza n. 130 per un errore nelle date");
    CHECK(a->category == "Ordinanze e decreti");
    CHECK(a->agidCode == "A.04.02");
    CHECK_FALSE(find(acts, "2026/123")->annulled);
}

TEST_CASE("a rectification links to the act it corrects when that act is cached", "[albo][rules]") {
    int y = 0;
    std::string n;
    CHECK(findRectifiedAct("RETTIFICA DETERMINAZIONE N. 123/2026 - errore materiale", 2026, y, n));
    CHECK((y == 2026 && n == "123"));
    CHECK(findRectifiedAct("Determinazione a rettifica dell'atto n. 45 del 12/03/2025", 2026, y, n));
    CHECK((y == 2025 && n == "45"));
    CHECK(findRectifiedAct("Rettifica ordinanza nr.0078", 2026, y, n));
    CHECK((y == 2026 && n == "78"));
    CHECK(findRectifiedAct("ERRATA CORRIGE avviso n° 12/25", 2026, y, n));
    CHECK((y == 2025 && n == "12"));
    CHECK_FALSE(findRectifiedAct("REVOCA ORDINANZA N.197/17 DEL 18.01.2017", 2017, y, n));
    CHECK_FALSE(findRectifiedAct("Rettifica del confine comunale", 2026, y, n));
    CHECK_FALSE(findRectifiedAct("Rettifica graduatoria, prot. n. 4567/2026", 2026, y, n));
    CHECK(findRectifiedAct("Rettifica (prot. 4567) della determinazione n. 88/2026", 2026, y, n));
    CHECK((y == 2026 && n == "88"));

    Database db = Database::open(scratchDir("albo-rectified") + "/a.db");
    const UnixSeconds now = at("2026-03-07T09:00:00Z");
    importBuffer(db, "wp-albo", readAll(dataPath("albo/wp_rest_atti.json")), "wp", now);
    const auto acts = listActsAt(db, now);
    const Act* corrected = find(acts, "2026/123");
    const Act* rect = find(acts, "2026/124");
    REQUIRE(corrected);
    REQUIRE(rect);
    CHECK(rect->rectifies == corrected->id);
    CHECK(rect->rectifiesNumber == "123");
    CHECK(corrected->rectifies == 0);

    // The rectification arrives first (another listing): linked as soon as the corrected act is cached.
    Database db2 = Database::open(scratchDir("albo-rectified-late") + "/a.db");
    Act r = makeAct("2026/200", {2026, 3, 5}, {2026, 3, 20}, "Rettifica dell'avviso n. 150/2026");
    std::vector<Act> first{r};
    ImportReport rep;
    rep.itemsImported = 1;
    applyAlboRules(first, rep, kDefaultMaxWindowDays);
    storeActs(db2, first, rep, now);
    CHECK(listActsAt(db2, now).front().rectifies == 0);
    storeActs(db2, {makeAct("2026/150", {2026, 3, 1}, {2026, 3, 16})}, {}, now);
    const auto later = listActsAt(db2, now);
    CHECK(find(later, "2026/200")->rectifies == find(later, "2026/150")->id);
}

TEST_CASE("the same act from two listings is shown once", "[albo][rules]") {
    Database db = Database::open(scratchDir("albo-duplicates") + "/a.db");
    const UnixSeconds now = at("2020-01-25T10:00:00Z");
    const auto j =
        importBuffer(db, "wp-albo", readAll(dataPath("albo/wp-albo-pretorio-on-line_repertorio_2020.json")),
                     "wp-json", now);
    const auto x = importBuffer(
        db, "wp-albo", readAll(dataPath("albo/wp-albo-pretorio-on-line_repertorio_2020.xml")), "wp-xml", now);
    CHECK(j.inserted == 14);
    CHECK(x.inserted == 14);
    CHECK(countActs(db) == 28);
    const auto acts = listActsAt(db, now);
    CHECK(uids(acts) == std::vector<std::string>{"2020/5", "2020/4", "2020/3", "2020/2"});

    // Within one listing the second copy is dropped and reported; an annulment seen in either
    // listing is kept.
    std::vector<Act> feed{makeAct("2026/9", {2026, 5, 1}, {2026, 5, 16}),
                          makeAct("2026/0009", {2026, 5, 1}, {2026, 5, 16})};
    ImportReport rep;
    rep.itemsImported = 2;
    applyAlboRules(feed, rep, kDefaultMaxWindowDays, {3, 8});
    CHECK(feed.size() == 1);
    REQUIRE(rep.issues.size() == 1);
    CHECK(rep.issues[0].position == 8);
    CHECK(rep.issues[0].reason.find("listed twice") != std::string::npos);
    CHECK(rep.itemsImported == 1);
    storeActs(db, feed, rep, now);
    Act other = makeAct("2026/9", {2026, 5, 1}, {2026, 5, 16});
    other.source = "other";
    other.annulled = true;
    other.annulReason = "errore";
    storeActs(db, {other}, {}, now);
    const auto may = listActsAt(db, at("2026-05-02T10:00:00Z"));
    REQUIRE(may.size() == 1);
    CHECK(may[0].annulled);
    CHECK(may[0].annulReason == "errore");
}

TEST_CASE("a listing longer than the maximum window is skipped and reported", "[albo][rules]") {
    Database db = Database::open(scratchDir("albo-trasparenza") + "/a.db");
    const std::string bytes = readAll(dataPath("albo/wp_rest_atti.json"));
    const ImportSummary s = importBuffer(db, "wp-albo", bytes, "wp", at("2026-03-07T09:00:00Z"));
    CHECK(s.report.itemsSeen == 5);
    CHECK(s.report.itemsImported == 3);
    const auto it = std::find_if(s.report.issues.begin(), s.report.issues.end(),
                                 [](const ImportIssue& i) { return i.item == "2026/90"; });
    REQUIRE(it != s.report.issues.end());
    CHECK(it->position == 5);
    CHECK(it->reason.find("1096 days, more than 60") != std::string::npos);
    CHECK(it->reason.find("not an albo publication") != std::string::npos);
    Statement issues = db.prepare("SELECT count(*) FROM import_issues WHERE item = '2026/90'");
    issues.step();
    CHECK(issues.integer(0) == 1);

    // The same act listed twice, first as a multi-year transparency entry: the albo listing is kept.
    std::vector<Act> twice{makeAct("2026/77", {2026, 2, 1}, {2031, 1, 31}),
                           makeAct("2026/77", {2026, 2, 1}, {2026, 2, 16})};
    ImportReport rep;
    rep.itemsImported = 2;
    applyAlboRules(twice, rep, kDefaultMaxWindowDays, {1, 2});
    REQUIRE(twice.size() == 1);
    CHECK(twice[0].pubEnd == CivilDate{2026, 2, 16});
    REQUIRE(rep.issues.size() == 1);
    CHECK(rep.issues[0].position == 1);
    CHECK(rep.issues[0].reason.find("transparency listing") != std::string::npos);

    // A configured maximum applies: with 2000 days the listing is accepted.
    Database db2 = Database::open(scratchDir("albo-trasparenza-2") + "/a.db");
    ImportOptions o;
    o.maxWindowDays = 2000;
    CHECK(importBuffer(db2, "wp-albo", bytes, "wp", at("2026-03-07T09:00:00Z"), o).inserted == 4);
    // The real Camerino feed has 30-day listings: within the default maximum.
    Database db3 = Database::open(scratchDir("albo-trasparenza-3") + "/a.db");
    const auto c =
        importBuffer(db3, "albopop-json", readAll(dataPath("albo/camerino_halley_albopop_feed_2017.json")),
                     "camerino", at("2017-04-15T10:00:00Z"));
    CHECK(c.inserted == 100);
    // Nothing skipped; its plain-http links are dropped (feed links are https or nothing).
    for (const ImportIssue& i : c.report.issues)
        CHECK_THAT(i.reason, Catch::Contains("\"http://") && Catch::Contains("\" dropped: "));
}

TEST_CASE("expired acts and their cached files are purged 24 hours after the window",
          "[albo][rules][purge]") {
    const std::string dir = scratchDir("albo-purge");
    Database db = Database::open(dir + "/a.db");
    // Simulated clock: the acts end on 16 and 20 March 2026.
    storeActs(
        db, {makeAct("2026/1", {2026, 3, 1}, {2026, 3, 16}), makeAct("2026/2", {2026, 3, 5}, {2026, 3, 20})},
        {}, at("2026-03-05T10:00:00Z"));
    const auto acts = listActsAt(db, at("2026-03-05T10:00:00Z"));
    REQUIRE(acts.size() == 2);
    const std::int64_t id1 = find(acts, "2026/1")->id, id2 = find(acts, "2026/2")->id;
    const std::string f1 = dir + "/att-1.pdf", f2 = dir + "/att-2.pdf", f3 = dir + "/att-1b.pdf";
    for (const auto& f : {f1, f2, f3}) REQUIRE(writeFileAtomic(f, "%PDF-1.4\n"));
    recordCachedFile(db, id1, f1);
    recordCachedFile(db, id1, f3);
    recordCachedFile(db, id2, f2);
    CHECK(cachedFiles(db, id1) == std::vector<std::string>{f1, f3});

    // 17 March 00:00 Rome: off the screen, but kept for the day.
    CHECK(listActsAt(db, at("2026-03-16T23:00:00Z")).size() == 1);
    CHECK(purgeExpiredActs(db, at("2026-03-17T22:59:59Z")).acts == 0);
    CHECK(countActs(db) == 2);
    // 18 March 00:00 Rome: 24 hours after the window ended.
    const PurgeResult r = purgeExpiredActs(db, at("2026-03-17T23:00:00Z"));
    CHECK(r.acts == 1);
    CHECK(r.files.size() == 2);
    CHECK(r.fileErrors.empty());
    CHECK_FALSE(std::filesystem::exists(f1));
    CHECK_FALSE(std::filesystem::exists(f3));
    CHECK(std::filesystem::exists(f2));
    CHECK(countActs(db) == 1);
    CHECK_FALSE(findAct(db, id1));
    Statement left = db.prepare("SELECT count(*) FROM act_files WHERE act_id = ?1");
    left.bind(1, id1);
    left.step();
    CHECK(left.integer(0) == 0);
    CHECK(purgeExpiredActs(db, at("2026-03-17T23:00:00Z")).acts == 0);  // idempotent

    // Imports purge too: a later import removes the second act once its time has come.
    const ImportSummary s = importBuffer(db, "wp-albo", "[]", "wp", at("2026-03-22T12:00:00Z"));
    CHECK(s.purged == 1);
    CHECK(countActs(db) == 0);
    CHECK_FALSE(std::filesystem::exists(f2));
}

TEST_CASE("vendor types map onto the AgID vocabulary and the screen's chips", "[albo][types]") {
    struct Case {
        const char* type;
        const char* subject;
        const char* code;
        const char* chip;
    };
    const Case cases[] = {
        {"Delibera", "", "A.02", "Delibere"},
        {"Deliberazione di Giunta Comunale", "", "A.02.02", "Delibere"},
        {"DELIBERE DI CONSIGLIO", "", "A.02.01", "Delibere"},
        {"Determina", "", "A.03", "Determinazioni"},
        {"Determine dirigenziali", "", "A.03.01", "Determinazioni"},
        {"Ordinanza", "", "A.04", "Ordinanze e decreti"},
        {"Ordinanza sindacale", "", "A.04.02", "Ordinanze e decreti"},
        {"Provvedimento Sindacale", "", "A.01.02", "Ordinanze e decreti"},
        {"Decreti", "", "A.01", "Ordinanze e decreti"},
        {"Avviso Di Deposito", "", "D.01.01", "Avvisi e bandi"},
        {"Avviso Pubblico", "", "D.01.02", "Avvisi e bandi"},
        {"Convocazione Consiglio Comunale", "", "D.01.02", "Avvisi e bandi"},
        {"Bandi di gara", "", "D.02.02", "Avvisi e bandi"},
        {"Concorsi e graduatorie", "", "D.02.01", "Concorsi"},
        {"Selezioni pubbliche", "", "D.02.01", "Concorsi"},
        {"Pubblicazioni di matrimonio", "", "C.03.01", "Pubblicazioni di matrimonio"},
        {"Stato civile", "Pubblicazione di matrimonio tra Rossi e Bianchi", "C.03.01",
         "Pubblicazioni di matrimonio"},
        {"Permessi di costruire", "", "B.01.01", "Altro"},
        {"Atti di altri enti", "", "E.01.01", "Altro"},
        // Generic types: the subject decides.
        {"ATTI AMMINISTRATIVI", "DETERMINAZIONE DIRIGENZIALE N. 12 - LIQUIDAZIONE", "A.03.01",
         "Determinazioni"},
        {"", "Ordinanza n. 5: divieto di sosta", "A.04", "Ordinanze e decreti"},
        {"Amministrazione", "Pubblicazione tabelle relative alla liquidazione", "D", "Altro"},
    };
    for (const Case& c : cases) {
        INFO(c.type << " / " << c.subject);
        const ActClass k = classifyActType(c.type, c.subject);
        CHECK(k.agidCode == c.code);
        CHECK(k.category == c.chip);
    }
    // Every code we know is in the published vocabulary, with the same label.
    const std::string csv = readAll(dataPath("albo/agid-municipal-notice-board-vocab.csv"));
    std::set<std::string> published;
    std::istringstream lines(csv);
    std::string line;
    while (std::getline(lines, line)) {
        const std::string code = line.substr(0, line.find(','));
        published.insert(code);
        if (code != "notation") {
            INFO(code);
            const size_t l1 = line.find(',', line.find(',') + 1);
            CHECK(line.substr(l1 + 1, line.find(',', l1 + 1) - l1 - 1) == agidLabel(code));
        }
    }
    for (const std::string& code : agidCodes()) CHECK(published.count(code) == 1);
    CHECK(published.size() == agidCodes().size() + 1);
}

TEST_CASE("chip counts and filters at an instant", "[albo][types]") {
    Database db = Database::open(scratchDir("albo-filters") + "/a.db");
    const UnixSeconds now = at("2017-04-20T10:00:00Z");
    importBuffer(db, "albopop-json", readAll(dataPath("albo/camerino_halley_albopop_feed_2017.json")),
                 "camerino", now);
    Act accented =
        makeAct("2017/5000", {2017, 4, 18}, {2017, 5, 2}, "Avviso: chiusura della Biblioteca di Città");
    accented.type = "Avviso";
    accented.unit = "Servizi Culturali";
    storeActs(db, {accented}, {}, now);

    const auto counts = countActsByCategory(db, now);
    REQUIRE(counts.size() == alboCategories().size());
    int total = 0;
    for (const auto& [chip, n] : counts) total += n;
    CHECK(total == 101);
    CHECK(counts[0] == std::make_pair(std::string("Delibere"), 10));
    CHECK(counts[2].first == "Ordinanze e decreti");
    CHECK(counts[2].second == 70);  // 69 "Ordinanza" + 1 "Provvedimento Sindacale"

    CHECK(listActsAt(db, now, AlboFilter{"Delibere", ""}).size() == 10);
    // Accent- and case-insensitive, on subject, type, unit and number.
    CHECK(uids(listActsAt(db, now, AlboFilter{"", "CITTA"})) == std::vector<std::string>{"2017/5000"});
    CHECK(uids(listActsAt(db, now, AlboFilter{"", "servizi cultur"})) ==
          std::vector<std::string>{"2017/5000"});
    CHECK(uids(listActsAt(db, now, AlboFilter{"", "1213"})) == std::vector<std::string>{"2017/1213"});
    CHECK(uids(listActsAt(db, now, AlboFilter{"Avvisi e bandi", "città"})) ==
          std::vector<std::string>{"2017/5000"});
    CHECK(listActsAt(db, now, AlboFilter{"Delibere", "città"}).empty());
    CHECK(listActsAt(db, now, AlboFilter{"", "proprieta'"}).size() > 5);
}
