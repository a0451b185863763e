#include "core/notices/news_feed.h"
#include "core/notices/notice_parser.h"
#include "core/notices/notice_store.h"
#include "core/schedule/signage.h"
#include "core/sources/importers.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace vt;
using vt::test::dataPath;
using vt::test::readAll;
using vt::test::scratchDir;

namespace {

UnixSeconds at(const char* iso) {
    return *parseIsoInstant(iso);
}
const HolidayCalendar kItaly;

ImportSummary importFile(Database& db, const char* kind, const std::string& path) {
    return importBuffer(db, kind, readAll(path), path, at("2026-11-01T00:00:00Z"));
}

Database demoNotices(const char* name) {
    Database db = Database::open(scratchDir(name) + "/v.db");
    for (const auto& f : std::filesystem::directory_iterator(VETRINA_SOURCE_DIR "/content/notices")) {
        const ImportSummary s = importFile(db, "notices", f.path().string());
        INFO(f.path());
        REQUIRE_FALSE(s.report.fatal);
        CHECK(s.report.issues.empty());
    }
    return db;
}

std::vector<std::string> slideIds(const AttractPlaylist& p) {
    std::vector<std::string> out;
    for (const Slide& s : p.slides) out.push_back(s.notice.uid);
    return out;
}

}  // namespace

TEST_CASE("a notice with front matter, English variant and an image scaled at import", "[notices]") {
    Database db = demoNotices("notices-demo");
    const auto shown = listNoticesAt(db, at("2026-11-23T10:00:00+01:00"), kItaly);
    const auto it =
        std::find_if(shown.begin(), shown.end(), [](const Notice& n) { return n.uid == "lavori-piazza"; });
    REQUIRE(it != shown.end());
    CHECK(it->priority == 10);
    CHECK(it->textFor("it").title == "Lavori in Piazza del Municipio");
    CHECK(it->textFor("en").title == "Road works in Piazza del Municipio");
    CHECK(it->textFor("de").title == "Lavori in Piazza del Municipio");
    CHECK(it->textFor("it").body.find("**31 gennaio**") != std::string::npos);
    CHECK(it->imageWidth == 1080);  // 1600x900 scaled to the panel width
    CHECK(it->imageHeight == 608);
    const auto png = noticeImage(db, it->imageHash);
    REQUIRE(png);
    CHECK(png->substr(1, 3) == "PNG");
    CHECK(it->when.validUntil == at("2027-02-01T00:00:00+01:00"));  // a date is inclusive
}

TEST_CASE("bad notices are reported with file and line, then a bad image drops only the image", "[notices]") {
    Database db = Database::open(scratchDir("notices-bad") + "/v.db");
    ImportSummary s = importFile(db, "notices", dataPath("signage/bad_front_matter.md"));
    CHECK(s.report.fatal);
    REQUIRE(s.report.issues.size() == 1);
    CHECK(s.report.issues[0].line == 3);
    CHECK(s.report.issues[0].reason.find("priority") != std::string::npos);
    s = importFile(db, "notices", dataPath("signage/bad_toml.md"));
    CHECK(s.report.fatal);
    CHECK(s.report.issues.at(0).line == 3);
    s = importFile(db, "notices", dataPath("signage/bad_show.md"));
    CHECK(s.report.fatal);
    CHECK(s.report.issues.at(0).line == 4);
    CHECK(s.report.issues.at(0).reason.find("25:00-26:00") != std::string::npos);
    s = importFile(db, "notices", dataPath("signage/bad_image.md"));
    CHECK_FALSE(s.report.fatal);
    REQUIRE(s.report.issues.size() == 1);
    CHECK(s.report.issues[0].line == 4);
    CHECK(s.report.issues[0].item == "con-immagine-rotta");
    CHECK(s.report.issues[0].reason.find("not a readable image") != std::string::npos);
    const auto shown = listNoticesAt(db, at("2026-11-23T10:00:00+01:00"), kItaly);
    REQUIRE(shown.size() == 1);
    CHECK(shown[0].imageHash.empty());
    ImportReport r;
    CHECK_FALSE(parseNoticeFile("no front matter", "x.md", nullptr, {}, r).notice);
    CHECK(r.issues.at(0).reason.find("+++") != std::string::npos);
}

TEST_CASE("image limits: too many pixels or bytes are refused", "[notices][images]") {
    const std::string png = readAll(VETRINA_SOURCE_DIR "/content/media/lavori-piazza.png");
    std::string error;
    ImageLimits small;
    small.maxSide = 1000;
    CHECK_FALSE(prepareImage(png, small, error));
    CHECK(error.find("1600x900") != std::string::npos);
    ImageLimits tiny;
    tiny.maxBytes = 100;
    CHECK_FALSE(prepareImage(png, tiny, error));
    ImageLimits thumb;
    thumb.outWidth = 160;
    auto img = prepareImage(png, thumb, error);
    REQUIRE(img);
    CHECK(img->width == 160);
    CHECK(img->height == 90);
    CHECK(img->hash.size() == 64);
}

