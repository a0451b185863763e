// A signed emergency trigger through the real sync engine while the attract loop plays: the
// takeover is on screen in the first frame after the sync, and a signed Cancel puts the loop back.
#include <catch2/catch.hpp>

#include "journey_support.h"

#include "core/alerts/alert_store.h"
#include "core/sync/sync_engine.h"
#include "core/sync/trigger_source.h"
#include "core/util/files.h"

#include <filesystem>

using vt::test::HeadlessKiosk;

TEST_CASE(
    "A signed trigger synced during the attract loop takes over in one frame, then its Cancel removes it",
    "[journey][signage][trigger]") {
    namespace fs = std::filesystem;
    const std::string dir = std::string(VETRINA_TEST_OUTPUT) + "/journeys/trigger-files";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const vt::SecretKey key = vt::generateSecretKey();
    const std::string config = std::string(vt::test::kLadispoliKiosk) +
                               "[[source]]\nname = \"allerta-meteo-rossa\"\nkind = \"cap-template\"\n"
                               "url = \"{SOURCE}/content/alerts/templates/allerta-meteo-rossa.xml\"\n"
                               "[[source]]\nname = \"emergenze\"\nkind = \"alert-trigger\"\nurl = \"" +
                               dir + "/trigger.json\"\npublic_keys = [\"" + key.publicKey().encoded() +
                               "\"]\n";
    HeadlessKiosk k("trigger-takeover", config, "2026-11-23T10:00:00+01:00");
    const vt::SourceConfig& source = k.config.sources.back();
    REQUIRE(source.isTrigger());
    vt::SyncEngine engine(k.config, vt::Database::open(k.config.databasePath()));
    std::vector<std::string> shown;
    vt::KioskActions actions;
    actions.alertShown = [&](const std::string& uid) { shown.push_back(uid); };
    k.ui->setActions(actions);
    const auto publish = [&](const vt::AlertTrigger& t) {
        const vt::SignedTrigger s = vt::makeSignedTrigger(t, key);
        REQUIRE(vt::writeFileAtomic(dir + "/trigger.json", s.json));
        REQUIRE(vt::writeFileAtomic(dir + "/trigger.json.minisig", s.signature));
        const vt::SyncOutcome o = engine.syncSource(source, k.runner->now());
        INFO(o.message);
        REQUIRE(o.ok);
        REQUIRE(o.changed);
        k.ui->contentChanged();  // what the engine's callback does in `vetrina run`
    };

    k.runner->wait(70);
    REQUIRE(k.ui->attractPlaying());
    REQUIRE(k.sees("Tocca lo schermo per iniziare"));

    vt::AlertTrigger t;
    t.templateId = "allerta-meteo-rossa";
    t.identifier = "borgo-2026-11-23";
    t.sent = k.runner->now() - 60;
    t.expires = t.sent + 6 * 3600;
    t.area = "Ladispoli, zona Sanguinara";
    t.text = "Scuole chiuse fino a domani.";
    publish(t);
    k.runner->settle(1);  // the first frame after the sync
    CHECK(k.sees("Allerta meteo rossa fino al"));
    CHECK(k.sees("Scuole chiuse fino a domani."));
    CHECK_FALSE(k.sees("Tocca lo schermo per iniziare"));
    REQUIRE(shown.size() == 1);
    CHECK(shown[0] == "protezione-civile@comune.borgovetrina.example,borgo-2026-11-23");
    k.shot("trigger-takeover");

    vt::AlertTrigger cancel;
    cancel.templateId = "allerta-meteo-rossa";
    cancel.msgType = "Cancel";
    cancel.cancels = "borgo-2026-11-23";
    cancel.sent = k.runner->now();
    publish(cancel);
    k.runner->settle(1);
    CHECK_FALSE(k.sees("Allerta meteo rossa"));
    CHECK_FALSE(k.sees("ALLERTA"));
    CHECK(k.ui->attractPlaying());
    CHECK(k.sees("Tocca lo schermo per iniziare"));
}
