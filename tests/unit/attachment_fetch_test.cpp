// The sync downloads the PDF attachments of the albo's acts from a real HTTP server on
// 127.0.0.1 (the fault server of tests/support), with PDFs written by the test: caps, refusals
// and failures per item, no second download, a bounded round, and the purge after the window.
#include "core/sync/attachment_fetch.h"
#include "../support/tiny_pdf.h"
#include "core/albo/albo_store.h"
#include "core/sync/sync_engine.h"
#include "core/util/files.h"
#include "core/util/italian_format.h"
#include "sync_fixtures.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <ctime>
#include <filesystem>
#include <map>

using namespace vt;
using namespace vt::test;
namespace fs = std::filesystem;

namespace {

struct FeedAct {
    std::string number;
    std::vector<std::string> urls;
    int endInDays = 40;               // last day of the window, from today
    std::int64_t declaredLength = 0;  // on every enclosure (0: none)
};

// An AlboPOP RSS feed whose acts list the given enclosures.
std::string feedWithEnclosures(const std::vector<FeedAct>& acts) {
    const CivilDate today = romeDate(std::time(nullptr));
    std::string x =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\n"
        "<title>AlboPOP - Comune - Borgo Vetrina (prova allegati)</title>"
        "<link>https://example.invalid/albo</link><description>prova</description>\n";
    for (const FeedAct& a : acts) {
        x += "<item><title>Atto numero " + a.number +
             " con allegati</title><link>https://example.invalid/atti/" + a.number +
             "</link><category domain=\"http://albopop.it/specs#item-category-uid\">2026/" + a.number +
             "</category><category domain=\"http://albopop.it/specs#item-category-pubStart\">" +
             formatDateShortIt(addDays(today, -10)) +
             "</category><category domain=\"http://albopop.it/specs#item-category-pubEnd\">" +
             formatDateShortIt(addDays(today, a.endInDays)) + "</category>";
        for (const std::string& u : a.urls)
            x += "<enclosure url=\"" + u + "\" type=\"application/pdf\" length=\"" +
                 std::to_string(a.declaredLength) + "\"/>";
        x += "</item>\n";
    }
    return x + "</channel></rss>\n";
}

std::int64_t actId(const Database& db, const std::string& uid) {
    Statement st = db.prepare("SELECT id FROM acts WHERE uid = ?1");
    st.bind(1, uid);
    REQUIRE(st.step());
    return st.integer(0);
}

std::vector<std::string> filesIn(const std::string& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) out.push_back(e.path().filename().string());
    return out;
}

struct FeedRig {
    std::string dir, www;
    std::unique_ptr<FaultServer> server;
    Config config;
    std::unique_ptr<SyncEngine> engine;
    UnixSeconds now = std::time(nullptr);

    FeedRig(const std::string& name, const std::string& syncExtra)
        : dir(scratchDir(name)), www(dir + "/www") {
        fs::create_directories(www);
        server = std::make_unique<FaultServer>(www);
        REQUIRE(writeFileAtomic(dir + "/kiosk.toml",
                                "[paths]\ndata_dir = \"" + dir +
                                    "/data\"\n[sync]\nconnect_timeout_seconds = 1\ntimeout_seconds = 5\n" +
                                    syncExtra +
                                    "\n[[source]]\nname = \"albo\"\nkind = \"albopop\"\nurl = \"" +
                                    server->url("albo.xml") + "\"\n"));
        config = loadConfig(dir + "/kiosk.toml");
        fs::create_directories(config.dataDir);
        engine = std::make_unique<SyncEngine>(config, Database::open(config.databasePath()));
    }
    std::string url(const std::string& file) const { return server->url(file); }
    void serve(const std::string& file, const std::string& bytes) {
        REQUIRE(writeFileAtomic(www + "/" + file, bytes));
    }
    SyncOutcome sync(UnixSeconds at) {
        SyncOutcome o = engine->syncSource(config.sources[0], at);
        INFO(o.message);
        REQUIRE(o.ok);
        return o;
    }
    Database& db() { return engine->database(); }
    std::string attachments() const { return attachmentsDirectory(config); }
};

}  // namespace

