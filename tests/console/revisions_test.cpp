// Publishing from the console: approval writes the content files and signs a new revision with
// core's publish; invalid content or a bad key changes nothing; revisions diff and restore.
#include "revisions.h"
#include "audit.h"
#include "console_test_support.h"
#include "publishing.h"
#include "signature_renewal.h"

#include "core/sync/manifest.h"
#include "core/sync/minisign.h"
#include "core/sync/publish.h"
#include "core/util/files.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

#include <sys/stat.h>

using namespace vt::console;
using vt::console::test::kNow;
namespace fs = std::filesystem;

namespace {

const std::string kRepoContent = std::string(VETRINA_SOURCE_DIR) + "/content";

// Every file under `dir` (hidden ones too) with its bytes: "byte for byte" made checkable.
std::map<std::string, std::string> tree(const std::string& dir) {
    std::map<std::string, std::string> out;
    if (!fs::exists(dir)) return out;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        const std::string rel = e.path().lexically_relative(dir).generic_string();
        out[rel] = e.is_regular_file() ? *vt::readFile(e.path().string()) : std::string("<dir>");
    }
    return out;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

// A town's console: a copy of the repository's notices and images as content_dir, an empty
// out_dir and a fresh unencrypted key readable only by its owner.
struct Town {
    std::string dir;
    ConsoleConfig config;
    ConsoleStore store;
    vt::SecretKey key = vt::generateSecretKey();

    explicit Town(const std::string& name) : dir(vt::test::scratchDir(name)) {
        fs::create_directories(dir + "/content");
        for (const char* sub : {"notices", "media", "town"})
            fs::copy(kRepoContent + "/" + sub, dir + "/content/" + sub, fs::copy_options::recursive);
        config.contentDir = dir + "/content";
        config.outDir = dir + "/out";
        config.keyFile = dir + "/comune.key";
        writeKey(vt::formatSecretKeyFile(key, std::nullopt), 0600);
        store = ConsoleStore::open(dir + "/console.db");
    }
    void writeKey(const std::string& text, mode_t mode) const {
        REQUIRE(vt::writeFileAtomic(config.keyFile, text));
        REQUIRE(::chmod(config.keyFile.c_str(), mode) == 0);
    }
    std::string content(const std::string& rel) const { return *vt::readFile(config.contentDir + "/" + rel); }
    vt::Manifest published() const {
        std::string error;
        auto m = vt::parseManifest(*vt::readFile(config.outDir + "/manifest.json"), error);
        REQUIRE(m);
        return *m;
    }
    PublishOutcome publish(const FileChanges& changes, const std::string& reason, vt::UnixSeconds at = kNow) {
        return publishChanges(config, store, changes, "paola", reason, at);
    }
};

std::map<std::string, std::string> filesOf(const vt::Manifest& m) {
    std::map<std::string, std::string> out;
    for (const auto& f : m.files) out[f.path] = f.sha256;
    return out;
}

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& e : v) s += e + "\n";
    return s;
}

const char* const kTari = "notices/tari-scadenza.md";

}  // namespace

