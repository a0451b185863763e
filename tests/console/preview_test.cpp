// The exact preview: the scratch store (published content + draft, imported by core), `vetrina
// shoot` run as a limited child, and what a clerk is told when the child fails.
#include "preview.h"
#include "child_process.h"
#include "console_config.h"
#include "console_test_support.h"
#include "preview_store.h"

#include "core/notices/notice_store.h"
#include "core/sync/minisign.h"
#include "core/sync/publish.h"
#include "core/util/files.h"

#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>
#include <vector>

using namespace vt::console;
namespace fs = std::filesystem;

namespace {

// 24 December 2026, 10:00 in Rome: the day the clerk asks about.
constexpr vt::UnixSeconds kChristmasEve = 1798102800;
// 1 March 2027, 10:00 in Rome: after the draft's validity.
constexpr vt::UnixSeconds kMarch = 1803891600;

const std::string kDraftNotice = R"(+++
id = "avviso-anteprima"
title = "Concerto di Natale in piazza"
short = "La sera del 24 dicembre la banda suona in Piazza del Municipio."
image = "../media/avviso-anteprima.png"
priority = 50
valid_from = 2026-12-20
valid_until = 2026-12-27
[en]
title = "Christmas concert in the square"
short = "On the evening of 24 December the band plays in Piazza del Municipio."
+++
La banda comunale suona **alle 21** in Piazza del Municipio.
)";

std::map<std::string, std::string> draftOverlay() {
    return {{"notices/avviso-anteprima.md", kDraftNotice},
            {"media/avviso-anteprima.png",
             vt::test::readAll(std::string(VETRINA_SOURCE_DIR) + "/content/media/lavori-piazza.png")}};
}

// The repository's content/ published with a fresh key, as the console's approval will do it.
std::string publishDemo(const std::string& name) {
    const std::string out = vt::test::scratchDir(name) + "/published";
    vt::PublishOptions o;
    o.contentDir = std::string(VETRINA_SOURCE_DIR) + "/content";
    o.outDir = out;
    o.now = test::kNow;
    const vt::PublishResult r = vt::publishContent(o, vt::generateSecretKey());
    INFO((r.errors.empty() ? "" : r.errors.front()));
    REQUIRE(r.ok());
    return out;
}

// Every file's bytes and modification time: a preview must leave the published folder as it was.
std::map<std::string, std::pair<std::string, fs::file_time_type>> snapshot(const std::string& dir) {
    std::map<std::string, std::pair<std::string, fs::file_time_type>> files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file())
            files[e.path().string()] = {vt::test::readAll(e.path().string()), fs::last_write_time(e.path())};
    return files;
}

std::vector<vt::Notice> noticesIn(const vt::Database& db) {
    return vt::loadNotices(db, kChristmasEve);
}

const vt::Notice* findNotice(const std::vector<vt::Notice>& list, const std::string& uid) {
    for (const vt::Notice& n : list)
        if (n.uid == uid) return &n;
    return nullptr;
}

std::string writeScript(const std::string& dir, const std::string& name, const std::string& body) {
    const std::string path = dir + "/" + name;
    std::ofstream(path) << "#!/bin/sh\n" << body;
    fs::permissions(path, fs::perms::owner_all);
    return path;
}