TEST_CASE("the sync downloads the acts' PDFs, then too big, not a PDF and 404 are reported per item",
          "[sync][attachments]") {
    FeedRig rig("attachments-fetch", "attachment_max_mb = 1");
    const std::string pdfA = makePdf(3), pdfB = makePdf(2);
    std::string big = makePdf(1);
    big += "%" + std::string(3u << 19, 'x') + "\n";  // 1.5 MB, still a PDF
    rig.serve("a.pdf", pdfA);
    rig.serve("b.pdf", pdfB);
    rig.serve("grande.pdf", big);
    rig.serve("pagina.pdf", "<html><body>Documento non disponibile</body></html>\n");
    rig.serve("firmato.pdf.p7m", "0\x82 signed envelope");
    rig.serve("albo.xml", feedWithEnclosures({
                              {"1", {rig.url("a.pdf")}},
                              {"2", {rig.url("b.pdf"), rig.url("manca.pdf")}},
                              {"3", {rig.url("grande.pdf")}},
                              {"4", {rig.url("pagina.pdf")}},
                              {"5", {rig.url("a.pdf")}},  // the same file as act 1
                              {"6", {rig.url("firmato.pdf.p7m")}},
                              {"7", {rig.url("dichiarato.pdf")}, 40, 5 << 20},
                          }));

    const SyncOutcome first = rig.sync(rig.now);
    INFO(first.message);
    CHECK(first.changed);
    CHECK(countActsAt(rig.db(), rig.now) == 7);  // every act imported, whatever its attachments
    CHECK_THAT(first.message, Catch::Contains("attachments: 2 downloaded"));
    CHECK_THAT(first.message, Catch::Contains("1 already on disk"));
    CHECK_THAT(first.message, Catch::Contains("4 failed"));

    // Each downloaded file is the server's bytes, found through the act and its URL.
    const std::string pathA = cachedAttachmentPath(rig.db(), actId(rig.db(), "2026/1"), rig.url("a.pdf"));
    const std::string pathB = cachedAttachmentPath(rig.db(), actId(rig.db(), "2026/2"), rig.url("b.pdf"));
    REQUIRE_FALSE(pathA.empty());
    REQUIRE_FALSE(pathB.empty());
    CHECK(fs::path(pathA).parent_path() == fs::path(rig.attachments()));
    CHECK(readFile(pathA) == pdfA);
    CHECK(readFile(pathB) == pdfB);
    CHECK(cachedAttachmentPath(rig.db(), actId(rig.db(), "2026/5"), rig.url("a.pdf")) == pathA);
    // Not across acts: act 2 does not list a.pdf.
    CHECK(cachedAttachmentPath(rig.db(), actId(rig.db(), "2026/2"), rig.url("a.pdf")).empty());
    CHECK(filesIn(rig.attachments()).size() == 2);  // nothing else left (no .part)

    // The refusals, each naming the source, the act and the URL.
    std::map<std::string, std::string> why;
    {
        Statement st =
            rig.db().prepare("SELECT url, last_error, path FROM attachment_downloads WHERE failures > 0");
        while (st.step()) {
            why[st.text(0)] = st.text(1);
            CHECK(st.text(2).empty());
        }
    }
    CHECK_THAT(why[rig.url("manca.pdf")], Catch::Contains("HTTP 404"));
    CHECK_THAT(why[rig.url("grande.pdf")], Catch::Contains("too big"));
    CHECK_THAT(why[rig.url("pagina.pdf")], Catch::Contains("not a PDF"));
    CHECK_THAT(why[rig.url("dichiarato.pdf")], Catch::Contains("declares 5.0 MB"));
    CHECK(why.size() == 4);  // the .p7m is not even tried
    // The outcome names the first three, each with its source, act and URL, and counts the rest.
    CHECK_THAT(first.message,
               Catch::Contains("albo: act 2026/4, attachment " + rig.url("pagina.pdf") + ": not a PDF"));
    CHECK_THAT(first.message,
               Catch::Contains("albo: act 2026/3, attachment " + rig.url("grande.pdf") + ": too big"));
    CHECK_THAT(first.message, Catch::Contains("; and 1 more"));
    CHECK(cachedAttachmentPath(rig.db(), actId(rig.db(), "2026/3"), rig.url("grande.pdf")).empty());

    // No second download: the server no longer has a.pdf and nobody notices; failures wait.
    fs::remove(rig.www + "/a.pdf");
    const SyncOutcome again = rig.sync(rig.now + 60);
    CHECK(again.notModified);
    CHECK_FALSE(again.changed);
    CHECK(again.message == "unchanged");
    CHECK(readFile(pathA) == pdfA);

    // A network failure is tried again after its backoff (15 minutes), and succeeds.
    rig.serve("manca.pdf", makePdf(4));
    const SyncOutcome later = rig.sync(rig.now + 16 * 60);
    CHECK_THAT(later.message, Catch::Contains("attachments: 1 downloaded"));
    CHECK_FALSE(cachedAttachmentPath(rig.db(), actId(rig.db(), "2026/2"), rig.url("manca.pdf")).empty());
    // Refusals (too big, not a PDF) wait a day.
    CHECK_THAT(later.message, !Catch::Contains("failed"));
}