TEST_CASE("console publishing: a changed notice becomes a signed revision 2 with its diff and audit entry",
          "[console][revisions][publish]") {
    Town t("revisions-publish");
    const PublishOutcome first = t.publish({}, "Prima pubblicazione");
    REQUIRE(first.errors.empty());
    CHECK(first.ok);
    CHECK(first.revision == 1);
    CHECK(first.manifestBefore.empty());
    CHECK(first.filesCopied > 0);

    const std::string changed = replaced(t.content(kTari), "La seconda rata della TARI scade il 16 dicembre.",
                                         "La seconda rata della TARI scade il 18 dicembre.");
    const PublishOutcome second = t.publish({{kTari, changed}}, "Data corretta", kNow + 60);
    REQUIRE(second.errors.empty());
    CHECK(second.revision == 2);
    CHECK(second.filesChanged == 1);
    CHECK(second.filesCopied == 1);
    CHECK(second.manifestBefore == first.manifestAfter);
    CHECK(t.content(kTari) == changed);

    // What the kiosks fetch: revision 2, signed by the town's key, the manifest last.
    const std::string json = *vt::readFile(t.config.outDir + "/manifest.json");
    CHECK(vt::sha256Hex(json) == second.manifestAfter);
    const vt::SignatureCheck sig = vt::verifyDetached(
        json, *vt::readFile(t.config.outDir + "/manifest.json.minisig"), {t.key.publicKey()});
    REQUIRE(sig.ok);
    CHECK(sig.trustedComment.rfind("revision:2 ", 0) == 0);
    CHECK(t.published().revision == 2);
    const vt::Manifest m2 = t.published();
    for (const auto& f : m2.files) CHECK(fs::exists(t.config.outDir + "/" + f.objectPath()));

    // The store: both revisions, the second with its reason and manifest hash.
    REQUIRE(listRevisions(t.store).size() == 2);
    const auto rec = findRevision(t.store, 2);
    REQUIRE(rec);
    CHECK(rec->actor == "paola");
    CHECK(rec->reason == "Data corretta");
    CHECK(rec->publishedAt == kNow + 60);
    CHECK(rec->manifestSha256 == second.manifestAfter);
    CHECK_FALSE(rec->restoredFrom);

    // What changed: one file, the line removed and the line added.
    const auto diff = diffRevisions(t.config, t.store, 2);
    REQUIRE(diff);
    CHECK(diff->previous == 1);
    REQUIRE(diff->files.size() == 1);
    const FileDiff& f = diff->files[0];
    CHECK(f.path == kTari);
    CHECK(f.change == FileChange::Changed);
    CHECK(f.kind == "notices");
    REQUIRE(f.text);
    CHECK(f.diff.added == 1);
    CHECK(f.diff.removed == 1);
    REQUIRE(f.diff.hunks.size() == 1);
    bool minus = false, plus = false;
    for (const DiffLine& l : f.diff.hunks[0].lines) {
        minus |= l.op == '-' && l.text.find("16 dicembre") != std::string::npos;
        plus |= l.op == '+' && l.text.find("18 dicembre") != std::string::npos;
    }
    CHECK(minus);
    CHECK(plus);
    // Revision 1 is the first known: a list of everything, added, without texts.
    const auto firstDiff = diffRevisions(t.config, t.store, 1);
    REQUIRE(firstDiff);
    CHECK(firstDiff->previous == 0);
    CHECK(firstDiff->files.size() == t.published().files.size());
    for (const FileDiff& a : firstDiff->files) {
        CHECK(a.change == FileChange::Added);
        CHECK_FALSE(a.text);
    }
    // An image changed: listed with its sizes, as binary.
    const std::string stemma = t.content("town/stemma.png");
    const PublishOutcome third = t.publish({{"media/lavori-piazza.png", stemma}}, "Nuova foto", kNow + 120);
    REQUIRE(third.errors.empty());
    const auto imageDiff = diffRevisions(t.config, t.store, 3);
    REQUIRE(imageDiff);
    REQUIRE(imageDiff->files.size() == 1);
    CHECK(imageDiff->files[0].change == FileChange::Changed);
    CHECK_FALSE(imageDiff->files[0].text);
    CHECK(imageDiff->files[0].note.find("binary") != std::string::npos);
    CHECK(imageDiff->files[0].sizeAfter == stemma.size());
    CHECK_FALSE(diffRevisions(t.config, t.store, 9));

    // The audit log: who, what, the revision and the manifest hashes before and after.
    auto log = recentAudit(t.store, 5);
    REQUIRE(log.size() == 3);
    log.erase(log.begin());  // the image's
    CHECK(log[0].action == "publish");
    CHECK(log[0].actor == "paola");
    CHECK(log[0].detail == "Data corretta");
    REQUIRE(log[0].revision);
    CHECK(log[0].revision->revision == 2);
    CHECK(log[0].revision->hashBefore == first.manifestAfter);
    CHECK(log[0].revision->hashAfter == second.manifestAfter);
    REQUIRE(log[1].revision);
    CHECK(log[1].revision->hashBefore.empty());
    CHECK(auditCsv(t.store).find(",2,\"" + first.manifestAfter + "\",\"" + second.manifestAfter + "\"") !=
          std::string::npos);
}

