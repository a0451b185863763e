#include "core/alerts/alert_store.h"
#include "core/alerts/alert_templates.h"
#include "core/sources/importers.h"
#include "core/util/files.h"
#include "test_support.h"

#include <catch2/catch.hpp>

using namespace vt;
using vt::test::dataPath;
using vt::test::readAll;
using vt::test::scratchDir;

namespace {

UnixSeconds at(const char* iso) {
    return *parseIsoInstant(iso);
}

ImportSummary importCap(Database& db, const std::string& file, UnixSeconds now = at("2026-11-23T08:00:00Z")) {
    return importBuffer(db, "cap", readAll(dataPath("cap/" + file)), "cap/" + file, now);
}

AlertAudience borgoVetrina() {
    AlertAudience a;
    a.geocodes = {"ISTAT=999001", "EMMA_ID=IT003"};
    a.position = GeoPoint{45.1333, 10.0333};
    return a;
}

std::vector<std::string> headlines(const std::vector<ShownAlert>& v) {
    std::vector<std::string> out;
    for (const ShownAlert& a : v) out.push_back(a.info.headline);
    return out;
}

}  // namespace

TEST_CASE("OASIS samples: polygon, multilingual blocks, an Update with references", "[cap]") {
    const CapParseResult r1 =
        parseCap(readAll(dataPath("cap/01_oasis_severe_thunderstorm_polygon_cap12.xml")), "01");
    REQUIRE(r1.alert);
    CHECK(r1.report.issues.empty());
    const CapAlert& a = *r1.alert;
    CHECK(a.identifier == "KSTO1055887203");
    CHECK(a.sent == at("2003-06-17T21:57:00Z"));
    REQUIRE(a.infos.size() == 1);
    CHECK(a.infos[0].language == "en-US");  // the CAP default when <language> is absent
    CHECK(isTakeover(a.infos[0]));          // Severe + Immediate
    REQUIRE(a.infos[0].areas.size() == 1);
    CHECK(a.infos[0].areas[0].polygons.at(0).size() == 5);
    CHECK(a.infos[0].areas[0].geocodes.size() == 3);
    CHECK(a.infos[0].expires == at("2003-06-17T23:00:00Z"));

    const CapParseResult r2 =
        parseCap(readAll(dataPath("cap/02_oasis_amber_alert_multilingual_en_es_cap12.xml")), "02");
    REQUIRE(r2.alert);
    REQUIRE(r2.alert->infos.size() == 2);
    CHECK(r2.alert->infos[1].language == "es-US");

    const CapParseResult r3 =
        parseCap(readAll(dataPath("cap/03_envcanada_update_references_allclear_cap12.xml")), "03");
    REQUIRE(r3.alert);
    CHECK(r3.alert->msgType == "Update");
    CHECK(r3.alert->references == std::vector<std::string>{"cap@ec.gc.ca,2.49.0.1.124.a3f342a4.2012",
                                                           "cap@ec.gc.ca,2.49.0.1.124.60f31a3a.2012"});
    CHECK_FALSE(isTakeover(r3.alert->infos.at(0)));  // Minor, Past: an all-clear
}

TEST_CASE("OASIS sample shown in its own area and window, with the Spanish block not chosen", "[cap]") {
    Database db = Database::open(scratchDir("cap-oasis") + "/v.db");
    REQUIRE_FALSE(
        importCap(db, "02_oasis_amber_alert_multilingual_en_es_cap12.xml", at("2003-06-12T06:00:00Z"))
            .report.fatal);
    AlertAudience anywhere;  // no area configured: every alert matches
    const auto shown = activeAlertsAt(db, anywhere, at("2003-06-12T06:00:00Z"));
    REQUIRE(shown.size() == 1);
    CHECK(shown[0].info.language == "en-US");                              // it → en → first
    CHECK(shown[0].until == shown[0].alert.sent + kAlertDefaultLifetime);  // no <expires>
    CHECK(activeAlertsAt(db, anywhere, shown[0].alert.sent + kAlertDefaultLifetime).empty());
    CHECK(activeAlertsAt(db, borgoVetrina(), at("2003-06-12T06:00:00Z")).empty());  // Los Angeles is not here
    // Storing a message today prunes alerts that ended long ago.
    REQUIRE_FALSE(importCap(db, "it_alert.xml").report.fatal);
    Statement count = db.prepare("SELECT count(*) FROM alerts");
    REQUIRE(count.step());
    CHECK(count.integer(0) == 1);
}