TEST_CASE("a round downloads a few files, the rest in the next rounds, newest acts first",
          "[sync][attachments]") {
    FeedRig rig("attachments-round", "attachments_per_round = 2");
    std::vector<FeedAct> acts;
    for (int i = 1; i <= 5; ++i) {
        rig.serve("atto" + std::to_string(i) + ".pdf", makePdf(i));
        acts.push_back({std::to_string(i), {rig.url("atto" + std::to_string(i) + ".pdf")}});
    }
    rig.serve("albo.xml", feedWithEnclosures(acts));
    CHECK_THAT(rig.sync(rig.now).message,
               Catch::Contains("2 downloaded") && Catch::Contains("3 left for the next round"));
    CHECK_FALSE(cachedAttachmentPath(rig.db(), actId(rig.db(), "2026/5"), rig.url("atto5.pdf")).empty());
    CHECK(cachedAttachmentPath(rig.db(), actId(rig.db(), "2026/1"), rig.url("atto1.pdf")).empty());
    const SyncOutcome second = rig.sync(rig.now + 1);  // the feed is unchanged (304): downloads go on
    CHECK(second.notModified);
    CHECK(second.changed);
    CHECK_THAT(second.message, Catch::Contains("2 downloaded") && Catch::Contains("1 left"));
    CHECK_THAT(rig.sync(rig.now + 2).message, Catch::Contains("1 downloaded"));
    for (int i = 1; i <= 5; ++i)
        CHECK(readFile(cachedAttachmentPath(rig.db(), actId(rig.db(), "2026/" + std::to_string(i)),
                                            rig.url("atto" + std::to_string(i) + ".pdf"))) == makePdf(i));
    CHECK(rig.sync(rig.now + 3).message == "unchanged");
}

TEST_CASE("the budget for all attachments is kept", "[sync][attachments]") {
    FeedRig rig("attachments-budget", "attachments_budget_mb = 1");
    std::string half = makePdf(1);
    half += "%" + std::string(700u << 10, 'x') + "\n";  // 0.7 MB each: the second does not fit
    rig.serve("uno.pdf", half);
    rig.serve("due.pdf", half + " ");
    rig.serve("albo.xml", feedWithEnclosures({{"2", {rig.url("due.pdf")}}, {"1", {rig.url("uno.pdf")}}}));
    const SyncOutcome o = rig.sync(rig.now);
    CHECK_THAT(o.message, Catch::Contains("1 downloaded") && Catch::Contains("attachment budget"));
    CHECK(filesIn(rig.attachments()).size() == 1);
}

