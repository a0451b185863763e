#include "core/storage/object_cache.h"

#include "core/util/text.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>

namespace vt {

namespace fs = std::filesystem;

namespace {

// Never evict a file younger than this: the sync may have just downloaded it for a revision it
// is about to apply (it is referenced only once the apply commits).
constexpr auto kFreshFor = std::chrono::minutes(10);

bool isImagePath(std::string path) {
    for (char& c : path) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* ext : {".png", ".jpg", ".jpeg", ".webp", ".gif", ".svg"})
        if (path.size() > std::strlen(ext) &&
            path.compare(path.size() - std::strlen(ext), std::string::npos, ext) == 0)
            return true;
    return false;
}

std::string mb(std::uint64_t bytes) {
    if (bytes < (1 << 20)) return std::to_string((bytes + 1023) >> 10) + " kB";
    return std::to_string((bytes + (1 << 19)) >> 20) + " MB";
}

// The SHA-256 of a file, read in blocks so a large video does not sit in memory.
std::string hashFile(const std::string& path) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return {};
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    unsigned char buf[1 << 16];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) crypto_hash_sha256_update(&st, buf, n);
    const bool err = std::ferror(f) != 0;
    std::fclose(f);
    if (err) return {};
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&st, h);
    char hex[2 * crypto_hash_sha256_BYTES + 1];
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    return hex;
}

}  // namespace

std::vector<CachedObject> scanObjects(const Database& db, const std::string& objectsDir,
                                      const std::vector<std::string>& configured, UnixSeconds now) {
    const std::set<std::string> sources(configured.begin(), configured.end());
    std::map<std::string, UnixSeconds> expires;
    {
        Statement st = db.prepare("SELECT name, expires FROM sync_sources");
        while (st.step()) expires[st.text(0)] = st.integer(1);
    }
    struct Use {
        ObjectNeed need = ObjectNeed::Unreferenced;
        bool image = false;
    };
    std::map<std::string, Use> uses;
    Statement st = db.prepare("SELECT source, path, sha256 FROM content_files");
    while (st.step()) {
        const std::string source = st.text(0);
        if (!sources.count(source)) continue;
        const UnixSeconds exp = expires.count(source) ? expires[source] : 0;
        const ObjectNeed need = (exp != 0 && exp <= now) ? ObjectNeed::Expired : ObjectNeed::Current;
        Use& u = uses[st.text(2)];
        u.need = std::max(u.need, need);
        u.image = u.image || isImagePath(st.text(1));
    }
    std::vector<CachedObject> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(objectsDir, ec)) {
        if (!e.is_regular_file(ec)) continue;
        CachedObject o;
        o.name = e.path().filename().string();
        o.size = e.file_size(ec);
        const auto mt = e.last_write_time(ec);
        o.mtime = std::chrono::duration_cast<std::chrono::seconds>(
                      std::chrono::file_clock::to_sys(mt).time_since_epoch())
                      .count();
        o.fresh = fs::file_time_type::clock::now() - mt < kFreshFor;
        if (auto it = uses.find(o.name); it != uses.end()) {
            o.need = it->second.need;
            o.image = it->second.image;
        }
        out.push_back(std::move(o));
    }
    return out;
}

void sortForEviction(std::vector<CachedObject>& objects) {
    auto rank = [](const CachedObject& o) {
        switch (o.need) {
            case ObjectNeed::Unreferenced:
                return 0;
            case ObjectNeed::Expired:
                return 1;
            case ObjectNeed::Current:
                return o.image ? 2 : 3;
        }
        return 3;
    };
    std::stable_sort(objects.begin(), objects.end(), [&](const CachedObject& a, const CachedObject& b) {
        if (rank(a) != rank(b)) return rank(a) < rank(b);
        if (a.need == ObjectNeed::Unreferenced && a.mtime != b.mtime) return a.mtime < b.mtime;  // oldest
        if (a.size != b.size) return a.size > b.size;                                            // largest
        if (a.mtime != b.mtime) return a.mtime < b.mtime;
        return a.name < b.name;
    });
}

CachePlan planEviction(std::vector<CachedObject> objects, std::uint64_t budget) {
    CachePlan plan;
    for (const CachedObject& o : objects) {
        plan.totalBytes += o.size;
        if (o.need == ObjectNeed::Current) plan.currentBytes += o.size;
    }
    plan.afterBytes = plan.totalBytes;
    if (budget == 0) return plan;
    sortForEviction(objects);
    for (const CachedObject& o : objects) {
        if (plan.afterBytes <= budget) break;
        if (o.need == ObjectNeed::Current) break;  // needed: the next sync would fetch it again
        if (o.fresh) continue;
        plan.evict.push_back(o);
        plan.afterBytes -= o.size;
    }
    plan.overBudget = plan.afterBytes > budget;
    return plan;
}

CachePlan enforceCacheBudget(const Database& db, const std::string& objectsDir,
                             const std::vector<std::string>& configured, std::uint64_t budget,
                             UnixSeconds now) {
    CachePlan plan = planEviction(scanObjects(db, objectsDir, configured, now), budget);
    std::error_code ec;
    for (const CachedObject& o : plan.evict) fs::remove(objectsDir + "/" + o.name, ec);
    return plan;
}

VerifyResult verifyObjects(Database& db, const std::string& objectsDir, const std::atomic<bool>* stop) {
    VerifyResult out;
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(objectsDir, ec))
        if (e.is_regular_file(ec)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    std::set<std::string> invalidated;
    for (const std::string& name : names) {
        if (stop && stop->load()) break;
        const std::string path = objectsDir + "/" + name;
        const std::string hash = hashFile(path);
        if (hash.empty() && !fs::exists(path, ec)) continue;  // removed meanwhile (garbage collection)
        ++out.checked;
        if (hash == name) continue;
        fs::remove(path, ec);
        out.damaged.push_back(name);
        Statement st = db.prepare("SELECT DISTINCT source FROM content_files WHERE sha256 = ?1");
        st.bind(1, name);
        while (st.step()) invalidated.insert(st.text(0));
    }
    for (const std::string& source : invalidated) {
        db.prepare("UPDATE sync_sources SET etag = '', last_modified = '' WHERE name = ?1")
            .bind(1, source)
            .run();
        out.invalidated.push_back(source);
    }
    return out;
}

std::string describeCacheIt(const CachePlan& plan, std::uint64_t budget) {
    std::string out = "Cache: " + mb(plan.afterBytes);
    if (budget == 0) return out + " (nessun limite)";
    out += " su " + mb(budget);
    if (plan.overBudget)
        out += ": supera il limite, il contenuto attuale da solo occupa " + mb(plan.currentBytes);
    return out;
}

}  // namespace vt
