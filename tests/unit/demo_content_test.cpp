// The demo town's whole content goes through the staff's path: publish (validate, sign) and the
// kiosk's sync (verify, apply in one transaction). Every file's items must arrive: a notice must
// not replace the other notices of the same manifest.
#include "core/store/database.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace vt;
using vt::test::runCommand;
using vt::test::scratchDir;
using vt::test::vetrinaAt;

namespace {
int countRows(const Database& db, const std::string& table) {
    Statement st = db.prepare("SELECT count(*) FROM " + table);
    st.step();
    return static_cast<int>(st.integer(0));
}
int countFiles(const std::string& dir, const std::string& ext) {
    int n = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ext) ++n;
    return n;
}
}  // namespace

TEST_CASE("the demo content publishes, syncs and arrives whole", "[sync][demo]") {
    namespace fs = std::filesystem;
    const std::string dir = scratchDir("demo-content");
    const std::string src = std::string(VETRINA_SOURCE_DIR);
    fs::copy(src + "/content", dir + "/content", fs::copy_options::recursive);
    fs::create_directories(dir + "/content/albo");
    // The demo albo is written around 23 November 2026, and the kiosk syncs on that day too: the
    // acts' windows, the manifest's expiry and the purge all see one pinned clock.
    const std::string bin = vetrinaAt("2026-11-23T10:00:00+01:00");
    REQUIRE(runCommand("python3 " + src + "/scripts/demo-albo.py --today 2026-11-23 --in " + src +
                       "/demo/albo-atti.toml --out " + dir + "/content/albo/albo.xml >/dev/null") == 0);
    REQUIRE(runCommand(bin + " keygen --secret " + dir + "/demo.key --public " + dir +
                       "/demo.pub >/dev/null") == 0);
    std::string out;
    REQUIRE(runCommand(bin + " publish --content " + dir + "/content --out " + dir + "/published --key " +
                           dir + "/demo.key 2>&1",
                       &out) == 0);
    std::string pub;
    REQUIRE(runCommand("tail -n 1 " + dir + "/demo.pub", &pub) == 0);
    while (!pub.empty() && (pub.back() == '\n' || pub.back() == '\r')) pub.pop_back();
    {
        FILE* f = std::fopen((dir + "/kiosk.toml").c_str(), "w");
        REQUIRE(f);
        std::fprintf(f,
                     "[town]\nname = \"Comune di Borgo Vetrina (demo)\"\n[paths]\ndata_dir = \"data\"\n"
                     "[[source]]\nname = \"comune\"\nkind = \"manifest\"\nurl = \"published/manifest.json\"\n"
                     "public_keys = [\"%s\"]\n",
                     pub.c_str());
        std::fclose(f);
    }
    out.clear();
    REQUIRE(runCommand(bin + " sync --config " + dir + "/kiosk.toml --once 2>&1", &out) == 0);
    INFO(out);
    CHECK(out.find("revision 0 -> 1") != std::string::npos);

    Database db = Database::open(dir + "/data/vetrina.db", OpenMode::ReadOnly);
    CHECK(countRows(db, "acts") == 30);
    CHECK(countRows(db, "notices") == countFiles(src + "/content/notices", ".md"));
    CHECK(countRows(db, "offices") == countFiles(src + "/content/offices", ".toml"));
    CHECK(countRows(db, "alert_templates") == countFiles(src + "/content/alerts/templates", ".xml"));
    CHECK(countRows(db, "events") >= 15);
    // One Italian sheet per file (English variants are extra rows of the same sheets).
    Statement it = db.prepare("SELECT count(*) FROM sheets WHERE lang = 'it'");
    it.step();
    CHECK(it.integer(0) == countFiles(src + "/content/sheets", ".md") - 1);
    // The notice with a picture has it, read from the verified objects.
    Statement img = db.prepare("SELECT count(*) FROM notices WHERE image <> ''");
    img.step();
    CHECK(img.integer(0) >= 1);
}