TEST_CASE("after the window the purge deletes the downloaded files, a shared file with its last act",
          "[sync][attachments]") {
    FeedRig rig("attachments-purge", "");
    rig.serve("comune.pdf", makePdf(2));
    rig.serve("solo.pdf", makePdf(3));
    // Acts 1 and 2 share comune.pdf; act 2's window ends 35 days earlier than act 1's.
    rig.serve("albo.xml", feedWithEnclosures({{"1", {rig.url("comune.pdf")}},
                                              {"2", {rig.url("comune.pdf"), rig.url("solo.pdf")}, 5}}));
    rig.sync(rig.now);
    const std::string shared =
        cachedAttachmentPath(rig.db(), actId(rig.db(), "2026/1"), rig.url("comune.pdf"));
    const std::string own = cachedAttachmentPath(rig.db(), actId(rig.db(), "2026/2"), rig.url("solo.pdf"));
    REQUIRE(fs::exists(shared));
    REQUIRE(fs::exists(own));

    // Day 8: act 2 ended on day 5 and is purged although the feed answers "unchanged".
    const SyncOutcome day8 = rig.sync(rig.now + 8 * 86400);
    CHECK(day8.notModified);
    CHECK_THAT(day8.message, Catch::Contains("1 expired acts purged"));
    CHECK_FALSE(fs::exists(own));
    CHECK(fs::exists(shared));  // act 1 still lists it
    CHECK(cachedAttachmentPath(rig.db(), actId(rig.db(), "2026/1"), rig.url("comune.pdf")) == shared);
    {
        Statement st = rig.db().prepare("SELECT count(*) FROM attachment_downloads WHERE url = ?1");
        st.bind(1, rig.url("solo.pdf"));
        REQUIRE(st.step());
        CHECK(st.integer(0) == 0);  // the URL of a purged act is forgotten too
    }

    // Day 43: act 1 ended on day 40; everything is gone.
    rig.sync(rig.now + 43 * 86400);
    CHECK(countActs(rig.db()) == 0);
    CHECK_FALSE(fs::exists(shared));
    CHECK(filesIn(rig.attachments()).empty());
    Statement st = rig.db().prepare("SELECT count(*) FROM attachment_downloads");
    REQUIRE(st.step());
    CHECK(st.integer(0) == 0);
}

TEST_CASE("attachments of a signed manifest's albo survive a new revision without a new download",
          "[sync][attachments]") {
    const std::string dir = scratchDir("attachments-manifest");
    const std::string www = dir + "/www";
    fs::create_directories(www + "/allegati");
    FaultServer server(www);
    const SecretKey key = generateSecretKey();
    const UnixSeconds now = std::time(nullptr);
    REQUIRE(writeFileAtomic(www + "/allegati/delibera.pdf", makePdf(5)));
    auto publish = [&](const std::string& subject) {
        writeContent(dir + "/content", 1, subject);
        REQUIRE(writeFileAtomic(dir + "/content/albo/albo.xml",
                                feedWithEnclosures({{"77", {server.url("allegati/delibera.pdf")}}})));
        publishOrFail(dir + "/content", www, key, now);
    };
    publish("prima");
    REQUIRE(writeFileAtomic(dir + "/kiosk.toml",
                            manifestConfig(dir + "/data", server.url("manifest.json"), {key.publicKey()})));
    Config config = loadConfig(dir + "/kiosk.toml");
    fs::create_directories(config.dataDir);
    SyncEngine engine(config, Database::open(config.databasePath()));
    const SyncOutcome first = engine.syncSource(config.sources[0], now);
    INFO(first.message);
    REQUIRE(first.ok);
    CHECK_THAT(first.message, Catch::Contains("attachments: 1 downloaded"));
    const std::string path = cachedAttachmentPath(engine.database(), actId(engine.database(), "2026/77"),
                                                  server.url("allegati/delibera.pdf"));
    CHECK(readFile(path) == makePdf(5));

    // Revision 2 replaces the source's acts (new row ids): the file is recorded again, not fetched.
    fs::remove(www + "/allegati/delibera.pdf");
    publish("seconda");
    const SyncOutcome second = engine.syncSource(config.sources[0], now + 5);
    INFO(second.message);
    REQUIRE(second.ok);
    CHECK(second.revision == first.revision + 1);
    CHECK_THAT(second.message, Catch::Contains("1 already on disk"));
    CHECK_THAT(second.message, !Catch::Contains("failed"));
    CHECK(cachedAttachmentPath(engine.database(), actId(engine.database(), "2026/77"),
                               server.url("allegati/delibera.pdf")) == path);
    CHECK(readFile(path) == makePdf(5));
}