// Gone, or a zombie waiting for init: either way no longer running.
bool processGone(pid_t pid) {
    for (int i = 0; i < 200; ++i) {
        if (::kill(pid, 0) != 0) return true;
        std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
        std::string line;
        std::getline(stat, line);
        const auto close = line.rfind(')');
        if (close != std::string::npos && close + 2 < line.size() && line[close + 2] == 'Z') return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

bool emptyDir(const std::string& dir) {
    return !fs::exists(dir) || fs::is_empty(dir);
}

PreviewRequest draftRequest(const std::string& screen, int w, int h, const std::string& lang) {
    PreviewRequest q;
    q.overlay = draftOverlay();
    q.screen = screen;
    q.width = w;
    q.height = h;
    q.language = lang;
    q.at = kChristmasEve;
    q.now = test::kNow;
    return q;
}

}  // namespace

TEST_CASE("preview store: the published content with the draft laid over it", "[console][preview]") {
    const std::string out = publishDemo("preview-store");
    const auto before = snapshot(out);

    PreviewContent c;
    c.outDir = out;
    c.overlay = draftOverlay();
    // The draft also edits a published notice and deletes another.
    std::string edited =
        vt::test::readAll(std::string(VETRINA_SOURCE_DIR) + "/content/notices/lavori-piazza.md");
    edited.replace(edited.find("Lavori in Piazza del Municipio"), 30, "Lavori finiti in piazza");
    c.overlay["notices/lavori-piazza.md"] = edited;
    c.removed = {"notices/tari-scadenza.md"};
    c.now = test::kNow;
    vt::Database db = vt::Database::open(":memory:");
    const PreviewStoreResult r = buildPreviewStore(c, db);
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.revision == 1);
    CHECK(r.issues.empty());
    CHECK(r.items > 30);  // the sheets, notices, events and offices of the demo

    const auto notices = noticesIn(db);
    const vt::Notice* draft = findNotice(notices, "avviso-anteprima");
    REQUIRE(draft);
    CHECK(draft->textFor("it").title == "Concerto di Natale in piazza");
    CHECK(draft->textFor("en").title == "Christmas concert in the square");
    CHECK_FALSE(draft->imageHash.empty());  // the image next to the draft was found and scaled
    CHECK(draft->source == "contenuti/notices/avviso-anteprima.md");
    const vt::Notice* works = findNotice(notices, "lavori-piazza");
    REQUIRE(works);
    CHECK(works->textFor("it").title == "Lavori finiti in piazza");
    CHECK_FALSE(works->imageHash.empty());  // its published image, read from the verified objects
    CHECK_FALSE(findNotice(notices, "tari-scadenza"));
    CHECK(findNotice(notices, "farmacia-notte"));

    std::string error;
    CHECK(resolveScreen(db, "notice:avviso-anteprima", error) == "notice:" + std::to_string(draft->id));
    CHECK(resolveScreen(db, "notice:42", error) == "notice:42");
    CHECK(resolveScreen(db, "home", error) == "home");
    CHECK(error.empty());
    CHECK(resolveScreen(db, "notice:nessuno", error).empty());
    CHECK_THAT(error, Catch::Contains("\"nessuno\" is not in the preview's content"));

    CHECK(snapshot(out) == before);
}

TEST_CASE("preview store: no published content yet, a damaged object, a bad draft", "[console][preview]") {
    SECTION("an empty published folder: the draft alone") {
        PreviewContent c;
        c.outDir = vt::test::scratchDir("preview-store-empty");
        c.overlay = draftOverlay();
        vt::Database db = vt::Database::open(":memory:");
        const PreviewStoreResult r = buildPreviewStore(c, db);
        REQUIRE(r.ok);
        CHECK(r.revision == 0);
        const auto notices = noticesIn(db);
        REQUIRE(notices.size() == 1);
        CHECK(notices[0].uid == "avviso-anteprima");
    }
    SECTION("a published object that does not match the manifest is refused") {
        const std::string out = publishDemo("preview-store-damaged");
        vt::PublishResult listed =
            vt::validateContent(std::string(VETRINA_SOURCE_DIR) + "/content", test::kNow);
        std::string sheet;
        for (const auto& f : listed.manifest.files)
            if (f.path == "sheets/passaporto.md") sheet = out + "/" + f.objectPath();
        REQUIRE(fs::exists(sheet));
        std::ofstream(sheet, std::ios::app) << "tampered";
        PreviewContent c;
        c.outDir = out;
        vt::Database db = vt::Database::open(":memory:");
        const PreviewStoreResult r = buildPreviewStore(c, db);
        CHECK_FALSE(r.ok);
        CHECK_THAT(r.error, Catch::Contains("sheets/passaporto.md") && Catch::Contains("damaged"));
    }
    SECTION("a draft path out of the content folder, and a draft that cannot be read") {
        PreviewContent c;
        c.overlay = {{"../notices/x.md", kDraftNotice}};
        vt::Database db = vt::Database::open(":memory:");
        CHECK_THAT(buildPreviewStore(c, db).error, Catch::Contains("Invalid file name"));
        c.overlay = {{"notices/rotto.md", "+++\nid = \n+++\n"}};
        const PreviewStoreResult r = buildPreviewStore(c, db);
        CHECK_FALSE(r.ok);
        CHECK_THAT(r.error, Catch::StartsWith("notices/rotto.md: "));
        CHECK(noticesIn(db).empty());
    }
}

