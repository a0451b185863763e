// Issue 14 point 10: zero-width, bidi-control and combining characters were drawn as "?", and
// Hebrew or Arabic text as rows of "?". Imported text is now made drawable in core.
#include "core/util/readable_text.h"
#include "core/feeds/feed_text.h"
#include "core/notices/news_feed.h"
#include "core/util/text.h"
#include "test_support.h"

#include <catch2/catch.hpp>

using namespace vt;
using namespace vt::test;

namespace {
// Every code point of the text is one the kiosk's fonts draw.
bool allDrawable(const std::string& s) {
    for (size_t i = 0; i < s.size();)
        if (!isDrawable(nextCodepoint(s, i))) return false;
    return true;
}
const std::string kMarker(kUndrawableMarker);
}  // namespace

TEST_CASE("readable text: zero-width and bidi controls are removed", "[text][readable]") {
    // ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen, LRM, RLM, RLO...PDF, LRI...PDI
    const std::string hidden =
        "Av\u200Bvi\u200Cso\u200D \u2060al\uFEFFbo\u00AD \u200Epub\u200F\u202Eblico\u202C "
        "\u2066ok\u2069";
    CHECK(cleanFeedText(hidden) == "Avviso albo pubblico ok");
    CHECK(sanitizeUtf8("a\u200Bb\u202Ec") == "abc");
}

TEST_CASE("readable text: combining marks compose with their letter, or are dropped", "[text][readable]") {
    // "citta" + U+0300, "perche" + U+0301, "E" + U+0300: precomposed forms the font has.
    CHECK(collapseWhitespace("citta\u0300 perche\u0301 E\u0300") == "città perché È");
    CHECK(collapseWhitespace("s\u030C") == "š");  // Latin Extended-A
    // No precomposed form (q + acute; stacked marks of "Zalgo" text): the marks go.
    CHECK(collapseWhitespace("q\u0301") == "q");
    CHECK(collapseWhitespace("Z\u0351\u036Ba\u0357\u035Bl\u0353go") == "Zalgo");
    CHECK(allDrawable(collapseWhitespace("e\u0301\u0302\u20DD")));
}

TEST_CASE("readable text: a script the fonts cannot draw becomes one marker per run", "[text][readable]") {
    // Hebrew and Arabic words, with the RLM and ALM their authors put around them.
    CHECK(collapseWhitespace("Orari \u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD\u200F: 9-12") ==
          "Orari " + kMarker + ": 9-12");
    CHECK(collapseWhitespace("\u0645\u0631\u062D\u0628\u0627 \u061C\u0628\u0643\u0645 - Benvenuti") ==
          kMarker + " - Benvenuti");
    CHECK(collapseWhitespace("\u0391\u03B8\u03AE\u03BD\u03B1 e Roma") == kMarker + " e Roma");
    const std::string mixed = collapseWhitespace("Avviso \u05D0\u200B\u0627\u0301 \u4E2D\u6587 fine");
    CHECK(mixed == "Avviso " + kMarker + " fine");
    CHECK(allDrawable(mixed));
    // What the kiosk draws stays as it was: Italian, punctuation, the euro, its symbols.
    const std::string italian = "Perché l'«albo» costa 5 € – sì → ✓";
    CHECK(collapseWhitespace(italian) == italian);
}

TEST_CASE("readable text: a news feed yields only what the kiosk can draw", "[text][readable]") {
    const std::string rss =
        "<rss><channel><title>Notizie</title><item><title>Festa\u200B della citta\u0300 "
        "\u05E9\u05DC\u05D5\u05DD</title><description>Programma \u202Eal contrario\u202C</description>"
        "<guid>1</guid></item></channel></rss>";
    const NewsFeed feed = parseNewsFeed(rss, "news.xml");
    REQUIRE(feed.items.size() == 1);
    const NoticeText& t = feed.items[0].texts.at(0);
    CHECK(t.title == "Festa della città " + kMarker);
    CHECK(t.body == "Programma al contrario");
    CHECK(allDrawable(t.shortText));
}