TEST_CASE("a replaced alert stays hidden after the Update that replaced it is pruned", "[cap]") {
    Database db = Database::open(scratchDir("cap-prune") + "/v.db");
    REQUIRE_FALSE(importCap(db, "it_update.xml").report.fatal);
    REQUIRE_FALSE(
        importCap(db, "it_expired.xml", at("2027-06-01T00:00:00Z")).report.fatal);  // prunes the Update
    Statement count = db.prepare("SELECT count(*) FROM alerts");
    REQUIRE(count.step());
    CHECK(count.integer(0) == 0);
    count.reset();
    REQUIRE_FALSE(importCap(db, "it_alert.xml").report.fatal);  // the replaced message arrives again
    REQUIRE(count.step());
    CHECK(count.integer(0) == 1);
    CHECK(activeAlertsAt(db, borgoVetrina(), at("2026-11-23T10:00:00+01:00")).empty());
}

TEST_CASE("Italian alert: +01 timestamps, Italian block chosen, Update replaces and Cancel removes",
          "[cap]") {
    Database db = Database::open(scratchDir("cap-chain") + "/v.db");
    const AlertAudience kiosk = borgoVetrina();
    REQUIRE_FALSE(importCap(db, "it_alert.xml").report.fatal);
    auto shown = activeAlertsAt(db, kiosk, at("2026-11-23T10:00:00+01:00"));
    REQUIRE(shown.size() == 1);
    CHECK(shown[0].info.headline == "Allerta arancione per temporali");
    CHECK(shown[0].from == at("2026-11-23T07:00:00Z"));
    CHECK(shown[0].until == at("2026-11-23T19:00:00Z"));
    CHECK(shown[0].takeover);  // Severe + Expected
    CHECK(activeAlertsAt(db, kiosk, at("2026-11-23T06:59:59Z")).empty());
    CHECK(nextAlertChange(db, kiosk, at("2026-11-23T06:00:00Z")) == at("2026-11-23T07:00:00Z"));
    CHECK(nextAlertChange(db, kiosk, at("2026-11-23T10:00:00Z")) == at("2026-11-23T19:00:00Z"));

    AlertAudience english = kiosk;
    english.language = "de";  // no German block: English next
    CHECK(activeAlertsAt(db, english, at("2026-11-23T10:00:00+01:00")).at(0).info.language == "en-GB");

    // The Cancel arrives before the Update it cancels: order does not matter.
    REQUIRE_FALSE(importCap(db, "it_cancel.xml").report.fatal);
    CHECK(headlines(activeAlertsAt(db, kiosk, at("2026-11-23T13:00:00+01:00"))) ==
          std::vector<std::string>{"Allerta arancione per temporali"});
    REQUIRE_FALSE(importCap(db, "it_update.xml").report.fatal);
    CHECK(activeAlertsAt(db, kiosk, at("2026-11-23T13:00:00+01:00"))
              .empty());  // update replaced 001, cancel removed 002

    // Without the Cancel, the Update stands alone.
    clearSource(db, "cap/it_cancel.xml");
    shown = activeAlertsAt(db, kiosk, at("2026-11-23T13:00:00+01:00"));
    REQUIRE(shown.size() == 1);
    CHECK(shown[0].alert.identifier == "IT-2026-002");
    CHECK(shown[0].info.severity == "Extreme");
    REQUIRE(takeoverAt(db, kiosk, at("2026-11-23T13:00:00+01:00")));
}

TEST_CASE("expired, other area, exercise and area by polygon or circle", "[cap]") {
    Database db = Database::open(scratchDir("cap-filters") + "/v.db");
    for (const char* f : {"it_expired.xml", "it_other_area.xml", "it_exercise.xml", "it_polygon.xml",
                          "it_polygon_far.xml", "it_circle.xml"})
        REQUIRE_FALSE(importCap(db, f).report.fatal);
    AlertAudience kiosk = borgoVetrina();
    const UnixSeconds t = at("2026-11-23T10:00:00+01:00");
    auto shown = activeAlertsAt(db, kiosk, t);
    // The circle (Severe, Immediate) takes over; the polygon (Moderate) is listed after it.
    CHECK(headlines(shown) == std::vector<std::string>{"Fuga di gas", "Esondazione nella zona del fiume"});
    CHECK(shown.at(0).takeover);
    CHECK_FALSE(shown.at(1).takeover);

    kiosk.showExercises = true;
    shown = activeAlertsAt(db, kiosk, t);
    REQUIRE(shown.size() == 3);
    CHECK(shown[0].info.headline == "Esercitazione di protezione civile");  // Extreme sorts first
    CHECK(shown[0].label == "ESERCITAZIONE");

    AlertAudience noPosition = borgoVetrina();
    noPosition.position.reset();  // geocodes only: the polygon and circle alerts no longer match
    CHECK(activeAlertsAt(db, noPosition, t).empty());
}