TEST_CASE("preview: the draft rendered by vetrina shoot, portrait and landscape, it and en",
          "[console][preview][shoot]") {
    const std::string dir = vt::test::scratchDir("preview-shoot");
    const std::string out = publishDemo("preview-shoot-out");
    const auto before = snapshot(out);
    PreviewSettings s;
    s.vetrinaBinary = VETRINA_BINARY;
    s.outDir = out;
    s.scratchRoot = dir + "/scratch";
    s.timeoutSeconds = 120;  // sanitizer builds are slow; the timeout has its own test
    // The town's kiosk config: its look is kept, its sources and fleet are left out of the copy.
    s.kioskConfig = dir + "/vetrina.toml";
    std::ofstream(s.kioskConfig) << "[town]\nname = \"Comune di Borgo Anteprima\"\n"
                                    "coat_of_arms = \"" VETRINA_SOURCE_DIR
                                    "/content/town/stemma.png\"\n"
                                    "[paths]\ndata_dir = \""
                                 << dir
                                 << "/kiosk-data\"\n"
                                    "[display]\ndiagonal_inches = 43\n"
                                    "[[source]]\nname = \"comune\"\nkind = \"manifest\"\n"
                                    "url = \"http://127.0.0.1:9/manifest.json\"\n"
                                    "public_keys = [\""
                                 << vt::generateSecretKey().publicKey().encoded() << "\"]\n";
    const fs::path shots = fs::path(VETRINA_TEST_OUTPUT) / "preview";
    fs::create_directories(shots);

    struct Shot {
        std::string screen;
        int w, h;
        std::string lang;
        vt::UnixSeconds at;
    };
    for (const Shot& shot :
         {Shot{"notice:avviso-anteprima", 1080, 1920, "it", kChristmasEve},
          Shot{"notice:avviso-anteprima", 1920, 1080, "en", kChristmasEve},
          Shot{"home", 1080, 1920, "it", kChristmasEve}, Shot{"home", 1920, 1080, "en", kMarch}}) {
        PreviewRequest q = draftRequest(shot.screen, shot.w, shot.h, shot.lang);
        q.at = shot.at;
        const PreviewResult r = renderPreview(s, q);
        INFO(shot.screen << " " << shot.w << "x" << shot.h << " " << shot.lang << ": " << r.error);
        REQUIRE(r.ok);
        int w = 0, h = 0;
        REQUIRE(pngSize(r.png, w, h));
        CHECK(w == shot.w);
        CHECK(h == shot.h);
        CHECK(r.seconds > 0);
        // Kept for a look: build/test-output/preview/.
        std::string name = shot.screen + "-" + std::to_string(shot.w) + "x" + std::to_string(shot.h) + "-" +
                           shot.lang + ".png";
        std::replace(name.begin(), name.end(), ':', '-');
        vt::writeFileAtomic((shots / name).string(), r.png);
    }
    // A notice the draft does not have is named, not shown as an empty screen.
    const PreviewResult missing = renderPreview(s, draftRequest("notice:nessuno", 1080, 1920, "it"));
    CHECK_FALSE(missing.ok);
    CHECK_THAT(missing.error, Catch::Contains("L'avviso \"nessuno\""));
    // Options for the child are refused before it starts.
    CHECK_THAT(renderPreview(s, draftRequest("--sync", 1080, 1920, "it")).error,
               Catch::Contains("Invalid screen"));
    CHECK_THAT(renderPreview(s, draftRequest("home", 1080, 1920, "fr")).error,
               Catch::Contains("Invalid language"));

    CHECK(snapshot(out) == before);
    CHECK(emptyDir(s.scratchRoot));
    CHECK_FALSE(fs::exists(dir + "/kiosk-data"));  // the base config's data folder is not the child's
}

