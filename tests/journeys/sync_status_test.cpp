#include <catch2/catch.hpp>

#include "core/sync/sync_engine.h"
#include "journey_support.h"

using vt::test::HeadlessKiosk;

TEST_CASE("journey: the header says when content was updated, and when the kiosk is offline",
          "[journey][sync]") {
    HeadlessKiosk k("sync-status", vt::test::kLadispoliKiosk, "2026-05-25T10:00:00+02:00");
    const vt::UnixSeconds t0 = *vt::parseIsoInstant("2026-05-25T10:00:00+02:00");
    vt::KioskActions actions;
    actions.syncOverview = [&] { return vt::readSyncOverview(k.reader); };
    k.ui->setActions(actions);
    {
        vt::SyncEngine engine(k.config, vt::Database::open(k.config.databasePath()));
        REQUIRE(engine.syncAll(t0).at(0).ok);
    }
    k.ui->contentChanged();
    k.runner->settle(2);
    CHECK(k.sees("Aggiornato oggi alle 10:00"));
    CHECK_FALSE(k.sees("Non in linea"));
    k.shot("aggiornato");

    // The feed disappears: the kiosk keeps its acts and says it is offline.
    vt::Config broken = k.config;
    broken.sources.at(0).url = "/nonexistent/albo.xml";
    {
        vt::SyncEngine engine(broken, vt::Database::open(k.config.databasePath()));
        CHECK_FALSE(engine.syncAll(t0 + 600).at(0).ok);
    }
    k.ui->contentChanged();
    k.runner->settle(2);
    CHECK(k.sees("Non in linea"));
    CHECK(k.sees("Aggiornato oggi alle 10:00"));
    REQUIRE(k.tap("Albo pretorio"));
    CHECK(k.sees("20 atti in pubblicazione oggi"));
    k.shot("non-in-linea");
}