TEST_CASE("a remote feed's file:, data: and user:password@ attachments are never fetched nor copied",
          "[sync][attachments][urls]") {
    FeedRig rig("attachments-unsafe-links", "");
    const std::string secret = rig.dir + "/segreto.pdf";
    REQUIRE(writeFileAtomic(secret, makePdf(1)));
    rig.serve("a.pdf", makePdf(3));
    const std::string disguised =
        "http://127.0.0.1:x@127.0.0.1:" + std::to_string(rig.server->port()) + "/a.pdf";
    rig.serve("albo.xml", feedWithEnclosures({
                              {"1", {"file://" + secret}},
                              {"2", {secret}},
                              {"3", {"data:application/pdf;base64,JVBERi0xLjQK", "javascript:alert(1)"}},
                              {"4", {disguised}},
                              {"5", {rig.url("a.pdf")}},
                          }));
    const SyncOutcome o = rig.sync(rig.now);
    INFO(o.message);
    CHECK(countActsAt(rig.db(), rig.now) == 5);  // the acts stay, without the bad links
    CHECK_THAT(o.message, Catch::Contains("5 skipped") && Catch::Contains("attachments: 1 downloaded"));
    // The first drop by name: the source, the act, the link and why.
    CHECK_THAT(o.message,
               Catch::Contains("albo") && Catch::Contains("(2026/1)") &&
                   Catch::Contains("attachment \"file://") &&
                   Catch::Contains("dropped: a feed from the network cannot name a file on the kiosk"));
    CHECK(filesIn(rig.attachments()).size() == 1);  // only the server's a.pdf, never the local file
    Statement st = rig.db().prepare("SELECT url FROM act_attachments");
    std::vector<std::string> urls;
    while (st.step()) urls.push_back(st.text(0));
    CHECK(urls == std::vector<std::string>{rig.url("a.pdf")});
}

TEST_CASE("the downloader never copies a cached file: attachment and refuses a user:password@ one",
          "[sync][attachments][urls]") {
    // Acts stored by an older version, before the import dropped such links.
    const std::string dir = scratchDir("attachments-cached-unsafe");
    const std::string secret = dir + "/segreto.pdf";
    REQUIRE(writeFileAtomic(secret, makePdf(1)));
    Database db = Database::open(dir + "/v.db");
    const UnixSeconds now = std::time(nullptr);
    Act a;
    a.source = "albo";
    a.year = 2026;
    a.number = "9";
    a.uid = "2026/9";
    a.subject = "Atto con allegati locali";
    a.pubStart = addDays(romeDate(now), -1);
    a.pubEnd = addDays(romeDate(now), 10);
    a.attachments = {{"file://" + secret, "application/pdf", 0},
                     {"http://127.0.0.1:x@127.0.0.1:9/a.pdf", "application/pdf", 0}};
    ImportReport report;
    storeActs(db, {a}, report, now);
    const AttachmentRound r = fetchActAttachments(db, dir + "/attachments", "albo", AttachmentLimits{}, now);
    CHECK(r.downloaded == 0);
    CHECK(r.failed == 1);
    REQUIRE(r.issues.size() == 1);
    CHECK_THAT(r.issues[0].reason, Catch::Contains("user name or password"));
    CHECK(filesIn(dir + "/attachments").empty());
}