TEST_CASE("console publishing: invalid content names file and line and changes nothing",
          "[console][revisions][publish]") {
    Town t("revisions-invalid");
    REQUIRE(t.publish({}, "Prima").ok);
    const std::string tari = t.config.contentDir + "/" + kTari;
    fs::permissions(tari, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    const auto contentBefore = tree(t.config.contentDir);
    const auto outBefore = tree(t.config.outDir);
    const std::string broken = "+++\ntitle = \"Avviso rotto\"\nvalid_from = 2026-13-01\n+++\nTesto.\n";
    const PublishOutcome r = t.publish({{"notices/rotto.md", broken},
                                        {kTari, std::string("+++\nid = \"tari\"\n")},
                                        {"notices/farmacia-notte.md", std::nullopt},
                                        {"media/nuove/foto.png", std::string("\x89PNG", 4)}},
                                       "Da rifiutare");
    CHECK_FALSE(r.ok);
    INFO(joined(r.errors));
    CHECK(joined(r.errors).find("notices/rotto.md:3") != std::string::npos);
    CHECK(joined(r.errors).find("tari-scadenza.md") != std::string::npos);
    CHECK(tree(t.config.contentDir) == contentBefore);  // written, deleted and new folder all undone
    CHECK_FALSE(fs::exists(t.config.contentDir + "/media/nuove"));
    CHECK(fs::status(tari).permissions() ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
    CHECK(tree(t.config.contentDir).count("notices/.tari-scadenza.md.console-tmp") == 0);
    CHECK(tree(t.config.outDir) == outBefore);
    CHECK(latestRevision(t.store) == 1);
    CHECK(recentAudit(t.store, 5).size() == 1);
}

TEST_CASE("console publishing: paths outside the content folders are refused",
          "[console][revisions][publish]") {
    Town t("revisions-paths");
    for (const char* bad : {"../fuori.md", "/etc/passwd", "notices/../../fuori.md", "notices/./x.md",
                            ".git/config", "notices/.nascosto.md", "notices//x.md", "segreto.txt", "notices",
                            "config/x.toml", "notices\\x.md", ""}) {
        INFO(bad);
        CHECK(contentPathProblem(bad));
        const PublishOutcome r = t.publish({{bad, std::string("x")}}, "no");
        CHECK_FALSE(r.ok);
        CHECK_FALSE(r.errors.empty());
    }
    for (const char* good : {"notices/nuovo.md", "media/foto.png", "alerts/templates/neve.xml", "town.toml",
                             "synonyms.txt", "sheets/anagrafe.en.md"})
        CHECK_FALSE(contentPathProblem(good));
    // A link inside the content folder does not lead the console's writes outside it.
    fs::create_directories(t.dir + "/altrove");
    fs::create_directory_symlink(t.dir + "/altrove", t.config.contentDir + "/media/link");
    const PublishOutcome viaLink = t.publish({{"media/link/x.png", std::string("x")}}, "no");
    CHECK_FALSE(viaLink.ok);
    CHECK(fs::is_empty(t.dir + "/altrove"));
    CHECK_FALSE(fs::exists(t.config.outDir));
    CHECK(latestRevision(t.store) == 0);
}

TEST_CASE("console publishing: a missing, encrypted or shared key is a clear error, its bytes never shown",
          "[console][revisions][publish][key]") {
    Town t("revisions-key");
    const auto contentBefore = tree(t.config.contentDir);
    const std::string changed = replaced(t.content(kTari), "16 dicembre.", "17 dicembre.");

    ConsoleConfig noKey = t.config;
    noKey.keyFile = t.dir + "/non-esiste.key";
    PublishOutcome r = publishChanges(noKey, t.store, {{kTari, changed}}, "paola", "x", kNow);
    CHECK_FALSE(r.ok);
    CHECK(joined(r.errors).find("non-esiste.key") != std::string::npos);
    noKey.keyFile.clear();
    CHECK(joined(publishChanges(noKey, t.store, {}, "paola", "x", kNow).errors).find("key_file") !=
          std::string::npos);

    const std::string encrypted = vt::formatSecretKeyFile(t.key, std::string("parola d'ordine"));
    t.writeKey(encrypted, 0600);
    r = t.publish({{kTari, changed}}, "x");
    CHECK_FALSE(r.ok);
    CHECK(joined(r.errors).find("password") != std::string::npos);
    const std::string base64 = encrypted.substr(encrypted.find('\n') + 1, 40);
    CHECK(joined(r.errors).find(base64) == std::string::npos);

    const std::string plain = vt::formatSecretKeyFile(t.key, std::nullopt);
    t.writeKey(plain, 0644);
    r = t.publish({{kTari, changed}}, "x");
    CHECK_FALSE(r.ok);
    CHECK(joined(r.errors).find("chmod 600") != std::string::npos);
    CHECK(joined(r.errors).find(plain.substr(plain.find('\n') + 1, 40)) == std::string::npos);

    t.writeKey("untrusted comment: x\nnon è una chiave\n", 0600);
    r = t.publish({{kTari, changed}}, "x");
    CHECK_FALSE(r.ok);
    CHECK(joined(r.errors).find("minisign") != std::string::npos);

    CHECK(tree(t.config.contentDir) == contentBefore);
    CHECK_FALSE(fs::exists(t.config.outDir));
    CHECK(latestRevision(t.store) == 0);
    CHECK(recentAudit(t.store, 5).empty());
}

TEST_CASE("console publishing: a revision published by hand is counted and recorded",
          "[console][revisions][publish]") {
    Town t("revisions-by-hand");
    REQUIRE(t.publish({}, "Prima").ok);
    vt::PublishOptions o;
    o.contentDir = t.config.contentDir;
    o.outDir = t.config.outDir;
    o.revision = 7;
    o.now = kNow + 100;
    REQUIRE(vt::publishContent(o, t.key).ok());  // `vetrina publish --revision 7` on the server
    const PublishOutcome r =
        t.publish({{kTari, replaced(t.content(kTari), "16 dicembre.", "17 dicembre.")}}, "x");
    REQUIRE(r.ok);
    CHECK(r.revision == 8);
    const auto hand = findRevision(t.store, 7);
    REQUIRE(hand);
    CHECK(hand->actor.empty());
    CHECK(hand->publishedAt == kNow + 100);
    CHECK(hand->filesChanged == 0);
    CHECK(diffRevisions(t.config, t.store, 8)->previous == 7);
}

TEST_CASE("console restore: an old revision comes back as a new, higher one",
          "[console][revisions][restore]") {
    Town t("revisions-restore");
    // A file someone put by hand beside the content folders: published, and no obstacle to restore.
    REQUIRE(
        vt::writeFileAtomic(t.config.contentDir + "/LEGGIMI.txt", "Cartella dei contenuti del Comune.\n"));
    REQUIRE(t.publish({}, "Prima").ok);
    CHECK(filesOf(t.published()).count("LEGGIMI.txt") == 1);
    const auto contentAt1 = tree(t.config.contentDir);
    const vt::Manifest m1 = t.published();
    const PublishOutcome second = t.publish(
        {{kTari, replaced(t.content(kTari), "16 dicembre.", "18 dicembre.")},
         {"notices/farmacia-notte.md", std::nullopt},
         {"notices/nuovo.md", std::string("+++\nid = \"nuovo\"\ntitle = \"Nuovo\"\nshort = \"Breve\"\n"
                                          "valid_from = 2026-11-01\nvalid_until = 2026-12-31\n+++\n"
                                          "Testo nuovo.\n")}},
        "Seconda");
    REQUIRE(second.errors.empty());
    CHECK(second.filesChanged == 3);

    const PublishOutcome r = restoreRevision(t.config, t.store, 1, "paola", kNow + 600, "10.0.0.5");
    REQUIRE(r.errors.empty());
    CHECK(r.revision == 3);
    CHECK(r.filesChanged == 3);
    CHECK(tree(t.config.contentDir) == contentAt1);
    const vt::Manifest m3 = t.published();
    CHECK(m3.revision == 3);
    CHECK(filesOf(m3) == filesOf(m1));
    const auto rec = findRevision(t.store, 3);
    REQUIRE(rec);
    CHECK(rec->restoredFrom == 1);
    CHECK(rec->reason.find("revisione 1") != std::string::npos);
    const auto log = recentAudit(t.store, 1);
    CHECK(log[0].action == "restore");
    CHECK(log[0].address == "10.0.0.5");
    REQUIRE(log[0].revision);
    CHECK(log[0].revision->revision == 3);
    CHECK(log[0].revision->hashBefore == second.manifestAfter);
    CHECK(log[0].revision->hashAfter == r.manifestAfter);

    // An object gone from out_dir: refused, nothing changed.
    const auto outBefore = tree(t.config.outDir);
    const auto contentBefore = tree(t.config.contentDir);
    std::string gone, error;
    const auto m2 = vt::parseManifest(findRevision(t.store, 2)->manifestJson, error);
    REQUIRE(m2);
    for (const auto& f : m2->files)
        if (f.path == "notices/nuovo.md") gone = f.objectPath();
    REQUIRE_FALSE(gone.empty());
    fs::remove(t.config.outDir + "/" + gone);
    const PublishOutcome refused = restoreRevision(t.config, t.store, 2, "paola", kNow + 700);
    CHECK_FALSE(refused.ok);
    CHECK(joined(refused.errors).find("notices/nuovo.md") != std::string::npos);
    CHECK(tree(t.config.contentDir) == contentBefore);
    CHECK(tree(t.config.outDir).size() == outBefore.size() - 1);
    CHECK(latestRevision(t.store) == 3);
    CHECK_FALSE(restoreRevision(t.config, t.store, 42, "paola", kNow).ok);
}

TEST_CASE("console publishing: inside the approval's own transaction, with its draft id",
          "[console][revisions][publish]") {
    Town t("revisions-in-transaction");
    StoreTransaction tx(t.store);  // what the approval flow holds while it marks the draft approved
    PublishRequest request;
    request.actor = "paola";
    request.reason = "Bozza 12 approvata";
    request.draftId = 12;
    const PublishOutcome r = publishChanges(t.config, t.store, {}, request, kNow);
    REQUIRE(r.errors.empty());
    tx.commit();
    const auto rec = findRevision(t.store, r.revision);
    REQUIRE(rec);
    CHECK(rec->draftId == 12);
    CHECK(recentAudit(t.store, 1).at(0).action == "publish");
}

TEST_CASE("console signature renewal: a week before the signature expires, the content is signed again",
          "[console][revisions][renewal]") {
    Town town("console-renewal");
    // Nothing published yet: nothing to renew.
    CHECK_FALSE(renewSignatureIfDue(town.config, town.store, kNow).due);
    REQUIRE(town.publish({}, "prima pubblicazione").ok);
    const vt::Manifest first = town.published();
    CHECK(first.expires == kNow + 30 * 86400);
    // Ten days later the signature has twenty to go: nothing happens.
    const RenewalOutcome early = renewSignatureIfDue(town.config, town.store, kNow + 10 * 86400);
    CHECK_FALSE(early.due);
    CHECK(town.published().revision == first.revision);
    // Twenty-four days later it has six: a new revision, same files, signed again for 30 days.
    const vt::UnixSeconds later = kNow + 24 * 86400;
    const RenewalOutcome r = renewSignatureIfDue(town.config, town.store, later);
    CHECK(r.due);
    CHECK(r.error.empty());
    REQUIRE(r.renewed);
    const vt::Manifest renewed = town.published();
    CHECK(renewed.revision == first.revision + 1);
    CHECK(r.revision == renewed.revision);
    CHECK(renewed.expires == later + 30 * 86400);
    CHECK(filesOf(renewed) == filesOf(first));
    CHECK(vt::verifyDetached(*vt::readFile(town.config.outDir + "/manifest.json"),
                             *vt::readFile(town.config.outDir + "/manifest.json.minisig"),
                             {town.key.publicKey()})
              .ok);
    const auto log = recentAudit(town.store, 1);
    REQUIRE(log.size() == 1);
    CHECK(log[0].actor == "vetrina-console");
    CHECK(log[0].action == "publish");
    // Renewed: not due again the same day.
    CHECK_FALSE(renewSignatureIfDue(town.config, town.store, later).due);
    // A key that cannot be read: due, not renewed, and said why.
    town.writeKey("non è una chiave", 0600);
    const RenewalOutcome failed = renewSignatureIfDue(town.config, town.store, later + 24 * 86400);
    CHECK(failed.due);
    CHECK_FALSE(failed.renewed);
    CHECK_FALSE(failed.error.empty());
    CHECK(town.published().revision == renewed.revision);
}
