#include "core/feeds/albopop_rss.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace vt;
using vt::test::dataPath;
using vt::test::readAll;

TEST_CASE("Ladispoli (Maggioli JCityGov): dd/mm/yyyy dates, uid with a dash, subType", "[albo][rss]") {
    const AlboFeed feed = parseAlboPopRss(readAll(dataPath("albo/ladispoli_albopop_feed.xml")), "ladispoli");
    REQUIRE_FALSE(feed.report.fatal);
    CHECK(feed.report.issues.empty());
    REQUIRE(feed.acts.size() == 20);
    CHECK(feed.channel.name == "Comune di Ladispoli");
    const Act& first = feed.acts.front();
    CHECK(first.uid == "2026/1345");
    CHECK(first.year == 2026);
    CHECK(first.number == "1345");
    CHECK(first.type == "DETERMINE");  // the subType, not the generic "ATTI AMMINISTRATIVI"
    CHECK(first.pubStart == CivilDate{2026, 5, 19});
    CHECK(first.pubEnd == CivilDate{2026, 6, 3});
    CHECK(first.link.find("ladispoli.trasparenza-valutazione-merito.it") != std::string::npos);
    CHECK(first.subject.rfind("DETERMINAZIONE DIRIGENZIALE", 0) == 0);
    REQUIRE_FALSE(first.attachments.empty());
    CHECK(first.attachments.front().mime == "application/pdf");
    CHECK(first.attachments.front().length == 0);
    const auto delibere = std::count_if(feed.acts.begin(), feed.acts.end(),
                                        [](const Act& a) { return a.type == "DELIBERE DI GIUNTA"; });
    CHECK(delibere == 7);
}

TEST_CASE("Camerino (Halley): scraping artefacts, odd RFC 822 spacing, several enclosures", "[albo][rss]") {
    const AlboFeed feed =
        parseAlboPopRss(readAll(dataPath("albo/camerino_halley_albopop_feed_2017.xml")), "camerino");
    REQUIRE_FALSE(feed.report.fatal);
    CHECK(feed.report.issues.empty());
    REQUIRE(feed.acts.size() == 100);
    const Act& first = feed.acts.front();
    CHECK(first.uid == "2017/1213");
    CHECK(first.type == "Ordinanza");
    CHECK(first.subject.rfind("SISMA 26-30 OTTOBRE 2016", 0) == 0);  // the leading '">' is gone
    CHECK(first.description.empty());                                // same as the title
    CHECK(first.pubStart == CivilDate{2017, 4, 14});
    CHECK(first.pubEnd == CivilDate{2017, 4, 29});
    REQUIRE(first.attachments.size() == 2);
    CHECK(first.attachments[0].length == 3000);
    for (const Act& a : feed.acts) {
        INFO(a.uid);
        CHECK(a.subject.find("\">") == std::string::npos);
        CHECK(a.subject.front() != '>');
        CHECK(a.pubStart <= a.pubEnd);
    }
    const auto ordinanze =
        std::count_if(feed.acts.begin(), feed.acts.end(), [](const Act& a) { return a.type == "Ordinanza"; });
    CHECK(ordinanze == 69);
}

TEST_CASE("bad items are reported with position, line and reason, then the good ones import", "[albo][rss]") {
    const AlboFeed feed = parseAlboPopRss(readAll(dataPath("albo/bad_items.xml")), "bad_items.xml");
    REQUIRE_FALSE(feed.report.fatal);
    REQUIRE(feed.acts.size() == 1);
    const Act& good = feed.acts.front();
    CHECK(good.subject == "Avviso di prova & verifica…");  // markup dropped, entities decoded
    CHECK(good.uid == "2026/7");
    CHECK(good.pubStart == CivilDate{2026, 3, 2});
    CHECK(good.pubEnd == CivilDate{2026, 3, 17});  // no pubEnd: start + 15 days
    REQUIRE(feed.report.issues.size() == 6);
    const auto& issues = feed.report.issues;
    CHECK(issues[0].position == 2);
    CHECK(issues[0].reason.find("no act number") != std::string::npos);
    CHECK(issues[0].line == 14);
    CHECK(issues[1].reason.find("\"settimo\" is not year/number") != std::string::npos);
    CHECK(issues[2].reason.find("no publication date") != std::string::npos);
    CHECK(issues[2].item == "2026/9");
    CHECK(issues[3].reason.find("before it starts") != std::string::npos);
    CHECK(issues[4].reason == "no title and no description");
    CHECK(issues[5].reason.find("unreadable start") != std::string::npos);
    CHECK(issues[5].describe().rfind("bad_items.xml:", 0) == 0);
}

TEST_CASE("not a feed at all is fatal and says why", "[albo][rss]") {
    AlboFeed a = parseAlboPopRss("<html><body>Errore 500</body></html>", "x");
    CHECK(a.report.fatal);
    CHECK(a.report.issues.at(0).reason.find("not an RSS feed") != std::string::npos);
    AlboFeed b = parseAlboPopRss("<rss><channel><item><title>tronc", "y");
    CHECK(b.report.fatal);
    CHECK(b.report.issues.at(0).reason.find("not valid XML") != std::string::npos);
    AlboFeed c = parseAlboPopRss("", "z");
    CHECK(c.report.fatal);
}

TEST_CASE("act numbers in every shape", "[albo]") {
    int y = 0;
    std::string n;
    CHECK(parseActUid("2026/1345", y, n));
    CHECK((y == 2026 && n == "1345"));
    CHECK(parseActUid("2026-1345", y, n));
    CHECK((y == 2026 && n == "1345"));
    CHECK(parseActUid(" 1345 / 2026 ", y, n));
    CHECK((y == 2026 && n == "1345"));
    CHECK_FALSE(parseActUid("1345", y, n));
    CHECK_FALSE(parseActUid("abc/def", y, n));
    CHECK_FALSE(parseActUid("/2026", y, n));
}
