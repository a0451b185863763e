// `vetrina import` and `vetrina list albo` with the new kinds, fields and filters, and the
// per-source options in the kiosk config.
#include "core/config/config.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace vt;
using vt::test::dataPath;
using vt::test::runCommand;
using vt::test::scratchDir;
using vt::test::vetrinaAt;

TEST_CASE("vetrina list albo: category, AgID code, annulment, rectification, then --category and --filter",
          "[albo][cli]") {
    const std::string db = scratchDir("albo-cli") + "/v.db";
    const std::string bin = VETRINA_BINARY;
    std::string out;
    REQUIRE(runCommand(vetrinaAt("2026-03-07T10:00:00+01:00") + " import --kind wp-albo --db " + db + " " +
                           dataPath("albo/wp_rest_atti.json") + " 2>&1",
                       &out) == 0);
    CHECK(out.find("2026/90") != std::string::npos);  // the transparency listing, reported
    CHECK(out.find("5 items, 3 imported") != std::string::npos);

    out.clear();
    REQUIRE(runCommand(bin + " list albo --json --db " + db + " --at 2026-03-07T10:00:00+01:00", &out) == 0);
    const auto all = nlohmann::json::parse(out);
    REQUIRE(all.size() == 3);
    nlohmann::json annulled, rect, corrected;
    for (const auto& a : all) {
        if (a["uid"] == "2026/125") annulled = a;
        if (a["uid"] == "2026/124") rect = a;
        if (a["uid"] == "2026/123") corrected = a;
    }
    CHECK(annulled["annulled"] == true);
    CHECK(annulled["annulled_on"] == "2026-03-06");
    CHECK(annulled["annul_reason"] == "Sostituita dall'ordinanza n. 130 per un errore nelle date");
    CHECK(annulled["category"] == "Ordinanze e decreti");
    CHECK(annulled["agid_code"] == "A.04.02");
    CHECK(rect["rectifies"] == corrected["id"]);
    CHECK(corrected["rectifies"].is_null());
    CHECK(corrected["annulled"] == false);
    CHECK(corrected["annulled_on"].is_null());
    CHECK(corrected["category"] == "Determinazioni");

    out.clear();
    REQUIRE(runCommand(bin + " list albo --json --db " + db +
                           " --at 2026-03-07T10:00:00+01:00 --category Determinazioni --filter 'SGOMBERO'",
                       &out) == 0);
    const auto filtered = nlohmann::json::parse(out);
    REQUIRE(filtered.size() == 1);
    CHECK(filtered[0]["uid"] == "2026/123");
    CHECK(runCommand(bin + " list albo --json --db " + db + " --category Sconosciuti 2>/dev/null") == 2);
}

TEST_CASE("config: per-source maximum window and field mapping", "[albo][config]") {
    const Config c = parseConfig(R"toml(
[town]
name = "Comune di Borgo Vetrina (demo)"
official_albo_url = "https://albo.example.invalid/"

[[source]]
name = "albo-fornitore"
kind = "mapped"
url = "https://example.invalid/api/atti"
max_window_days = 45

[source.mapping]
items = "/data/atti"
uid = "/numero"
subject = "/oggetto"
start = "/dal"
)toml",
                                 "/tmp/kiosk.toml");
    CHECK(c.town.officialAlboUrl == "https://albo.example.invalid/");
    REQUIRE(c.sources.size() == 1);
    CHECK(c.sources[0].maxWindowDays == 45);
    CHECK(c.sources[0].mapping.at("items") == "/data/atti");
    CHECK(c.sources[0].mapping.size() == 4);

    CHECK_THROWS_WITH(
        parseConfig("[[source]]\nname = \"a\"\nkind = \"mapped\"\nurl = \"x\"\n[source.mapping]\n"
                    "items = \"/a\"\nuid = \"/u\"\nsubject = \"/s\"\nstart = \"/d\"\ncolour = \"/c\"\n",
                    "k.toml"),
        Catch::Contains("k.toml:10:") && Catch::Contains("unknown key \"colour\""));
    CHECK_THROWS_WITH(parseConfig("[[source]]\nname = \"a\"\nkind = \"mapped\"\nurl = \"x\"\n", "k.toml"),
                      Catch::Contains("\"items\""));
    CHECK_THROWS_WITH(
        parseConfig("[[source]]\nname = \"a\"\nkind = \"albopop\"\nurl = \"x\"\nmax_window_days = 0\n",
                    "k.toml"),
        Catch::Contains("max_window_days"));
}
