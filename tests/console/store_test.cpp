#include "accounts.h"
#include "audit.h"
#include "console_test_support.h"

#include <catch2/catch.hpp>

using namespace vt::console;
using vt::console::test::freshStore;
using vt::console::test::kNow;

TEST_CASE("console store: a new store has its schema and no account at all", "[console][store]") {
    ConsoleStore s = freshStore("console-store-new");
    CHECK(s.schemaVersion() == ConsoleStore::latestSchema());
    CHECK_FALSE(hasUsers(s));
    CHECK(listUsers(s).empty());
}

TEST_CASE("console store: a store from a newer console is refused, not damaged", "[console][store]") {
    const std::string dir = vt::test::scratchDir("console-store-newer");
    { ConsoleStore::open(storePathIn(dir)).exec("PRAGMA user_version=99"); }
    CHECK_THROWS_WITH(ConsoleStore::open(storePathIn(dir)), Catch::Contains("newer vetrina-console"));
}

TEST_CASE("console store: users keep their role and only a hash of the password", "[console][store]") {
    ConsoleStore s = freshStore("console-store-users");
    addUser(s, "m.rossi", Role::Editor, "", "password della redazione", kNow);
    addUser(s, "publisher1", Role::Publisher, "asl", "password di chi pubblica", kNow);
    REQUIRE(findUser(s, "m.rossi"));
    CHECK(findUser(s, "m.rossi")->role == Role::Editor);
    CHECK(findUser(s, "publisher1")->body == "asl");
    auto st = s.prepare("SELECT password_hash FROM users WHERE name = 'm.rossi'");
    REQUIRE(st.step());
    CHECK(st.text(0).rfind("$argon2id$", 0) == 0);
    CHECK(st.text(0).find("redazione") == std::string::npos);
    CHECK_THROWS_AS(addUser(s, "m.rossi", Role::Admin, "", "un'altra password", kNow), AccountError);
    CHECK_THROWS_AS(addUser(s, "Mario Rossi", Role::Admin, "", "un'altra password", kNow), AccountError);
    CHECK_THROWS_AS(addUser(s, "<script>", Role::Admin, "", "un'altra password", kNow), AccountError);
    CHECK_THROWS_AS(addUser(s, "corta", Role::Admin, "", "corta", kNow), AccountError);
    CHECK(listUsers(s).size() == 2);
}

TEST_CASE("console roles are the three of the contract", "[console][store]") {
    CHECK(parseRole("editor") == Role::Editor);
    CHECK(parseRole("publisher") == Role::Publisher);
    CHECK(parseRole("admin") == Role::Admin);
    CHECK_FALSE(parseRole("root"));
    CHECK_FALSE(parseRole("Admin"));
}

TEST_CASE("console audit log is append-only in the store itself", "[console][store][audit]") {
    ConsoleStore s = freshStore("console-store-audit");
    audit(s, kNow, "m.rossi", "login", "m.rossi", "", "127.0.0.1");
    audit(s, kNow + 1, "m.rossi", "logout", "m.rossi");
    CHECK_THROWS_WITH(s.exec("UPDATE audit SET actor = 'nobody'"), Catch::Contains("append-only"));
    CHECK_THROWS_WITH(s.exec("DELETE FROM audit"), Catch::Contains("append-only"));
    const auto entries = recentAudit(s, 10);
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].action == "logout");  // newest first
    CHECK(entries[1].actor == "m.rossi");
}

TEST_CASE("console audit CSV quotes every cell and defuses spreadsheet formulas", "[console][audit]") {
    ConsoleStore s = freshStore("console-store-csv");
    audit(s, kNow, "=HYPERLINK(\"http://x\")", "login_failed", "a,b", "say \"hi\"", "127.0.0.1");
    const std::string csv = auditCsv(s);
    CHECK(csv.rfind("id,at,actor,action,target,detail,address,revision,hash_before,hash_after\r\n", 0) == 0);
    CHECK(csv.find("\"'=HYPERLINK(\"\"http://x\"\")\"") != std::string::npos);
    CHECK(csv.find("\"a,b\"") != std::string::npos);
    CHECK(csv.find("\"say \"\"hi\"\"\"") != std::string::npos);
    CHECK(csv.find("\"2026-11-23T10:00:00+01:00\"") != std::string::npos);
}