TEST_CASE("preview: a child that hangs, crashes or cannot start is named for the clerk",
          "[console][preview]") {
    const std::string dir = vt::test::scratchDir("preview-child");
    const std::string out = publishDemo("preview-child-out");
    const auto before = snapshot(out);
    PreviewSettings s;
    s.outDir = out;
    s.scratchRoot = dir + "/scratch";
    s.timeoutSeconds = 1;

    SECTION("a child still running at the timeout is killed with what it started") {
        // It records its own pid and its background child's where the test can read them.
        s.vetrinaBinary =
            writeScript(dir, "hangs", "sleep 60 &\necho $$ $! > " + dir + "/pids\necho rendering...\nwait\n");
        const auto t0 = std::chrono::steady_clock::now();
        const PreviewResult r = renderPreview(s, draftRequest("home", 1080, 1920, "it"));
        CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(10));
        CHECK_FALSE(r.ok);
        CHECK_THAT(r.error, Catch::StartsWith("Anteprima scaduta dopo 1 s / Preview timed out after 1 s"));
        CHECK_THAT(r.error, Catch::Contains("rendering..."));
        std::ifstream pids(dir + "/pids");
        pid_t shell = 0, sleeper = 0;
        pids >> shell >> sleeper;
        REQUIRE(shell > 0);
        REQUIRE(sleeper > 0);
        CHECK(processGone(shell));
        CHECK(processGone(sleeper));
    }
    SECTION("a crash names the signal") {
        s.vetrinaBinary = writeScript(dir, "crashes", "echo about to crash >&2\nkill -SEGV $$\n");
        const PreviewResult r = renderPreview(s, draftRequest("home", 1080, 1920, "it"));
        CHECK_FALSE(r.ok);
        CHECK_THAT(r.error, Catch::Contains("Preview killed by signal 11 (SIGSEGV"));
        CHECK_THAT(r.error, Catch::Contains("about to crash"));
    }
    SECTION("an exit code, with the child's last lines") {
        s.vetrinaBinary = writeScript(dir, "fails", "echo 'vetrina shoot: cannot write x.png' >&2\nexit 3\n");
        const PreviewResult r = renderPreview(s, draftRequest("home", 1080, 1920, "it"));
        CHECK_THAT(r.error, Catch::Contains("Preview failed, exit code 3") &&
                                Catch::Contains("vetrina shoot: cannot write x.png"));
    }
    SECTION("a child that exits 0 without an image") {
        s.vetrinaBinary = writeScript(dir, "lies", "exit 0\n");
        CHECK_THAT(renderPreview(s, draftRequest("home", 1080, 1920, "it")).error,
                   Catch::Contains("did not produce the expected image"));
    }
    SECTION("a binary that does not exist") {
        s.vetrinaBinary = dir + "/no-such-vetrina";
        CHECK_THAT(renderPreview(s, draftRequest("home", 1080, 1920, "it")).error,
                   Catch::StartsWith("Impossibile avviare l'anteprima / Cannot start the preview: ") &&
                       Catch::Contains("No such file"));
    }
    SECTION("at most maxConcurrent previews render at once; a preview finding no slot in time is told so") {
        // Each child counts the children running a moment after it started.
        fs::create_directories(dir + "/running");
        s.vetrinaBinary =
            writeScript(dir, "counts",
                        "touch " + dir + "/running/$$\nsleep 0.3\nls " + dir + "/running | wc -l >> " + dir +
                            "/seen\nsleep 0.7\nrm " + dir + "/running/$$\n");
        s.timeoutSeconds = 10;
        s.maxConcurrent = 2;
        std::vector<std::thread> threads;
        std::vector<PreviewResult> results(3);
        for (auto& r : results)
            threads.emplace_back([&s, &r] { r = renderPreview(s, draftRequest("home", 1080, 1920, "it")); });
        for (auto& t : threads) t.join();
        for (const auto& r : results)
            CHECK_THAT(r.error, Catch::Contains("did not produce the expected image"));
        std::ifstream seen(dir + "/seen");
        int n = 0, runs = 0;
        while (seen >> n) {
            ++runs;
            CHECK(n <= 2);
        }
        CHECK(runs == 3);

        s.vetrinaBinary = writeScript(dir, "hangs", "sleep 60\n");
        s.timeoutSeconds = 1;
        s.maxConcurrent = 1;
        threads.clear();
        for (int i = 0; i < 2; ++i)
            threads.emplace_back([&s, &results, i] {
                results[static_cast<std::size_t>(i)] =
                    renderPreview(s, draftRequest("home", 1080, 1920, "it"));
            });
        for (auto& t : threads) t.join();
        const bool firstWaited = results[0].error.find("Too many previews at once") != std::string::npos;
        const bool secondWaited = results[1].error.find("Too many previews at once") != std::string::npos;
        CHECK(firstWaited != secondWaited);
        CHECK_THAT(results[firstWaited ? 1 : 0].error, Catch::Contains("Preview timed out after 1 s"));
    }
    CHECK(snapshot(out) == before);
    CHECK(emptyDir(s.scratchRoot));
}

