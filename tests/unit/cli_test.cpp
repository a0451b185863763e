// The `vetrina import` and `vetrina list albo` commands on every real sample.
#include "core/feeds/albopop_rss.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>

using namespace vt;
using vt::test::dataPath;
using vt::test::runCommand;
using vt::test::scratchDir;
using vt::test::vetrinaAt;

namespace {

nlohmann::json listAt(const std::string& db, const std::string& at) {
    std::string out;
    REQUIRE(runCommand(std::string(VETRINA_BINARY) + " list albo --db " + db + " --at " + at + " --json",
                       &out) == 0);
    return nlohmann::json::parse(out);
}

std::set<std::string> uids(const nlohmann::json& list) {
    std::set<std::string> s;
    for (const auto& a : list) s.insert(a["uid"].get<std::string>());
    return s;
}

}  // namespace

TEST_CASE("import and list: Ladispoli gives exactly the acts in their window", "[cli][albo]") {
    const std::string db = scratchDir("cli-ladispoli") + "/v.db";
    std::string out;
    REQUIRE(runCommand(vetrinaAt("2026-05-20T08:00:00+02:00") + " import --kind albopop --db " + db + " " +
                           dataPath("albo/ladispoli_albopop_feed.xml") + " 2>&1",
                       &out) == 0);
    CHECK(out.find("20 items, 20 imported") != std::string::npos);

    const auto during = listAt(db, "2026-05-25T12:00:00+02:00");
    REQUIRE(during.size() == 20);
    const auto& first = during.at(0);
    for (const char* key :
         {"id", "uid", "type", "title", "unit", "pub_start", "pub_end", "link", "attachments"})
        CHECK(first.contains(key));
    CHECK(first["uid"] == "2026/1345");
    CHECK(first["pub_start"] == "2026-05-19");
    CHECK(first["pub_end"] == "2026-06-03");
    CHECK(first["attachments"].at(0)["type"] == "application/pdf");

    // The window from the feed itself, checked with hand-read dates of this sample.
    CHECK(listAt(db, "2026-05-18T23:59:59+02:00").empty());  // before the first day of any act
    const auto lastDay = uids(listAt(db, "2026-06-03T23:59:59+02:00"));
    const auto afterwards = uids(listAt(db, "2026-06-04T00:00:00+02:00"));
    CHECK(lastDay.count("2026/1345") == 1);
    CHECK(afterwards.count("2026/1345") == 0);
    CHECK(afterwards.size() < lastDay.size());
}

TEST_CASE("import and list: Camerino, with UTC instants that are another day in Rome", "[cli][albo]") {
    const std::string db = scratchDir("cli-camerino") + "/v.db";
    REQUIRE(runCommand(vetrinaAt("2017-04-01T12:00:00+02:00") + " import --kind albopop --db " + db + " " +
                       dataPath("albo/camerino_halley_albopop_feed_2017.xml") + " >/dev/null") == 0);
    // 2017/1213 runs from 14 to 29 April 2017 (Rome days).
    CHECK(uids(listAt(db, "2017-04-13T21:59:59Z")).count("2017/1213") == 0);  // 23:59:59 of the 13th in Rome
    CHECK(uids(listAt(db, "2017-04-13T22:00:00Z")).count("2017/1213") == 1);  // midnight in Rome
    CHECK(uids(listAt(db, "2017-04-29T21:59:59Z")).count("2017/1213") == 1);
    CHECK(uids(listAt(db, "2017-04-29T22:00:00Z")).count("2017/1213") == 0);
    // Every listed act is inside its window at that instant, and every act in its window is listed.
    const AlboFeed feed =
        parseAlboPopRss(vt::test::readAll(dataPath("albo/camerino_halley_albopop_feed_2017.xml")), "c");
    for (const char* at : {"2017-04-01T12:00:00+02:00", "2017-04-14T00:00:00+02:00",
                           "2017-04-20T12:00:00+02:00", "2017-05-01T12:00:00+02:00"}) {
        INFO(at);
        std::set<std::string> expected;
        const CivilDate day = romeDate(*parseIsoInstant(at));
        for (const Act& a : feed.acts)
            if (a.pubStart <= day && day <= a.pubEnd) expected.insert(a.uid);
        CHECK(uids(listAt(db, at)) == expected);
    }
}

TEST_CASE("import reports bad items with file and line and keeps the good ones", "[cli][albo]") {
    const std::string db = scratchDir("cli-bad") + "/v.db";
    std::string out;
    const int rc = runCommand(vetrinaAt("2026-03-05T12:00:00+01:00") + " import --kind albopop --db " + db +
                                  " " + dataPath("albo/bad_items.xml") + " 2>&1",
                              &out);
    CHECK(rc == 0);
    CHECK(out.find("bad_items.xml:14: item 2 (Senza numero): no act number") != std::string::npos);
    CHECK(out.find("7 items, 1 imported") != std::string::npos);
    CHECK(listAt(db, "2026-03-05T12:00:00+01:00").size() == 1);
}

TEST_CASE("a broken feed imports nothing and keeps the cache", "[cli][albo]") {
    const std::string dir = scratchDir("cli-broken");
    const std::string db = dir + "/v.db";
    REQUIRE(runCommand(vetrinaAt("2026-05-20T08:00:00+02:00") + " import --kind albopop --db " + db + " " +
                       dataPath("albo/ladispoli_albopop_feed.xml") + " >/dev/null") == 0);
    std::string out;
    {
        FILE* f = std::fopen((dir + "/broken.xml").c_str(), "w");
        std::fputs("<rss><channel><item><title>troncato", f);
        std::fclose(f);
    }
    CHECK(runCommand(vetrinaAt("2026-05-20T08:00:00+02:00") + " import --kind albopop --db " + db + " " +
                         dir + "/broken.xml 2>&1",
                     &out) == 1);
    CHECK(out.find("not valid XML") != std::string::npos);
    CHECK(out.find("the cache is unchanged") != std::string::npos);
    CHECK(listAt(db, "2026-05-25T12:00:00+02:00").size() == 20);
}

TEST_CASE("commands refuse bad arguments with a clear message", "[cli]") {
    std::string out;
    CHECK(runCommand(std::string(VETRINA_BINARY) + " import --kind nope --db /tmp/x.db f 2>&1", &out) == 2);
    CHECK(out.find("unknown --kind \"nope\"") != std::string::npos);
    out.clear();
    CHECK(runCommand(std::string(VETRINA_BINARY) + " list albo --db /nonexistent/v.db --json 2>&1", &out) ==
          1);
    CHECK(out.find("cannot open database") != std::string::npos);
    out.clear();
    CHECK(runCommand(std::string(VETRINA_BINARY) + " list albo --db x --at yesterday 2>&1", &out) == 2);
    out.clear();
    CHECK(runCommand(std::string(VETRINA_BINARY) + " frobnicate 2>&1", &out) == 2);
    CHECK(out.find("unknown command") != std::string::npos);
}