TEST_CASE("bad CAP is reported with its line and keeps what was stored", "[cap]") {
    Database db = Database::open(scratchDir("cap-bad") + "/v.db");
    REQUIRE_FALSE(importCap(db, "it_alert.xml").report.fatal);
    const ImportSummary bad = importCap(db, "bad_xml.xml");
    REQUIRE(bad.report.fatal);
    CHECK(bad.report.issues.at(0).line == 5);
    const ImportSummary noSent = importCap(db, "no_sent.xml");
    REQUIRE(noSent.report.fatal);
    CHECK(noSent.report.issues.at(0).reason.find("<sent>") != std::string::npos);
    CHECK(activeAlertsAt(db, borgoVetrina(), at("2026-11-23T10:00:00+01:00")).size() == 1);
    // Re-importing the same message changes nothing.
    CHECK(importCap(db, "it_alert.xml").unchanged == 1);
}

TEST_CASE("every alert shown is logged once with the time it appeared, then the log survives clearSource",
          "[cap]") {
    Database db = Database::open(scratchDir("cap-log") + "/v.db");
    REQUIRE_FALSE(importCap(db, "it_alert.xml").report.fatal);
    const std::string uid = "protezionecivile@regione.demo.example,IT-2026-001";
    CHECK(recordAlertShown(db, uid, at("2026-11-23T09:00:00Z")));
    CHECK_FALSE(recordAlertShown(db, uid, at("2026-11-23T09:01:00Z")));
    clearSource(db, "cap/it_alert.xml");
    const auto log = alertLog(db);
    REQUIRE(log.size() == 1);
    CHECK(log[0].shownAt == "2026-11-23T09:00:00Z");
    CHECK(log[0].source == "cap/it_alert.xml");
    CHECK(log[0].sent == at("2026-11-23T08:00:00+01:00"));
}

TEST_CASE("emergency template triggered by a small message, then cancelled", "[cap][templates]") {
    Database db = Database::open(scratchDir("cap-template") + "/v.db");
    const std::string tpl = VETRINA_SOURCE_DIR "/content/alerts/templates/allerta-meteo-rossa.xml";
    const UnixSeconds now = at("2026-11-23T08:00:00Z");
    REQUIRE_FALSE(importBuffer(db, "cap-template", readAll(tpl), tpl, now).report.fatal);
    const std::string trigger =
        R"({"template": "allerta-meteo-rossa", "identifier": "borgo-2026-7", "sent": "2026-11-23T10:00:00+01:00",
            "expires": "2026-11-23T22:00:00+01:00", "area": "Tutto il territorio comunale", "text": "Scuole chiuse."})";
    REQUIRE(trigger.size() < 300);
    const ImportSummary s = importBuffer(db, "alert-trigger", trigger, "trigger-1", now);
    REQUIRE_FALSE(s.report.fatal);
    const auto shown = takeoverAt(db, borgoVetrina(), at("2026-11-23T10:30:00+01:00"));
    REQUIRE(shown);
    CHECK(shown->info.headline == "Allerta meteo rossa fino al 23/11 alle 22:00");
    CHECK(shown->info.description.find("Scuole chiuse.") != std::string::npos);
    CHECK(shown->info.areas.at(0).areaDesc == "Tutto il territorio comunale");
    CHECK(shown->until == at("2026-11-23T22:00:00+01:00"));
    CHECK_FALSE(takeoverAt(db, borgoVetrina(), at("2026-11-23T22:00:00+01:00")));

    const std::string cancel =
        R"({"template": "allerta-meteo-rossa", "msg_type": "Cancel", "cancels": "borgo-2026-7",
                                   "sent": "2026-11-23T11:00:00+01:00"})";
    REQUIRE_FALSE(importBuffer(db, "alert-trigger", cancel, "trigger-2", now).report.fatal);
    CHECK_FALSE(takeoverAt(db, borgoVetrina(), at("2026-11-23T11:30:00+01:00")));

    // Unknown template, missing expiry, not JSON: refused with a reason, nothing stored.
    for (const char* bad :
         {R"({"template": "nessuno", "sent": "2026-11-23T10:00:00Z", "expires": "2026-11-23T12:00:00Z"})",
          R"({"template": "allerta-meteo-rossa", "sent": "2026-11-23T10:00:00Z"})", "{not json"}) {
        const ImportSummary r = importBuffer(db, "alert-trigger", bad, "trigger-bad", now);
        CHECK(r.report.fatal);
        CHECK_FALSE(r.report.issues.empty());
    }
}
