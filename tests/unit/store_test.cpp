#include "core/albo/albo_store.h"
#include "core/feeds/albopop_rss.h"
#include "core/store/migrations.h"
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

Act makeAct(const std::string& uid, CivilDate start, CivilDate end) {
    Act a;
    a.source = "test";
    a.uid = uid;
    parseActUid(uid, a.year, a.number);
    a.subject = "Atto " + uid;
    a.pubStart = start;
    a.pubEnd = end;
    return a;
}
}  // namespace

TEST_CASE("a new database is migrated to the latest schema, in WAL mode", "[store]") {
    const std::string dir = scratchDir("store-migrate");
    Database db = Database::open(dir + "/v.db");
    CHECK(db.userVersion() == latestSchemaVersion());
    {
        Statement st = db.prepare("PRAGMA journal_mode");
        REQUIRE(st.step());
        CHECK(st.text(0) == "wal");
    }
    // Opening again applies nothing and keeps the data.
    db.setMeta("k", "v");
    Database again = Database::open(dir + "/v.db");
    CHECK(again.meta("k") == "v");
    CHECK(again.userVersion() == latestSchemaVersion());
}

TEST_CASE("migrations are applied in order from an older version", "[store]") {
    const std::string dir = scratchDir("store-migrate-old");
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open((dir + "/old.db").c_str(), &raw) == SQLITE_OK);
        sqlite3_close(raw);  // version 0: an empty file
    }
    Database db = Database::open(dir + "/old.db");
    CHECK(db.userVersion() == latestSchemaVersion());
    int previous = 0;
    for (const Migration& m : allMigrations()) {
        CHECK(m.version > previous);
        previous = m.version;
    }
}

TEST_CASE("a database from a newer Vetrina is refused, not damaged", "[store]") {
    const std::string dir = scratchDir("store-newer");
    {
        Database db = Database::open(dir + "/n.db");
        db.exec("PRAGMA user_version = 999");
    }
    CHECK_THROWS_WITH(Database::open(dir + "/n.db"), Catch::Contains("newer"));
    CHECK_THROWS_WITH(Database::open(dir + "/n.db", OpenMode::ReadOnly), Catch::Contains("newer"));
}

TEST_CASE("a reader is not blocked while the writer holds a transaction", "[store]") {
    const std::string dir = scratchDir("store-wal");
    Database writer = Database::open(dir + "/w.db");
    storeActs(writer, {makeAct("2026/1", {2026, 1, 1}, {2026, 1, 20})}, {}, at("2026-01-02T10:00:00Z"));
    Database reader = Database::open(dir + "/w.db", OpenMode::ReadOnly);
    Transaction tx(writer);
    writer.exec("DELETE FROM acts");
    // The reader still sees the committed state, immediately.
    CHECK(listActsAt(reader, at("2026-01-02T10:00:00Z")).size() == 1);
    tx.commit();
    CHECK(listActsAt(reader, at("2026-01-02T10:00:00Z")).empty());
}

TEST_CASE("acts are listed from 00:00 of the first day to 24:00 of the last, Rome time", "[store][window]") {
    const std::string dir = scratchDir("store-window");
    Database db = Database::open(dir + "/w.db");
    // Winter: Rome is UTC+1.
    storeActs(db, {makeAct("2026/1", {2026, 1, 10}, {2026, 1, 25})}, {}, at("2026-01-01T00:00:00Z"));
    CHECK(listActsAt(db, at("2026-01-09T22:59:59Z")).empty());      // 23:59:59 of the 9th in Rome
    CHECK(listActsAt(db, at("2026-01-09T23:00:00Z")).size() == 1);  // 00:00 of the 10th in Rome
    CHECK(listActsAt(db, at("2026-01-25T22:59:59Z")).size() == 1);  // 23:59:59 of the last day
    CHECK(listActsAt(db, at("2026-01-25T23:00:00Z")).empty());      // 24:00 of the last day
    // Summer: Rome is UTC+2.
    storeActs(db, {makeAct("2026/2", {2026, 7, 1}, {2026, 7, 16})}, {}, at("2026-01-01T00:00:00Z"));
    CHECK(listActsAt(db, at("2026-06-30T21:59:59Z")).empty());
    CHECK(listActsAt(db, at("2026-06-30T22:00:00Z")).size() == 1);
    CHECK(listActsAt(db, at("2026-07-16T21:59:59Z")).size() == 1);
    CHECK(listActsAt(db, at("2026-07-16T22:00:00Z")).empty());
}