TEST_CASE("child process: only the given environment, limits, the output's tail", "[console][preview]") {
    ChildSpec spec;
    spec.argv = {"/bin/sh", "-c", "i=0; while [ $i -lt 3000 ]; do echo line$i; i=$((i+1)); done"};
    spec.env = {"PATH=/usr/bin:/bin", "HOME=/nowhere"};
    spec.limits.outputBytes = 100;
    ChildResult r = runChild(spec);
    REQUIRE(r.ok());
    CHECK(r.output.size() <= 100);
    CHECK(r.lastLines(1) == "line2999");
    CHECK(r.lastLines(2) == "line2998\nline2999");

    spec.limits.outputBytes = 8192;
    spec.argv = {"/bin/sh", "-c",
                 "echo \"home=$HOME console=${VETRINA_TEST_LEAK:-none}\"; ulimit -n; "
                 "read line || echo stdin-empty"};
    ::setenv("VETRINA_TEST_LEAK", "leaked", 1);
    r = runChild(spec);
    ::unsetenv("VETRINA_TEST_LEAK");
    REQUIRE(r.ok());
    CHECK(r.output == "home=/nowhere console=none\n256\nstdin-empty\n");

    spec.argv = {"/bin/sh", "-c", "exit 7"};
    r = runChild(spec);
    CHECK(r.started);
    CHECK(r.exitCode == 7);
    CHECK_FALSE(r.ok());
}

TEST_CASE("console config: [preview] keys are read and checked", "[console][preview][config]") {
    const std::string dir = vt::test::scratchDir("preview-config");
    const std::string path = dir + "/console.toml";
    std::ofstream(path)
        << "[console]\ndata_dir = \"/var/lib/x\"\n[publish]\nout_dir = \"/srv/o\"\n"
           "[preview]\nvetrina = \"/opt/vetrina\"\nkiosk_config = \"/etc/vetrina/vetrina.toml\"\n"
           "timeout_seconds = 45\n";
    const ConsoleConfig c = loadConsoleConfig(path);
    CHECK(c.previewVetrina == "/opt/vetrina");
    CHECK(c.previewKioskConfig == "/etc/vetrina/vetrina.toml");
    CHECK(c.previewTimeoutSeconds == 45);
    const PreviewSettings s = previewSettingsFor(c);
    CHECK(s.vetrinaBinary == "/opt/vetrina");
    CHECK(s.outDir == "/srv/o");
    CHECK(s.scratchRoot == "/var/lib/x/preview");
    CHECK(s.timeoutSeconds == 45);

    std::ofstream(path) << "[console]\ndata_dir = \"/var/lib/x\"\n[preview]\ntimeout_seconds = 0\n";
    CHECK_THROWS_WITH(loadConsoleConfig(path),
                      Catch::Contains(path + ":4: preview.timeout_seconds: must be a whole number"));
    std::ofstream(path) << "[console]\ndata_dir = \"/var/lib/x\"\n[preview]\nvetrina = 1\n";
    CHECK_THROWS_WITH(loadConsoleConfig(path),
                      Catch::Contains(path + ":4: preview.vetrina: must be a string"));
    // By default: `vetrina` next to the console's binary, else the package's.
    std::ofstream(path) << "[console]\ndata_dir = \"/var/lib/x\"\n";
    const std::string fallback = previewSettingsFor(loadConsoleConfig(path)).vetrinaBinary;
    CHECK((fallback == "/usr/bin/vetrina" || fallback.ends_with("/vetrina")));
}
