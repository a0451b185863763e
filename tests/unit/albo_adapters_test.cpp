// Every albo adapter on the real samples (counts, fields, reported bad items) and on our
// fixtures in the vendors' shapes.
#include "core/feeds/albopop_json.h"
#include "core/feeds/albopop_rss.h"
#include "core/feeds/mapped_feed.h"
#include "core/feeds/wp_albo.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace vt;
using vt::test::dataPath;
using vt::test::readAll;

namespace {
const Act* byUid(const AlboFeed& f, const std::string& uid) {
    for (const Act& a : f.acts)
        if (a.uid == uid) return &a;
    return nullptr;
}
bool hasIssue(const AlboFeed& f, const std::string& item, const std::string& words) {
    return std::any_of(f.report.issues.begin(), f.report.issues.end(), [&](const ImportIssue& i) {
        return i.item == item && i.reason.find(words) != std::string::npos;
    });
}
}  // namespace

TEST_CASE("AlboPOP JSON (Camerino, Halley): all 100 acts with clean fields", "[albo][adapters]") {
    const AlboFeed feed =
        parseAlboPopJson(readAll(dataPath("albo/camerino_halley_albopop_feed_2017.json")), "camerino");
    REQUIRE_FALSE(feed.report.fatal);
    CHECK(feed.report.issues.empty());
    CHECK(feed.report.itemsSeen == 100);
    CHECK(feed.acts.size() == 100);
    CHECK(feed.channel.name == "Comune di Camerino");
    CHECK(feed.channel.municipality == "Camerino");
    const Act* a = byUid(feed, "2017/1213");
    REQUIRE(a);
    // "&quote;>SISMA..." : the bogus entity and the scraping artefact are gone.
    CHECK(a->subject.rfind("SISMA 26-30 OTTOBRE 2016 - EDIFICIO NON UTILIZZABILE", 0) == 0);
    CHECK(a->description.empty());  // same as the title
    CHECK(a->type == "Ordinanza");
    CHECK(a->guid == "12471");  // a JSON number in the feed
    CHECK(a->pubStart == CivilDate{2017, 4, 14});
    CHECK(a->pubEnd == CivilDate{2017, 4, 29});
    REQUIRE(a->attachments.size() == 2);
    CHECK(a->attachments[0].mime == "application/pdf");
    CHECK(a->attachments[0].length == 3000);
    for (const Act& x : feed.acts) {
        CHECK(x.subject.find("\">") == std::string::npos);
        CHECK(x.subject.find("&quote;") == std::string::npos);
    }
}

TEST_CASE("AlboPOP JSON and RSS of the same Camerino feed give the same acts", "[albo][adapters]") {
    const AlboFeed json =
        parseAlboPopJson(readAll(dataPath("albo/camerino_halley_albopop_feed_2017.json")), "c");
    const AlboFeed rss =
        parseAlboPopRss(readAll(dataPath("albo/camerino_halley_albopop_feed_2017.xml")), "c");
    REQUIRE(json.acts.size() == rss.acts.size());
    for (const Act& r : rss.acts) {
        const Act* j = byUid(json, r.uid);
        REQUIRE(j);
        CHECK(j->subject == r.subject);
        CHECK(j->pubStart == r.pubStart);
        CHECK(j->pubEnd == r.pubEnd);
        CHECK(j->attachments.size() == r.attachments.size());
    }
}

TEST_CASE("AlboPOP JSON: not JSON and not a feed are fatal, bad items are reported", "[albo][adapters]") {
    AlboFeed f = parseAlboPopJson("{\"rss\": {\"channel\": {\"item\": [", "broken.json");
    CHECK(f.report.fatal);
    REQUIRE(f.report.issues.size() == 1);
    CHECK(f.report.issues[0].reason.find("not valid JSON") == 0);
    f = parseAlboPopJson("{\"hello\": 1}", "other.json");
    CHECK(f.report.fatal);
    f = parseAlboPopJson(R"({"rss":{"channel":{"item":[
        {"title":"Buono","uid":"2026/1","pubStart":"2026-03-01"},
        {"title":"Senza numero","pubStart":"2026-03-01"},
        {"title":"Data rotta","uid":"2026/3","pubStart":"2026-13-45"},
        7]}}})",
                         "mixed.json");
    CHECK_FALSE(f.report.fatal);
    CHECK(f.acts.size() == 1);
    CHECK(f.acts[0].pubEnd == CivilDate{2026, 3, 16});  // AlboPOP default: 15 days
    CHECK(f.report.issues.size() == 3);
    CHECK(hasIssue(f, "Senza numero", "no act number"));
    CHECK(hasIssue(f, "2026/3", "unreadable start"));
    CHECK(f.report.issues.back().position == 4);
}