TEST_CASE("attract playlist at various instants: priority, validity, dayparting past midnight",
          "[notices][playlist]") {
    Database db = demoNotices("notices-playlist");
    // Monday morning: the school bus notice (weekday mornings) and the night pharmacy (until 08:00).
    AttractPlaylist p = attractPlaylistAt(db, at("2026-11-23T07:30:00+01:00"), kItaly);
    CHECK(slideIds(p) ==
          std::vector<std::string>{"lavori-piazza", "tari-scadenza", "scuolabus-mattina", "farmacia-notte"});
    CHECK(p.nextChange == at("2026-11-23T08:00:00+01:00"));
    CHECK(p.slides[2].seconds == 10);  // explicit duration
    CHECK(p.slides[0].seconds >= 8);
    CHECK(p.slides[0].seconds <= 20);
    // Midday: only the two without dayparting.
    p = attractPlaylistAt(db, at("2026-11-23T12:00:00+01:00"), kItaly);
    CHECK(slideIds(p) == std::vector<std::string>{"lavori-piazza", "tari-scadenza"});
    CHECK(p.nextChange == at("2026-11-23T20:00:00+01:00"));
    // Saturday 01:00: the pharmacy window that started on Friday evening.
    p = attractPlaylistAt(db, at("2026-11-28T01:00:00+01:00"), kItaly);
    CHECK(slideIds(p) == std::vector<std::string>{"lavori-piazza", "tari-scadenza", "farmacia-notte"});
    // 8 December is a holiday: no school bus.
    p = attractPlaylistAt(db, at("2026-12-08T07:30:00+01:00"), kItaly);
    CHECK(slideIds(p) == std::vector<std::string>{"lavori-piazza", "tari-scadenza", "farmacia-notte"});
    // After the TARI deadline (valid_until 16 December, inclusive) and with the library's holiday notice.
    p = attractPlaylistAt(db, at("2026-12-17T12:00:00+01:00"), kItaly);
    CHECK(slideIds(p) == std::vector<std::string>{"lavori-piazza", "biblioteca-orari-feste"});
}

TEST_CASE("news from RSS 2.0 and Atom become plain-text notices for 14 days", "[notices][news]") {
    const NewsFeed rss = parseNewsFeed(readAll(dataPath("signage/news_rss.xml")), "news_rss.xml");
    REQUIRE_FALSE(rss.report.fatal);
    REQUIRE(rss.items.size() == 1);
    CHECK(rss.report.issues.size() == 2);
    const Notice& n = rss.items[0];
    CHECK(n.kind == "news");
    CHECK(n.texts[0].title == "Nuovo orario dello sportello & dei servizi");
    CHECK(n.texts[0].body.find("<") == std::string::npos);
    CHECK(n.texts[0].body.find("lunedì") != std::string::npos);
    CHECK(n.texts[0].body.find("alert(1)") == std::string::npos);
    CHECK(n.when.validUntil == at("2026-12-04T10:00:00+01:00"));
    const NewsFeed atom = parseNewsFeed(readAll(dataPath("signage/news_atom.xml")), "news_atom.xml");
    REQUIRE(atom.items.size() == 1);
    CHECK(atom.items[0].link == "https://comune.example/n/9");
    CHECK(atom.items[0].uid == "urn:n:9");
    CHECK(parseNewsFeed("<html><body/></html>", "x").report.fatal);
    CHECK(parseNewsFeed("<rss", "x").report.fatal);

    Database db = Database::open(scratchDir("notices-news") + "/v.db");
    REQUIRE_FALSE(importFile(db, "news", dataPath("signage/news_rss.xml")).report.fatal);
    CHECK(listNoticesAt(db, at("2026-11-23T10:00:00+01:00"), kItaly).size() == 1);
    CHECK(listNoticesAt(db, at("2026-12-05T10:00:00+01:00"), kItaly).empty());
    clearSource(db, dataPath("signage/news_rss.xml"));
    CHECK(listNoticesAt(db, at("2026-11-23T10:00:00+01:00"), kItaly).empty());
}

TEST_CASE("signage state: takeover above everything, sleep hours, next change", "[notices][signage]") {
    Database db = demoNotices("notices-signage");
    const std::string tpl = VETRINA_SOURCE_DIR "/content/alerts/templates/evacuazione.xml";
    REQUIRE_FALSE(importFile(db, "cap-template", tpl).report.fatal);
    SignageContext ctx;
    ctx.screen = ScreenSchedule(OpeningHours::parse("Mo-Su 23:00-06:00"), kItaly);
    SignageState s = signageStateAt(db, ctx, at("2026-11-23T02:00:00+01:00"));
    CHECK(s.asleep);
    CHECK_FALSE(s.takeover);
    CHECK(s.nextChange ==
          at("2026-11-23T06:00:00+01:00"));  // wake up (the notices change at 06:30 and 08:00)
    const ImportSummary t = importBuffer(db, "alert-trigger",
                                         R"({"template": "evacuazione", "sent": "2026-11-23T01:30:00+01:00",
                                             "expires": "2026-11-23T04:00:00+01:00", "area": "Via del Porto"})",
                                         "trigger", at("2026-11-23T00:30:00Z"));
    REQUIRE_FALSE(t.report.fatal);
    s = signageStateAt(db, ctx, at("2026-11-23T02:00:00+01:00"));
    REQUIRE(s.takeover);
    CHECK(s.takeover->info.headline == "Evacuazione: Via del Porto");
    CHECK_FALSE(s.asleep);  // an emergency wakes the screen
    CHECK(s.nextChange == at("2026-11-23T04:00:00+01:00"));
    s = signageStateAt(db, ctx, at("2026-11-23T04:00:00+01:00"));
    CHECK_FALSE(s.takeover);
    CHECK(s.asleep);
}
