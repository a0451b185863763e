// Issue 14, point 5: "http://127.0.0.1:x@evil.example/" is plain http to evil.example. Every URL
// the kiosk fetches, posts to or shows is decided on the host libcurl really uses, credentials in
// a URL are refused everywhere, and links from feeds must be https or are dropped and reported.
#include "core/util/url_policy.h"

#include "core/albo/albo_store.h"
#include "core/config/config.h"
#include "core/fleet/http_post.h"
#include "core/qr/qr_code.h"
#include "core/sources/importers.h"
#include "core/sync/http_fetch.h"
#include "test_support.h"

#include <catch2/catch.hpp>

using namespace vt;
using namespace vt::test;

namespace {

const char* const kDisguised = "http://127.0.0.1:x@evil.example/manifest.json";

std::string configError(const std::string& text) {
    try {
        parseConfig(text, "k.toml");
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "accepted";
}

}  // namespace

TEST_CASE("a URL with credentials is refused for every use, naming the host curl would use", "[urls]") {
    for (const UrlUse use :
         {UrlUse::Source, UrlUse::Fleet, UrlUse::FeedFile, UrlUse::FeedLink, UrlUse::QrLink}) {
        for (const char* url :
             {kDisguised, "https://user:pw@albo.example/a.pdf", "https://user@albo.example/",
              "http://127.0.0.1;auth=x@evil.example/", "https://:pw@albo.example/"}) {
            INFO(url);
            const UrlCheck c = checkUrl(url, use);
            CHECK_FALSE(c.ok);
            CHECK_THAT(c.why, Catch::Contains("user name or password"));
        }
        CHECK_THAT(checkUrl(kDisguised, use).why, Catch::Contains("\"evil.example\""));
    }
    // The fetcher's own gate (it was a prefix test: "http://127.0.0.1:" passed).
    std::string why;
    CHECK_FALSE(isAllowedUrl(kDisguised, &why));
    CHECK_THAT(why, Catch::Contains("user name or password"));
}

TEST_CASE("plain http only to a loopback host, decided on the parsed host", "[urls]") {
    const UrlCheck local = checkUrl("http://127.0.0.1:8080/m.json", UrlUse::Source);
    CHECK(local.ok);
    CHECK(local.loopback);
    CHECK(std::string(local.curlProtocols()) == "http");
    CHECK(checkUrl("http://localhost/m.json", UrlUse::Fleet).ok);
    CHECK(checkUrl("http://[::1]:9/m.json", UrlUse::FeedFile).ok);
    const UrlCheck tls = checkUrl("HTTPS://Albo.Example/m.json", UrlUse::Source);
    CHECK(tls.ok);
    CHECK(tls.host == "albo.example");
    CHECK(std::string(tls.curlProtocols()) == "https");
    for (const char* url : {"http://127.0.0.1.evil.example/m.json", "http://localhost.evil.example/",
                            "http://evil.example/127.0.0.1/", "http://evil.example/?http://127.0.0.1/",
                            "https:/evil.example/x", "http:\\\\127.0.0.1\\x", "ftp://127.0.0.1/x",
                            "gopher://127.0.0.1/", "https://", "https://exa mple/", "//evil.example/x"}) {
        INFO(url);
        CHECK_FALSE(checkUrl(url, UrlUse::Source).ok);
    }
    // file:// is for configured sources only, and only an absolute path.
    CHECK(checkUrl("file:///srv/vetrina/albo.xml", UrlUse::Source).ok);
    CHECK_FALSE(checkUrl("file://evil.example/albo.xml", UrlUse::Source).ok);
    CHECK_FALSE(checkUrl("file:///etc/passwd", UrlUse::FeedFile).ok);
    CHECK_FALSE(checkUrl("file:///etc/passwd", UrlUse::Fleet).ok);
}

TEST_CASE("links from feeds are https only, and QR codes never show credentials", "[urls][qr]") {
    CHECK(checkUrl("https://albo.example/atti/1", UrlUse::FeedLink).ok);
    for (const char* url : {"http://albo.example/atti/1", "javascript:alert(1)", "data:text/html,<b>x</b>",
                            "file:///etc/passwd", "mailto:a@b.example", "http://127.0.0.1/atti/1"}) {
        INFO(url);
        CHECK_FALSE(checkUrl(url, UrlUse::FeedLink).ok);
    }
    QrMatrix m;
    std::string error;
    CHECK_FALSE(makeQrCode("https://www.comune.example@evil.example/pagamenti", m, error));
    CHECK_FALSE(makeQrCode("https://www.comune.example:pw@evil.example/", m, error));
    CHECK(makeQrCode("https://www.comune.example/pagamenti", m, error));
}

TEST_CASE("the config refuses a disguised URL for a source and for the fleet", "[urls][config]") {
    CHECK_THAT(configError(std::string("[[source]]\nname = \"albo\"\nkind = \"albopop\"\nurl = \"") +
                           kDisguised + "\"\n"),
               Catch::StartsWith("k.toml:1:") && Catch::Contains("source \"albo\"") &&
                   Catch::Contains("user name or password"));
    CHECK_THAT(configError(std::string("[fleet]\nurl = \"") + kDisguised + "\"\ntoken = \"t\"\n"),
               Catch::Contains("fleet.url") && Catch::Contains("user name or password"));
    CHECK_THAT(configError("[fleet]\nurl = \"http://127.0.0.1.evil.example/r\"\ntoken = \"t\"\n"),
               Catch::Contains("fleet.url"));
    CHECK(configError("[fleet]\nurl = \"http://127.0.0.1:9/r\"\ntoken = \"t\"\n") == "accepted");
}

TEST_CASE("the fleet reporter never sends the token through a disguised URL", "[urls][fleet]") {
    const PostResult r = postJson(kDisguised, "secret-token", "{}", 2000);
    CHECK_FALSE(r.ok);
    CHECK(r.httpCode == 0);  // nothing was sent
    CHECK_THAT(r.error, Catch::Contains("fleet URL refused") && Catch::Contains("user name or password"));
}

TEST_CASE("an albo feed's javascript:, data:, file: and user:password@ links are dropped and reported",
          "[urls][albo]") {
    const std::string rss =
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>AlboPOP - Comune - Prova</title>"
        "<link>https://albo.example/</link><description>d</description>"
        "<item><title>Ordinanza uno</title><link>javascript:alert(1)</link>"
        "<category domain=\"http://albopop.it/specs#item-category-uid\">2026/1</category>"
        "<pubDate>Mon, 25 May 2026 10:00:00 +0200</pubDate>"
        "<enclosure url=\"file:///etc/vetrina/segreto.pdf\" type=\"application/pdf\" length=\"0\"/>"
        "<enclosure url=\"/var/lib/vetrina/altro.pdf\" type=\"application/pdf\" length=\"0\"/>"
        "<enclosure url=\"http://127.0.0.1:x@evil.example/a.pdf\" type=\"application/pdf\" length=\"0\"/>"
        "<enclosure url=\"https://albo.example/buono.pdf\" type=\"application/pdf\" length=\"0\"/></item>"
        "<item><title>Ordinanza due</title><link>https://albo.example/atti/2</link>"
        "<category domain=\"http://albopop.it/specs#item-category-uid\">2026/2</category>"
        "<pubDate>Mon, 25 May 2026 10:00:00 +0200</pubDate>"
        "<enclosure url=\"data:application/pdf;base64,JVBERi0xLjQK\" type=\"application/pdf\"/></item>"
        "</channel></rss>";
    const UnixSeconds at = *parseIsoInstant("2026-05-26T10:00:00+02:00");  // inside the acts' window
    Database db = Database::open(scratchDir("urls-feed-links") + "/remote.db");
    const ImportSummary s = importBuffer(db, "albopop", rss, "albo-remoto", at);
    CHECK(s.inserted == 2);  // the acts stay; only their bad links go
    std::vector<std::string> reasons;
    for (const ImportIssue& i : s.report.issues) {
        CHECK(i.source == "albo-remoto");
        reasons.push_back(i.item + ": " + i.reason);
    }
    REQUIRE(reasons.size() == 5);
    CHECK_THAT(reasons[0], Catch::StartsWith("2026/1: link \"javascript:alert(1)\" dropped"));
    CHECK_THAT(reasons[1],
               Catch::StartsWith("2026/1: attachment \"file:///etc/vetrina/segreto.pdf\" dropped") &&
                   Catch::Contains("cannot name a file on the kiosk"));
    CHECK_THAT(reasons[2], Catch::StartsWith("2026/1: attachment \"/var/lib/vetrina/altro.pdf\" dropped"));
    CHECK_THAT(reasons[3], Catch::Contains("user name or password"));
    CHECK_THAT(reasons[4], Catch::StartsWith("2026/2: attachment \"data:application/pdf"));
    Statement st = db.prepare(
        "SELECT a.link, t.url FROM acts a LEFT JOIN act_attachments t ON t.act_id = a.id "
        "ORDER BY a.uid, t.position");
    std::vector<std::string> kept;
    while (st.step()) kept.push_back(st.text(0) + " | " + st.text(1));
    CHECK(kept ==
          std::vector<std::string>{" | https://albo.example/buono.pdf", "https://albo.example/atti/2 | "});

    // The staff's own file on this machine may name local files.
    Database local = Database::open(scratchDir("urls-feed-links-local") + "/local.db");
    ImportOptions staff;
    staff.localFiles = true;
    const ImportSummary l = importBuffer(local, "albopop", rss, "albo-locale", at, staff);
    CHECK(l.report.issues.size() == 3);  // the javascript: link, the disguised URL, the data: URL
}