TEST_CASE("WordPress Albo Pretorio On line: the 2020 repertorio, JSON and XML alike", "[albo][adapters]") {
    for (const char* file : {"albo/wp-albo-pretorio-on-line_repertorio_2020.json",
                             "albo/wp-albo-pretorio-on-line_repertorio_2020.xml"}) {
        INFO(file);
        const AlboFeed feed = parseWpAlbo(readAll(dataPath(file)), "wp");
        REQUIRE_FALSE(feed.report.fatal);
        CHECK(feed.report.issues.empty());
        CHECK(feed.acts.size() == 14);
        const Act* a = byUid(feed, "2020/1");  // "0000001": padding removed
        REQUIRE(a);
        CHECK(a->number == "1");
        CHECK(a->subject.find("per l'assunzione a T.I.") != std::string::npos);  // "l\\'" cleaned
        CHECK(a->subject.find('\\') == std::string::npos);
        CHECK(a->type == "Concorsi e graduatorie");
        CHECK(a->pubStart == CivilDate{2020, 1, 9});
        CHECK(a->pubEnd == CivilDate{2020, 1, 24});
        CHECK_FALSE(a->annulled);  // "0000-00-00"
        CHECK_FALSE(a->annulledOn);
        CHECK(a->description == "Riferimento: m_pi.AOOUSPVA.REGISTRO UFFICIALE(U).0000096.09-01-2020");
        const Act* b = byUid(feed, "2020/8");  // a "\r\n" at the end of the subject
        REQUIRE(b);
        CHECK(b->subject == "Bando 2200 del 06/12/2019 calendario sedute commissione");
        const Act* c = byUid(feed, "2020/14");
        REQUIRE(c);
        CHECK(c->unit == "Uffcio personale");
        for (const Act& x : feed.acts) CHECK_FALSE(x.annulled);
    }
}

TEST_CASE("WordPress REST API list: annulled, rectification, bad date", "[albo][adapters]") {
    const AlboFeed feed = parseWpAlbo(readAll(dataPath("albo/wp_rest_atti.json")), "wp-rest");
    REQUIRE_FALSE(feed.report.fatal);
    CHECK(feed.report.itemsSeen == 5);
    CHECK(feed.acts.size() == 4);  // the transparency listing is refused later, by the rules
    CHECK(hasIssue(feed, "2026/0000126", "unreadable start of publication \"31/02/2026\""));
    const Act* annulled = byUid(feed, "2026/125");
    REQUIRE(annulled);
    CHECK(annulled->annulled);
    CHECK(annulled->annulledOn == CivilDate{2026, 3, 6});
    CHECK(annulled->annulReason == "Sostituita dall'ordinanza n. 130 per un errore nelle date");
    CHECK(annulled->link == "https://example.invalid/albo/?numero=125&anno=2026&titolo=");
    const Act* rect = byUid(feed, "2026/124");
    REQUIRE(rect);
    CHECK_FALSE(rect->annulled);                                                 // MotivoAnnullamento null
    CHECK(rect->description == "Sostituisce l'allegato pubblicato il 2 marzo");  // literal \\r\\n

    // An empty page of the API is [paging, []].
    const AlboFeed empty =
        parseWpAlbo(R"([{"TotAtti":0,"NumPagine":0,"Pagina":1,"AttiPagina":10},[]])", "wp");
    CHECK_FALSE(empty.report.fatal);
    CHECK(empty.acts.empty());
    CHECK(parseWpAlbo("{\"code\":\"rest_no_route\"}", "wp").report.fatal);
    CHECK(parseWpAlbo("<html><body>404</body></html>", "wp").report.fatal);
}

TEST_CASE("WordPress REST API single act: category object and attachments", "[albo][adapters]") {
    const AlboFeed feed = parseWpAlbo(readAll(dataPath("albo/wp_rest_atto.json")), "wp");
    REQUIRE(feed.acts.size() == 1);
    const Act& a = feed.acts[0];
    CHECK(a.uid == "2026/7");
    CHECK(a.type == "Stato civile");
    REQUIRE(a.attachments.size() == 1);
    CHECK(a.attachments[0].url == "https://example.invalid/wp-content/uploads/AlboOnline/avviso.pdf");
    CHECK(a.attachments[0].mime == "application/pdf");
}

