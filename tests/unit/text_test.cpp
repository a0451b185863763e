#include "core/util/text.h"
#include "core/feeds/feed_text.h"

#include <catch2/catch.hpp>

using namespace vt;

TEST_CASE("entities are decoded, including the bogus &quote,", "[text]") {
    CHECK(decodeEntities("Citt&agrave; &amp; comune") == "Città & comune");
    CHECK(decodeEntities("&#233;&#xE8;&euro;") == "éè€");
    CHECK(decodeEntities("&quote;Piano&quote;") == "\"Piano\"");
    CHECK(decodeEntities("AT&T &unknown; &") == "AT&T &unknown; &");
    CHECK(decodeEntities("&#0; &#xD800; &#99999999;") == "&#0; &#xD800; &#99999999;");
}

TEST_CASE("HTML becomes plain text, never markup", "[text]") {
    CHECK(plainTextFromHtml("<p>Primo</p><p>Secondo <b>grassetto</b></p>") == "Primo\n\nSecondo grassetto");
    CHECK(plainTextFromHtml("a<br/>b") == "a\n\nb");
    CHECK(plainTextFromHtml("<script>alert(1)</script>testo") == "alert(1) testo");
    CHECK(plainTextFromHtml("3 < 5 e 7 > 2") == "3 < 5 e 7 > 2");
    CHECK(plainTextFromHtml("  molto    spazio\t\n qui ") == "molto spazio qui");
}

TEST_CASE("scraping artefacts are removed from feed text", "[text]") {
    CHECK(cleanFeedText("\"&gt;SISMA 26-30 OTTOBRE 2016") == "SISMA 26-30 OTTOBRE 2016");
    CHECK(cleanFeedText("l\\'anagrafe") == "l'anagrafe");
    CHECK(cleanFeedText("riga uno\\r\\nriga due") == "riga uno riga due");
    CHECK(cleanFeedText("Atto > importante") == "Atto > importante");
}

TEST_CASE("invalid UTF-8 is replaced, control characters dropped", "[text]") {
    CHECK(sanitizeUtf8("ok\xff\xfe") == "ok\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(sanitizeUtf8("a\x01"
                       "b\nc") == "ab\nc");
    CHECK(sanitizeUtf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
}

TEST_CASE("folding for matches removes case and accents", "[text]") {
    CHECK(foldForMatch("Città È Perché") == "citta e perche");
    CHECK(foldForMatch("dell’anagrafe") == "dell'anagrafe");
}

TEST_CASE("feed days from every date shape", "[text][time]") {
    CHECK(parseFeedDay("19/05/2026") == CivilDate{2026, 5, 19});
    CHECK(parseFeedDay("2026-05-19") == CivilDate{2026, 5, 19});
    CHECK(parseFeedDay("Fri, 14 Apr 2017 00:00:00  +0200") == CivilDate{2017, 4, 14});
    // 23:30 UTC is already the next day in Rome.
    CHECK(parseFeedDay("Tue, 19 May 2026 23:30:00 +0000") == CivilDate{2026, 5, 20});
    CHECK(parseFeedDay("2026-05-19T23:30:00Z") == CivilDate{2026, 5, 20});
    CHECK(parseFeedDay("19/05/2026 10:30") == CivilDate{2026, 5, 19});
    CHECK_FALSE(parseFeedDay("0000-00-00"));
    CHECK_FALSE(parseFeedDay(""));
    CHECK_FALSE(parseFeedDay("domani"));
}

#include "core/util/italian_format.h"

TEST_CASE("dates, times and sizes in Italian", "[text][format]") {
    CHECK(vt::formatDateWithWeekdayIt({2026, 11, 23}) == "lunedì 23 novembre 2026");
    CHECK(vt::formatDateShortIt({2026, 3, 5}) == "05/03/2026");
    CHECK(vt::formatTimeIt(8, 5) == "08:05");
    CHECK(vt::formatBytesIt(512) == "512 byte");
    CHECK(vt::formatBytesIt(120 * 1024) == "120 kB");
    CHECK(vt::formatBytesIt(1536LL * 1024) == "1,5 MB");
    CHECK(vt::formatBytesIt(80LL * 1024 * 1024 * 1024) == "80,0 GB");
}
