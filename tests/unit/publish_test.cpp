#include "core/sync/publish.h"
#include "core/sync/content_kinds.h"
#include "core/sync/manifest.h"
#include "core/util/files.h"
#include "sync_fixtures.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace vt;
using namespace vt::test;
namespace fs = std::filesystem;

namespace {
UnixSeconds at(const char* iso) {
    return *parseIsoInstant(iso);
}
}  // namespace

TEST_CASE("content files map to kinds by folder and extension", "[sync][publish]") {
    CHECK(contentKindFor("albo/albo.xml") == "albopop");
    CHECK(contentKindFor("sheets/carta-identita.md") == "sheets");
    CHECK(contentKindFor("events/2026.ics") == "ical");
    CHECK(contentKindFor("alerts/templates/neve.xml") == "cap-template");
    CHECK(contentKindFor("town.toml") == "town");
    CHECK(contentKindFor("media/stemma.png") == "media");
}

TEST_CASE("manifest paths must stay inside the content tree", "[sync][publish]") {
    CHECK(isSafeRelativePath("albo/albo.xml"));
    CHECK_FALSE(isSafeRelativePath("../etc/passwd"));
    CHECK_FALSE(isSafeRelativePath("albo/../../x"));
    CHECK_FALSE(isSafeRelativePath("/etc/passwd"));
    CHECK_FALSE(isSafeRelativePath("albo//x"));
    CHECK_FALSE(isSafeRelativePath("a\\b"));
    std::string error;
    CHECK_FALSE(parseManifest(R"({"format":"vetrina-manifest-1","revision":1,"created":"2026-01-01T00:00:00Z",
        "expires":"2026-02-01T00:00:00Z","files":[{"path":"../x","sha256":"00","size":1,"kind":"media"}]})",
                              error));
    CHECK_THAT(error, Catch::Contains("unsafe path"));
}

TEST_CASE("publish writes objects, a signed manifest and increasing revisions", "[sync][publish]") {
    const std::string dir = scratchDir("publish-ok");
    writeContent(dir + "/content", 20, "Prima");
    const SecretKey sk = generateSecretKey();
    const UnixSeconds now = at("2026-11-20T10:00:00Z");
    PublishResult r = publishOrFail(dir + "/content", dir + "/out", sk, now);
    CHECK(r.manifest.revision == 1);
    CHECK(r.manifest.files.size() == 3);
    CHECK(r.manifest.expires == now + 30 * 86400);
    const std::string json = readAll(dir + "/out/manifest.json");
    const SignatureCheck c =
        verifyDetached(json, readAll(dir + "/out/manifest.json.minisig"), {sk.publicKey()});
    REQUIRE(c.ok);
    CHECK(c.trustedComment == "revision:1 expires:2026-12-20T10:00:00Z");
    std::string error;
    auto m = parseManifest(json, error);
    REQUIRE(m);
    for (const ManifestFile& f : m->files)
        CHECK(sha256Hex(readAll(dir + "/out/" + f.objectPath())) == f.sha256);

    CHECK(publishOrFail(dir + "/content", dir + "/out", sk, now).manifest.revision == 2);
    {
        PublishOptions inside;
        inside.contentDir = dir + "/content";
        inside.outDir = dir + "/content/pubblicazione";
        inside.now = now;
        PublishResult bad = publishContent(inside, sk);
        REQUIRE_FALSE(bad.ok());
        CHECK_THAT(bad.errors.front(), Catch::Contains("must not be inside the content folder"));
    }
    PublishOptions o;
    o.contentDir = dir + "/content";
    o.outDir = dir + "/out";
    o.now = now;
    o.revision = 2;
    PublishResult again = publishContent(o, sk);
    REQUIRE_FALSE(again.ok());
    CHECK_THAT(again.errors.front(), Catch::Contains("rollback"));
}

TEST_CASE("invalid content is reported with file and line, and nothing is written", "[sync][publish]") {
    const std::string dir = scratchDir("publish-bad");
    writeContent(dir + "/content", 5, "Prima");
    fs::copy_file(dataPath("albo/bad_items.xml"), dir + "/content/albo/bad.xml");
    const SecretKey sk = generateSecretKey();
    PublishOptions o;
    o.contentDir = dir + "/content";
    o.outDir = dir + "/out";
    o.now = at("2026-11-20T10:00:00Z");
    PublishResult r = publishContent(o, sk);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.errors.front(), Catch::Matches("albo/bad\\.xml:[0-9]+: item [0-9]+.*"));
    CHECK_FALSE(fs::exists(dir + "/out"));

    SECTION("a feed that is not RSS at all") {
        fs::remove(dir + "/content/albo/bad.xml");
        REQUIRE(writeFileAtomic(dir + "/content/albo/rotto.xml", "<html>no</html>"));
        r = publishContent(o, sk);
        REQUIRE_FALSE(r.ok());
        CHECK_THAT(r.errors.front(), Catch::StartsWith("albo/rotto.xml"));
    }
    SECTION("a symbolic link out of the tree") {
        fs::remove(dir + "/content/albo/bad.xml");
        fs::create_symlink("/etc/passwd", dir + "/content/media/passwd");
        r = publishContent(o, sk);
        REQUIRE_FALSE(r.ok());
        CHECK_THAT(r.errors.front(),
                   Catch::Contains("media/passwd: symbolic link out of the content folder"));
    }
    CHECK_FALSE(fs::exists(dir + "/out/manifest.json"));
}

TEST_CASE("the publish command signs with an encrypted key only when given its password", "[sync][publish]") {
    const std::string dir = scratchDir("publish-cmd");
    writeContent(dir + "/content", 3, "Cmd");
    const std::string v = VETRINA_BINARY;
    REQUIRE(runCommand("VETRINA_KEY_PASSWORD=pw " + v + " keygen --encrypt --secret " + dir +
                       "/k.sec --public " + dir + "/k.pub >/dev/null") == 0);
    std::string out;
    const std::string publish =
        v + " publish --content " + dir + "/content --out " + dir + "/out --key " + dir + "/k.sec";
    CHECK(runCommand("env -u VETRINA_KEY_PASSWORD " + publish + " 2>&1", &out) != 0);
    CHECK_THAT(out, Catch::Contains("encrypted"));
    out.clear();
    CHECK(runCommand("echo wrong | " + publish + " --password-stdin 2>&1", &out) != 0);
    CHECK_THAT(out, Catch::Contains("wrong password"));
    CHECK(runCommand("echo pw | " + publish + " --password-stdin >/dev/null") == 0);
    CHECK(runCommand("minisign -V -p " + dir + "/k.pub -m " + dir + "/out/manifest.json >/dev/null 2>&1") ==
          0);
}