TEST_CASE("mapped JSON: a vendor's list by JSON pointers", "[albo][adapters]") {
    const FieldMapping m{{"items", "/data/atti"},
                         {"number", "/numero"},
                         {"year", "/anno"},
                         {"subject", "/oggetto"},
                         {"type", "/tipo"},
                         {"unit", "/ufficio"},
                         {"start", "/pubblicazione/dal"},
                         {"end", "/pubblicazione/al"},
                         {"link", "/url"},
                         {"annulled", "/annullato"},
                         {"annul_reason", "/motivo"},
                         {"attachments", "/allegati"},
                         {"attachment_url", "/href"},
                         {"attachment_type", "/mime"}};
    CHECK(checkMapping(m).empty());
    const AlboFeed feed = parseMappedFeed(readAll(dataPath("albo/mapped_vendor.json")), m, "vendor");
    REQUIRE_FALSE(feed.report.fatal);
    CHECK(feed.report.itemsSeen == 4);
    REQUIRE(feed.acts.size() == 2);
    const Act& a = feed.acts[0];
    CHECK(a.uid == "2026/41");
    CHECK(a.unit == "Segreteria generale");
    CHECK(a.pubStart == CivilDate{2026, 6, 10});
    CHECK(a.pubEnd == CivilDate{2026, 6, 25});
    REQUIRE(a.attachments.size() == 1);
    CHECK(a.attachments[0].mime == "application/pdf");
    const Act& b = feed.acts[1];
    CHECK(b.subject == "Avviso pubblico per la concessione di contributi alle associazioni");
    CHECK(b.annulled);
    CHECK_FALSE(b.annulledOn);
    CHECK(b.annulReason == "Ritirato in autotutela");
    CHECK(hasIssue(feed, "2026/43", "no start of publication"));
    CHECK(feed.report.issues.size() == 2);
    CHECK(feed.report.issues[1].position == 4);
}

TEST_CASE("mapped: the real Camerino JSON and WordPress XML through mappings", "[albo][adapters]") {
    const FieldMapping json{{"items", "/rss/channel/item"},
                            {"uid", "/uid"},
                            {"subject", "/title"},
                            {"type", "/type"},
                            {"start", "/pubStart"},
                            {"end", "/pubEnd"},
                            {"link", "/link"},
                            {"attachments", "/enclosure"},
                            {"attachment_url", "/url"}};
    const AlboFeed c =
        parseMappedFeed(readAll(dataPath("albo/camerino_halley_albopop_feed_2017.json")), json, "c");
    CHECK(c.acts.size() == 100);
    CHECK(c.report.issues.empty());
    REQUIRE(byUid(c, "2017/1213"));
    CHECK(byUid(c, "2017/1213")->attachments.size() == 2);
    CHECK(byUid(c, "2017/1213")->subject.rfind("SISMA", 0) == 0);

    const FieldMapping xml{{"items", "/Repertorio/Atti/Atto"},
                           {"number", "Numero_Atto"},
                           {"year", "/Repertorio/Meta_dati/Anno"},
                           {"subject", "Oggetto"},
                           {"start", "Data_Inizio"},
                           {"end", "Data_Fine"},
                           {"annulled_on", "Data_Annullamento"},
                           {"type", "Categoria"}};
    const AlboFeed w =
        parseMappedFeed(readAll(dataPath("albo/wp-albo-pretorio-on-line_repertorio_2020.xml")), xml, "w");
    REQUIRE_FALSE(w.report.fatal);
    CHECK(w.acts.size() == 14);
    REQUIRE(byUid(w, "2020/13"));
    CHECK(byUid(w, "2020/13")->subject == "Bando reclutamento formatori");
    CHECK_FALSE(byUid(w, "2020/13")->annulled);
}

TEST_CASE("mapped XML: attributes, nested markup, several files, then bad mappings are fatal",
          "[albo][adapters]") {
    const FieldMapping m{
        {"items", "//atto"},          {"uid", "@id"},           {"subject", "titolo"},  {"type", "tipo"},
        {"start", "periodo/@inizio"}, {"end", "periodo/@fine"}, {"attachments", "file"}};
    const AlboFeed f = parseMappedFeed(readAll(dataPath("albo/mapped_vendor.xml")), m, "x");
    REQUIRE(f.acts.size() == 1);
    CHECK(f.acts[0].subject == "Ordinanza dirigenziale: divieto di transito in piazza");
    CHECK(f.acts[0].attachments.size() == 2);
    CHECK(hasIssue(f, "senza-numero", "is not year/number"));
    CHECK(f.report.issues[0].line == 5);

    CHECK(checkMapping({{"items", "/a"}, {"uid", "/u"}, {"subject", "/s"}, {"start", "/d"}, {"colour", "/c"}})
              .find("unknown key \"colour\"") != std::string::npos);
    CHECK(!checkMapping({{"uid", "/u"}, {"subject", "/s"}, {"start", "/d"}}).empty());
    const AlboFeed bad =
        parseMappedFeed("{}", {{"items", "/x"}, {"uid", "/u"}, {"subject", "/s"}, {"start", "/d"}}, "b");
    CHECK(bad.report.fatal);
    CHECK(bad.report.issues[0].reason.find("no list of acts at \"/x\"") != std::string::npos);
    const AlboFeed badXpath =
        parseMappedFeed("<a/>", {{"items", "//["}, {"uid", "u"}, {"subject", "s"}, {"start", "d"}}, "b");
    CHECK(badXpath.report.fatal);
}
