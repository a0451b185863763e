// The object cache: eviction order under a budget, and damaged files found at start and fetched
// again by the next sync.
#include "core/storage/cache_keeper.h"
#include "core/storage/object_cache.h"
#include "core/sync/manifest.h"
#include "core/sync/sync_engine.h"
#include "core/util/files.h"
#include "sync_fixtures.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <ctime>
#include <filesystem>

using namespace vt;
using namespace vt::test;
namespace fs = std::filesystem;

namespace {
// An mtime long before any clock a test runs at (the suite also runs with the clock moved, and
// the kernel stamps files with the real clock): a file that is not a download in progress.
const auto kLongAgo = std::chrono::file_clock::from_sys(
    std::chrono::sys_seconds{std::chrono::seconds{1577836800}});  // 2020-01-01

CachedObject obj(const std::string& name, std::uint64_t size, UnixSeconds mtime, ObjectNeed need,
                 bool image = false) {
    CachedObject o;
    o.name = name;
    o.size = size;
    o.mtime = mtime;
    o.need = need;
    o.image = image;
    return o;
}

std::vector<std::string> names(const std::vector<CachedObject>& v) {
    std::vector<std::string> out;
    for (const auto& o : v) out.push_back(o.name);
    return out;
}

struct ManifestRig {
    std::string dir;
    SecretKey key = generateSecretKey();
    UnixSeconds now = std::time(nullptr);
    Config config;
    std::unique_ptr<SyncEngine> engine;

    ManifestRig(const std::string& name, const std::string& extra = "") : dir(scratchDir(name)) {
        writeContent(dir + "/content", 12, "Cache");
        publishOrFail(dir + "/content", dir + "/www", key, now);
        REQUIRE(writeFileAtomic(
            dir + "/kiosk.toml",
            manifestConfig(dir + "/data", "file://" + dir + "/www/manifest.json", {key.publicKey()}, extra)));
        config = loadConfig(dir + "/kiosk.toml");
        fs::create_directories(config.dataDir);
        engine = std::make_unique<SyncEngine>(config, Database::open(config.databasePath()));
        REQUIRE(engine->syncAll(now).at(0).ok);
    }
    std::string objects() const { return config.dataDir + "/objects"; }
    std::vector<std::string> objectNames() const {
        std::vector<std::string> out;
        for (const auto& e : fs::directory_iterator(objects())) out.push_back(e.path().filename().string());
        std::sort(out.begin(), out.end());
        return out;
    }
};

}  // namespace

TEST_CASE(
    "eviction: unreferenced oldest first, then expired largest first, then current images, then never the "
    "rest",
    "[storage]") {
    std::vector<CachedObject> v{
        obj("cur-text", 50, 100, ObjectNeed::Current),
        obj("cur-img-small", 10, 100, ObjectNeed::Current, true),
        obj("exp-small", 5, 100, ObjectNeed::Expired),
        obj("unref-new", 1, 300, ObjectNeed::Unreferenced),
        obj("cur-img-big", 40, 100, ObjectNeed::Current, true),
        obj("exp-big", 30, 100, ObjectNeed::Expired),
        obj("unref-old", 2, 200, ObjectNeed::Unreferenced),
    };
    auto sorted = v;
    sortForEviction(sorted);
    CHECK(names(sorted) == std::vector<std::string>{"unref-old", "unref-new", "exp-big", "exp-small",
                                                    "cur-img-big", "cur-img-small", "cur-text"});

    // Total 138. A budget of 110 needs only the unreferenced and the big expired file to go.
    CachePlan p = planEviction(v, 110);
    CHECK(names(p.evict) == std::vector<std::string>{"unref-old", "unref-new", "exp-big"});
    CHECK(p.afterBytes == 105);
    CHECK_FALSE(p.overBudget);
    // A budget smaller than the current content: everything else goes, the current content stays, and it is
    // said.
    p = planEviction(v, 60);
    CHECK(names(p.evict) == std::vector<std::string>{"unref-old", "unref-new", "exp-big", "exp-small"});
    CHECK(p.overBudget);
    CHECK(p.currentBytes == 100);
    CHECK_THAT(describeCacheIt(p, 60 << 20), Catch::Contains("supera il limite"));
    // No budget: nothing evicted.
    CHECK(planEviction(v, 0).evict.empty());
    // A fresh unreferenced file (a download not applied yet) is never evicted.
    v.push_back(obj("unref-fresh", 100, 50, ObjectNeed::Unreferenced));
    v.back().fresh = true;
    CHECK(names(planEviction(v, 110).evict) ==
          std::vector<std::string>{"unref-old", "unref-new", "exp-big", "exp-small"});
}

TEST_CASE("the budget evicts files no content refers to, and keeps what the content needs", "[storage]") {
    ManifestRig rig("storage-budget", "[storage]\ncache_mb = 0.0001\n");  // about 100 bytes
    const auto before = rig.objectNames();
    REQUIRE(before.size() >= 3);
    const std::string stray = rig.objects() + "/" + std::string(64, 'a');
    REQUIRE(writeFileAtomic(stray, std::string(4000, 'x')));
    fs::last_write_time(stray, kLongAgo);
    CacheKeeper keeper(rig.config, nullptr, {});
    const CacheKeeperStatus st = keeper.runOnce(false);
    CHECK_FALSE(fs::exists(stray));
    CHECK(rig.objectNames() == before);  // every file of the current revision is still there
    CHECK(st.plan.overBudget);
    CHECK(st.plan.currentBytes > 0);
    // The content is intact: the next sync has nothing to download.
    CHECK(rig.engine->syncAll(rig.now).at(0).notModified);
}

TEST_CASE("a damaged cached file is found at start, deleted, and fetched again by the next sync",
          "[storage][sync]") {
    ManifestRig rig("storage-verify");
    const auto files = rig.objectNames();
    REQUIRE(!files.empty());
    // Damage one file without changing its size: the sync alone would not notice (304 / same size).
    const std::string victim = rig.objects() + "/" + files.front();
    auto bytes = readFile(victim);
    REQUIRE(bytes);
    (*bytes)[0] = static_cast<char>((*bytes)[0] ^ 0x55);
    REQUIRE(writeFileAtomic(victim, *bytes));
    CHECK(rig.engine->syncAll(rig.now).at(0).notModified);

    int damagedCalls = 0;
    CacheKeeper keeper(rig.config, nullptr, [&] { ++damagedCalls; });
    const CacheKeeperStatus st = keeper.runOnce(true);
    CHECK(st.verified);
    CHECK(st.checked == static_cast<int>(files.size()));
    CHECK(st.damaged == 1);
    CHECK(damagedCalls == 1);
    CHECK_FALSE(fs::exists(victim));

    const SyncOutcome o = rig.engine->syncAll(rig.now).at(0);
    INFO(o.message);
    CHECK(o.ok);
    CHECK_FALSE(o.notModified);
    CHECK_THAT(o.message, Catch::Contains("(1 downloaded)"));
    REQUIRE(fs::exists(victim));
    CHECK(sha256Hex(*readFile(victim)) == files.front());
    // A second check finds nothing wrong.
    CHECK(keeper.runOnce(true).damaged == 0);
}