TEST_CASE("window edges on the DST change days", "[store][window]") {
    const std::string dir = scratchDir("store-dst");
    Database db = Database::open(dir + "/d.db");
    // Starts on the spring change day (29 March 2026), ends on the autumn one (25 October 2026).
    storeActs(db, {makeAct("2026/3", {2026, 3, 29}, {2026, 10, 25})}, {}, at("2026-01-01T00:00:00Z"));
    CHECK(listActsAt(db, at("2026-03-28T22:59:59Z")).empty());      // 23:59:59 CET of the 28th
    CHECK(listActsAt(db, at("2026-03-28T23:00:00Z")).size() == 1);  // 00:00 CET of the 29th
    CHECK(listActsAt(db, at("2026-10-25T22:59:59Z")).size() == 1);  // 23:59:59 CET, after the change
    CHECK(listActsAt(db, at("2026-10-25T23:00:00Z")).empty());
    // An act ending on the spring change day ends at 24:00 CEST (22:00 UTC).
    storeActs(db, {makeAct("2026/4", {2026, 3, 20}, {2026, 3, 29})}, {}, at("2026-01-01T00:00:00Z"));
    auto ids = [&](const char* t) {
        std::vector<std::string> u;
        for (const Act& a : listActsAt(db, at(t))) u.push_back(a.uid);
        return u;
    };
    CHECK(ids("2026-03-29T21:59:59Z") == std::vector<std::string>{"2026/3", "2026/4"});
    CHECK(ids("2026-03-29T22:00:00Z") == std::vector<std::string>{"2026/3"});
}

TEST_CASE("re-importing keeps ids stable and writes nothing when nothing changed", "[store][albo]") {
    const std::string dir = scratchDir("store-reimport");
    Database db = Database::open(dir + "/r.db");
    const AlboFeed feed = parseAlboPopRss(readAll(dataPath("albo/ladispoli_albopop_feed.xml")), "ladispoli");
    const auto first = storeActs(db, feed.acts, feed.report, at("2026-05-20T08:00:00Z"));
    CHECK(first.inserted == 20);
    const auto before = listActsAt(db, at("2026-05-20T08:00:00Z"));
    REQUIRE(before.size() == 20);
    const int changesBefore = sqlite3_total_changes(db.handle());
    const auto second = storeActs(db, feed.acts, feed.report, at("2026-05-21T08:00:00Z"));
    CHECK(second.unchanged == 20);
    CHECK(second.inserted + second.updated == 0);
    CHECK(sqlite3_total_changes(db.handle()) == changesBefore);
    const auto after = listActsAt(db, at("2026-05-20T08:00:00Z"));
    REQUIRE(after.size() == before.size());
    for (size_t i = 0; i < after.size(); ++i) CHECK(after[i].id == before[i].id);

    Act edited = feed.acts.front();
    edited.subject = "Oggetto corretto";
    const auto third = storeActs(db, {edited}, {}, at("2026-05-21T08:00:00Z"));
    CHECK(third.updated == 1);
    CHECK(findAct(db, before.front().id)->subject == "Oggetto corretto");
}

TEST_CASE("newest first: by first day, then by number", "[store][albo]") {
    const std::string dir = scratchDir("store-order");
    Database db = Database::open(dir + "/o.db");
    storeActs(
        db,
        {makeAct("2026/9", {2026, 5, 1}, {2026, 5, 30}), makeAct("2026/10", {2026, 5, 1}, {2026, 5, 30}),
         makeAct("2026/12", {2026, 4, 28}, {2026, 5, 30}), makeAct("2026/11", {2026, 5, 2}, {2026, 5, 30})},
        {}, at("2026-05-01T00:00:00Z"));
    std::vector<std::string> uids;
    for (const Act& a : listActsAt(db, at("2026-05-10T10:00:00Z"))) uids.push_back(a.uid);
    CHECK(uids == std::vector<std::string>{"2026/11", "2026/10", "2026/9", "2026/12"});
}

TEST_CASE("transactions nest as savepoints: an inner failure rolls back only itself", "[store]") {
    const std::string dir = scratchDir("store-nested");
    Database db = Database::open(dir + "/n.db");
    {
        Transaction outer(db);
        db.setMeta("a", "1");
        {
            Transaction inner(db);
            db.setMeta("b", "2");
        }  // not committed: rolled back
        {
            Transaction inner(db);
            db.setMeta("c", "3");
            inner.commit();
        }
        outer.commit();
    }
    CHECK(db.meta("a") == "1");
    CHECK_FALSE(db.meta("b"));
    CHECK(db.meta("c") == "3");
    {
        Transaction outer(db);
        Transaction inner(db);
        db.setMeta("d", "4");
        inner.commit();
    }  // outer not committed: everything inside is gone
    CHECK_FALSE(db.meta("d"));
}
