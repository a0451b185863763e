#include "core/sync/sync_engine.h"

#include "core/log/log.h"
#include "core/sources/importers.h"
#include "core/sources/shrink_guard.h"
#include "core/storage/write_health.h"
#include "core/sync/attachment_fetch.h"
#include "core/sync/backoff.h"
#include "core/sync/content_kinds.h"
#include "core/sync/http_fetch.h"
#include "core/sync/manifest.h"
#include "core/sync/minisign.h"
#include "core/sync/purge_repair.h"
#include "core/sync/revision_floor.h"
#include "core/sync/trigger_source.h"
#include "core/system/trusted_clock.h"
#include "core/util/files.h"
#include "core/util/text.h"

#include <sys/statvfs.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <optional>
#include <random>
#include <set>
#include <utility>

namespace vt {

namespace fs = std::filesystem;

namespace {

// A 304 is only written to the store (as a heartbeat for `vetrina status` in another process)
// when the stored success is older than this: a no-change sync normally writes nothing.
constexpr UnixSeconds kHeartbeatSeconds = 15 * 60;
constexpr std::uint64_t kMaxSignatureBytes = 4096;

FetchLimits limitsFor(const SyncLimits& l, std::uint64_t maxBytes) {
    FetchLimits f;
    f.connectTimeoutMs = std::lround(l.connectTimeoutSeconds * 1000);
    f.totalTimeoutMs = std::lround(l.timeoutSeconds * 1000);
    f.lowSpeedBytesPerSecond = l.lowSpeedBytes;
    f.lowSpeedSeconds = l.lowSpeedSeconds;
    f.maxBytes = maxBytes;
    return f;
}

std::string sourceUrl(const Config& c, const SourceConfig& s) {
    if (s.url.find("://") == std::string::npos || startsWith(s.url, "file://"))
        return "file://" + c.resolve(s.url);
    return s.url;
}

std::string megabytes(std::uint64_t b) {
    return std::to_string((b + (1 << 20) - 1) >> 20) + " MB";
}

// The Date of a manifest answer goes to the clock only once the manifest was checked, and as
// signed content only when it was accepted: the answer under check never decides its own expiry,
// and a refused manifest's Date is one unsigned voice.
class ManifestDate {
public:
    ManifestDate(TrustedClock* clock, std::string source, std::string url)
        : m_clock(clock), m_source(std::move(source)), m_url(std::move(url)) {}
    ManifestDate(const ManifestDate&) = delete;
    ManifestDate& operator=(const ManifestDate&) = delete;
    ~ManifestDate() {
        if (!m_clock || m_date <= 0) return;
        try {
            if (m_expires)
                m_clock->observeSignedAnswer(m_source, m_url, m_date, m_created, m_expires);
            else
                m_clock->observeAnswer(m_source, m_url, m_date);
        } catch (const std::exception&) {
            // The clock keeps its state when it cannot save it: never an exception from here.
        }
    }
    void answered(UnixSeconds date) { m_date = date; }
    void accepted(UnixSeconds created, UnixSeconds expires) {
        m_created = created;
        m_expires = expires;
    }

private:
    TrustedClock* m_clock;
    std::string m_source, m_url;
    UnixSeconds m_date = 0, m_created = 0, m_expires = 0;
};

}  // namespace

struct SyncEngine::State {
    std::string name, kind, url, etag, lastModified, lastError, keyId;
    UnixSeconds lastAttempt = 0, lastSuccess = 0, lastChange = 0, expires = 0;
    int failures = 0;
    std::int64_t revision = 0, highestRevision = 0;
    bool stored = false;
};

SyncEngine::SyncEngine(Config config, Database db)
    : m_config(std::move(config)),
      m_db(std::move(db)),
      m_objectsDir(m_config.dataDir + "/objects"),
      m_stagingDir(m_config.dataDir + "/staging") {
    std::error_code ec;  // a read-only data directory: the kiosk still shows what it has
    fs::create_directories(m_objectsDir, ec);
    fs::create_directories(m_stagingDir, ec);
    refreshOverview();
}

SyncEngine::~SyncEngine() {
    stop();
}

SyncEngine::State SyncEngine::loadState(const std::string& name) const {
    State s;
    s.name = name;
    // The floor outside the store survives a rebuilt store: an older manifest stays refused.
    s.highestRevision = readRevisionFloor(m_config.dataDir, name);
    Statement st = m_db.prepare(
        "SELECT kind, url, etag, last_modified, last_attempt, last_success, last_change, last_error, "
        "failures, "
        "revision, highest_revision, expires, key_id FROM sync_sources WHERE name = ?1");
    st.bind(1, name);
    if (!st.step()) return s;
    s.stored = true;
    s.kind = st.text(0);
    s.url = st.text(1);
    s.etag = st.text(2);
    s.lastModified = st.text(3);
    s.lastAttempt = st.integer(4);
    s.lastSuccess = st.integer(5);
    s.lastChange = st.integer(6);
    s.lastError = st.text(7);
    s.failures = static_cast<int>(st.integer(8));
    s.revision = st.integer(9);
    s.highestRevision = std::max(s.highestRevision, st.integer(10));
    s.expires = st.integer(11);
    s.keyId = st.text(12);
    return s;
}

void SyncEngine::saveState(const State& s) {
    if (s.highestRevision > 0 && !raiseRevisionFloor(m_config.dataDir, s.name, s.highestRevision))
        logWarning("sync", s.name + ": cannot write the revision floor (the store still keeps it)");
    m_db.prepare(
            "INSERT INTO sync_sources (name, kind, url, etag, last_modified, last_attempt, last_success, "
            "last_change, "
            "last_error, failures, revision, highest_revision, expires, key_id) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) ON CONFLICT(name) DO "
            "UPDATE SET "
            "kind = ?2, url = ?3, etag = ?4, last_modified = ?5, last_attempt = ?6, last_success = ?7, "
            "last_change = ?8, last_error = ?9, failures = ?10, revision = ?11, highest_revision = ?12, "
            "expires = ?13, key_id = ?14")
        .bind(1, s.name)
        .bind(2, s.kind)
        .bind(3, s.url)
        .bind(4, s.etag)
        .bind(5, s.lastModified)
        .bind(6, s.lastAttempt)
        .bind(7, s.lastSuccess)
        .bind(8, s.lastChange)
        .bind(9, s.lastError)
        .bind(10, s.failures)
        .bind(11, s.revision)
        .bind(12, s.highestRevision)
        .bind(13, s.expires)
        .bind(14, s.keyId)
        .run();
}

SyncOutcome SyncEngine::fail(State& s, const std::string& error, UnixSeconds now) {
    s.lastAttempt = now;
    s.lastError = error;
    s.failures += 1;
    // The failure handler must not fail: a store that cannot be written (disk full, read-only,
    // locked) keeps the failure in memory for the overview and the back-off, and is retried.
    saveStateOrRemember(s);
    SyncOutcome o;
    o.source = s.name;
    o.message = error;
    o.revision = s.revision;
    return o;
}

void SyncEngine::saveStateOrRemember(const State& s) {
    try {
        saveState(s);
        // The store took it; a failure may still come from the disk (a full one fails downloads
        // first): probed here, on failures only, so a sync that changes nothing writes nothing.
        const WriteHealth h = probeDataDir(m_config.dataDir);
        std::lock_guard lock(m_statusMutex);
        m_unsaved.erase(s.name);
        m_storageProblem = h.describe();
    } catch (const std::exception& e) {
        const WriteHealth h = diagnoseWriteFailure(m_config.dataDir, e.what());
        std::lock_guard lock(m_statusMutex);
        m_unsaved[s.name] = {s.lastError, s.failures};
        m_storageProblem = h.describe();
    }
}

SyncOutcome SyncEngine::unchanged(State& s, UnixSeconds now) {
    SyncOutcome o;
    o.source = s.name;
    o.ok = true;
    o.notModified = true;
    o.revision = s.revision;
    o.message = "unchanged";
    if (!s.stored || !s.lastError.empty() || s.failures || now - s.lastSuccess >= kHeartbeatSeconds) {
        s.lastAttempt = now;
        s.lastSuccess = now;
        s.lastError.clear();
        s.failures = 0;
        saveState(s);
    }
    std::lock_guard lock(m_statusMutex);
    m_checkedAt[s.name] = now;
    return o;
}

SyncOutcome SyncEngine::syncSource(const SourceConfig& src, UnixSeconds now) {
    // What deletes by the clock (the albo purge, expired alerts) runs at the clock's safe time: an
    // unconfirmed voice saying "earlier" holds it back.
    const UnixSeconds writeAt = m_clock ? m_clock->safeTime(now) : now;
    State s;
    s.name = src.name;
    SyncOutcome o;
    PurgeRepair repair;
    try {
        const UnixSeconds tolerance = m_clock ? m_clock->state().threshold : 120;
        repair = repairWrongPurge(m_db, m_objectsDir, src, writeAt, tolerance);
    } catch (const std::exception& e) {
        repair.message = std::string("restoring purged acts failed: ") + e.what();
    }
    bool loaded = false;
    try {
        // A store that was lost or rebuilt: the last accepted revision comes back from the cached
        // objects first, so the screen has content even with no network.
        s = loadState(src.name);
        loaded = true;
        if (src.isManifest() && !s.stored && restoreAccepted(src, s, now, writeAt)) o.changed = true;
        s.kind = src.kind;
        s.url = src.url;
        const bool restored = o.changed;
        o = src.isManifest() ? syncManifest(src, s, now, writeAt) : syncFeed(src, s, now, writeAt);
        o.changed = o.changed || restored;
        if (o.ok && runAttachmentStep(m_db, m_config, src, writeAt, o.message)) o.changed = true;
    } catch (const std::exception& e) {
        // A damaged store is for the kiosk to replace (cmd_run): the engine cannot fix it here.
        const std::string what = e.what();
        if (dynamic_cast<const StoreError*>(&e) &&
            (what.find("malformed") != std::string::npos || what.find("not a database") != std::string::npos))
            m_storeDamaged = true;
        // A write the store refused (disk full, read-only, locked) says which, in both languages.
        const WriteHealth h = dynamic_cast<const StoreError*>(&e)
                                  ? diagnoseWriteFailure(m_config.dataDir, e.what())
                                  : WriteHealth{};
        std::string why = h.ok() ? std::string("internal error: ") + e.what() : h.describe();
        if (!h.ok()) why += "; showing what is cached, retrying";
        if (loaded) {
            o = fail(s, why, now);
        } else {  // a state never read is never written over the stored one
            o.source = src.name;
            o.message = why;
            std::lock_guard lock(m_statusMutex);
            if (!h.ok()) m_storageProblem = h.describe();
            m_unsaved[src.name] = {why, 1};
        }
    }
    if (o.ok) {
        std::lock_guard lock(m_statusMutex);
        m_storageProblem.clear();
    }
    if (!repair.message.empty()) {
        o.message += "; " + repair.message;
        o.changed = o.changed || repair.restoredFiles > 0;
    }
    refreshOverview();
    return o;
}

bool SyncEngine::restoreAccepted(const SourceConfig& src, State& s, UnixSeconds now, UnixSeconds writeAt) {
    const std::string dir = acceptedManifestDir(m_config.dataDir, src.name);
    std::error_code ec;
    if (!fs::exists(dir + "/manifest.json", ec)) return false;
    // The same checks as from the server (signature, pinned keys, floor, hashes), with every
    // object already cached.
    SourceConfig local = src;
    local.url = dir + "/manifest.json";
    s.kind = src.kind;
    s.url = local.url;
    const SyncOutcome o = syncManifest(local, s, now, writeAt);
    // The server's ETag and date belong to the server's copy: the next check fetches it whole.
    s.url = src.url;
    s.etag.clear();
    s.lastModified.clear();
    if (!o.ok) {
        logWarning("sync", src.name + ": the cached revision cannot be restored: " + o.message);
        return false;
    }
    saveState(s);
    logInfo("sync", src.name + ": revision " + std::to_string(s.revision) +
                        " restored from the cached files (" + o.message + ")");
    return true;
}

std::vector<SyncOutcome> SyncEngine::syncAll(UnixSeconds now) {
    std::vector<SyncOutcome> out;
    for (const SourceConfig& s : m_config.sources) out.push_back(syncSource(s, now));
    return out;
}

SyncOutcome SyncEngine::syncFeed(const SourceConfig& src, State& s, UnixSeconds now, UnixSeconds writeAt) {
    FetchRequest req;
    req.url = sourceUrl(m_config, src);
    req.etag = s.etag;
    req.lastModified = s.lastModified;
    req.limits = limitsFor(src.limits, static_cast<std::uint64_t>(src.limits.maxBytes));
    FetchResult r = fetchUrl(req);
    if (m_clock) m_clock->observeAnswer(src.name, req.url, r.serverDate);
    if (r.status == FetchResult::Status::NotModified) return unchanged(s, now);
    if (!r.ok()) return fail(s, r.error, now);
    // A signed trigger: verified, not a replay. highest_revision keeps the newest `sent` accepted.
    TriggerCheck trigger;
    if (src.isTrigger()) {
        trigger = checkSignedTrigger(src, req.url, r.body, s.highestRevision, req.limits);
        if (!trigger.ok) return fail(s, trigger.error, now);
    }

    std::optional<Transaction> tx(std::in_place, m_db);
    // The source's options: a feed from the network may not name files on the kiosk's disk.
    ImportSummary sum = importBuffer(m_db, src.kind, r.body, src.name, writeAt, importOptionsFor(src));
    if (sum.report.fatal) {
        const std::string why = sum.report.issues.empty() ? "cannot be read as " + src.kind
                                                          : sum.report.issues.front().describe();
        // Roll the import back first: a failure recorded inside it would be rolled back with it
        // (no reason in the status, no back-off).
        tx.reset();
        return fail(s, (sum.report.shrinkRefused ? "refused: " : "garbage: ") + why + " (cache kept)", now);
    }
    SyncOutcome o;
    o.source = src.name;
    o.ok = true;
    o.changed = sum.changed();
    o.message = std::to_string(sum.inserted) + " new, " + std::to_string(sum.updated) + " updated, " +
                std::to_string(sum.report.issues.size()) + " skipped";
    if (!sum.report.issues.empty()) {  // the first problem by name: a skipped item, a dropped link
        o.message += ": ";
        o.message += sum.report.issues.front().describe();
    }
    if (src.isTrigger()) {
        s.highestRevision = trigger.sent;
        s.keyId = trigger.keyId;
    }
    s.etag = r.etag;
    s.lastModified = r.lastModified;
    s.lastAttempt = s.lastSuccess = now;
    if (o.changed) s.lastChange = now;
    s.lastError.clear();
    s.failures = 0;
    saveState(s);
    tx->commit();
    std::lock_guard lock(m_statusMutex);
    m_checkedAt[s.name] = now;
    return o;
}

bool SyncEngine::objectsIntact(const std::string& source) const {
    Statement st = m_db.prepare("SELECT sha256, size FROM content_files WHERE source = ?1");
    st.bind(1, source);
    std::error_code ec;
    while (st.step()) {
        const auto size = fs::file_size(m_objectsDir + "/" + st.text(0), ec);
        if (ec || size != static_cast<std::uint64_t>(st.integer(1))) return false;
    }
    return true;
}

SyncOutcome SyncEngine::syncManifest(const SourceConfig& src, State& s, UnixSeconds now,
                                     UnixSeconds writeAt) {
    const std::string url = sourceUrl(m_config, src);
    // Missing or damaged local files force a full check even if the server says "unchanged".
    const bool intact = objectsIntact(src.name);
    FetchRequest req;
    req.url = url;
    if (intact) {
        req.etag = s.etag;
        req.lastModified = s.lastModified;
    }
    req.limits = limitsFor(src.limits, static_cast<std::uint64_t>(src.limits.maxBytes));
    ManifestDate date(m_clock, src.name, req.url);
    FetchResult man = fetchUrl(req);
    date.answered(man.serverDate);
    if (man.status == FetchResult::Status::NotModified) {
        // A server that keeps answering "unchanged" past the expiry is a freeze: say so.
        if (s.expires != 0 && s.expires <= now)
            return fail(s,
                        "manifest refused: revision " + std::to_string(s.revision) + " expired on " +
                            formatIsoUtc(s.expires) + " and the server offers nothing newer",
                        now);
        return unchanged(s, now);
    }
    if (!man.ok()) return fail(s, "manifest: " + man.error, now);

    FetchRequest sreq;
    sreq.url = url + ".minisig";
    sreq.limits = limitsFor(src.limits, kMaxSignatureBytes);
    FetchResult sig = fetchUrl(sreq);
    if (!sig.ok())
        return fail(s, "missing signature: " + sreq.url + ": " + sig.error + " (manifest refused)", now);

    std::vector<PublicKey> keys;
    for (const std::string& k : src.publicKeys) keys.push_back(parsePublicKey(k));
    const SignatureCheck check = verifyDetached(man.body, sig.body, keys);
    if (!check.ok) return fail(s, "manifest refused: " + check.error, now);
    auto facts = parseTrustedComment(check.trustedComment);
    std::string error;
    auto manifest = parseManifest(man.body, error);
    if (!manifest) return fail(s, "manifest refused: " + error, now);
    if (!facts || facts->revision != manifest->revision || facts->expires != manifest->expires)
        return fail(s, "manifest refused: the signed trusted comment does not match its revision and expiry",
                    now);
    if (manifest->expires <= now)
        return fail(s,
                    "manifest refused: expired on " + formatIsoUtc(manifest->expires) + " (revision " +
                        std::to_string(manifest->revision) + "); the town must publish again",
                    now);
    if (manifest->revision < s.highestRevision)
        return fail(s,
                    "manifest refused: rollback to revision " + std::to_string(manifest->revision) +
                        ", older than revision " + std::to_string(s.highestRevision) + " already accepted",
                    now);
    date.accepted(manifest->created, manifest->expires);
    const std::string keyId = keys[static_cast<size_t>(check.keyIndex)].keyIdHex();
    if (manifest->revision == s.revision && intact) {
        // Same revision served again (new ETag, re-signed with a later expiry...): remember it, so
        // the next check is a 304 again.
        s.etag = man.etag;
        s.lastModified = man.lastModified;
        s.expires = manifest->expires;
        s.keyId = keyId;
        s.lastAttempt = s.lastSuccess = now;
        s.lastError.clear();
        s.failures = 0;
        saveState(s);
        return unchanged(s, now);
    }
    if (manifest->revision > s.highestRevision) {
        s.highestRevision = manifest->revision;  // persisted even if the apply fails below
    }

    // Free space: what is missing, plus the store's growth, plus the configured reserve.
    std::uint64_t missing = 0;
    std::vector<const ManifestFile*> toFetch;
    std::set<std::string> queued;
    for (const ManifestFile& f : manifest->files) {
        std::error_code ec;
        const auto size = fs::file_size(m_objectsDir + "/" + f.sha256, ec);
        if (!ec && size == f.size) continue;
        if (!queued.insert(f.sha256).second) continue;
        missing += f.size;
        toFetch.push_back(&f);
    }
    struct statvfs vfs {};
    if (statvfs(m_config.dataDir.c_str(), &vfs) == 0) {
        const std::uint64_t freeBytes = std::uint64_t{vfs.f_bavail} * vfs.f_frsize;
        const std::uint64_t need = 2 * missing + static_cast<std::uint64_t>(m_config.sync.minFreeBytes);
        if (freeBytes < need)
            return fail(s,
                        "spazio insufficiente / not enough free space: revision " +
                            std::to_string(manifest->revision) + " needs " + megabytes(need) + ", " +
                            megabytes(freeBytes) + " free",
                        now);
    }

    int failed = 0;
    std::string firstError;
    for (const ManifestFile* f : toFetch) {
        FetchRequest freq;
        freq.url = resolveUrl(url, f->objectPath());
        freq.limits = limitsFor(src.limits, std::max<std::uint64_t>(f->size, 1));
        const std::string part = m_stagingDir + "/" + f->sha256 + ".part";
        freq.toFile = part;
        FetchResult r = fetchUrl(freq);
        std::string why;
        if (!r.ok())
            why = r.error;
        else if (r.bytes != f->size)
            why = "wrong length: " + std::to_string(r.bytes) + " bytes, the manifest says " +
                  std::to_string(f->size);
        else if (r.sha256 != f->sha256)
            why = "wrong hash: SHA-256 does not match the manifest";
        if (why.empty()) {
            std::error_code ec;
            fs::rename(part, m_objectsDir + "/" + f->sha256, ec);
            if (ec) why = "cannot store the file: " + ec.message();
        }
        if (!why.empty()) {
            std::error_code ec;
            fs::remove(part, ec);
            if (++failed == 1) firstError = f->path + ": " + why;
        }
    }
    if (failed) {
        const std::string more = failed > 1 ? " (and " + std::to_string(failed - 1) + " more files)" : "";
        return fail(s,
                    "revision " + std::to_string(manifest->revision) + " not applied: " + firstError + more +
                        "; showing revision " + std::to_string(s.revision),
                    now);
    }

    // The atomic switch: the whole revision in one transaction. A file that cannot be applied
    // rolls the transaction back before the failure is recorded (see syncFeed).
    std::optional<Transaction> tx(std::in_place, m_db);
    const auto refuse = [&](const std::string& why) {
        tx.reset();
        return fail(s, why, now);
    };
    // What each file had, for the shrink guard: clearSource empties them all before the import.
    std::map<std::string, int> itemsBefore;
    for (const ManifestFile& f : manifest->files)
        if (isImportedKind(f.kind))
            itemsBefore[f.path] = countSourceItems(m_db, f.kind, src.name + "/" + f.path);
    clearSource(m_db, src.name);
    int imported = 0;
    for (const ManifestFile& f : manifest->files) {
        if (!isImportedKind(f.kind)) continue;
        auto bytes = readFile(m_objectsDir + "/" + f.sha256, kMaxContentFileBytes);
        if (!bytes || sha256Hex(*bytes) != f.sha256) {
            std::error_code ec;
            fs::remove(m_objectsDir + "/" + f.sha256, ec);  // damaged on disk: fetched again next time
            return refuse(f.path + ": the stored copy is damaged; revision " +
                          std::to_string(manifest->revision) + " not applied");
        }
        // Each file under its own name: its items replace only its own, and a notice's image is
        // read from the verified objects by its path next to the notice.
        ImportOptions options = importOptionsFor(src);
        // The signature vouches for a smaller file; an emptied one is dropped from the manifest
        // or says "vetrina:empty" (docs/OPERATIONS.md).
        options.previousItems = itemsBefore[f.path];
        options.allowShrink = true;
        const fs::path dir = fs::path(f.path).parent_path();
        options.assets = [&, dir](const std::string& rel) -> std::optional<std::string> {
            const std::string wanted = (dir / rel).lexically_normal().string();
            for (const ManifestFile& other : manifest->files)
                if (other.path == wanted)
                    return readFile(m_objectsDir + "/" + other.sha256, kMaxContentFileBytes);
            return std::nullopt;
        };
        ImportSummary sum = importBuffer(m_db, f.kind, *bytes, src.name + "/" + f.path, writeAt, options);
        if (sum.report.fatal) {
            const std::string why =
                sum.report.issues.empty() ? "unreadable" : sum.report.issues.front().describe();
            return refuse(f.path + ": " + why + "; revision " + std::to_string(manifest->revision) +
                          " not applied");
        }
        imported += sum.report.itemsImported;
    }
    m_db.prepare("DELETE FROM content_files WHERE source = ?1").bind(1, src.name).run();
    Statement ins =
        m_db.prepare("INSERT INTO content_files (source, path, sha256, size, kind) VALUES (?1,?2,?3,?4,?5)");
    for (const ManifestFile& f : manifest->files) {
        ins.reset();
        ins.bind(1, src.name)
            .bind(2, f.path)
            .bind(3, f.sha256)
            .bind(4, static_cast<std::int64_t>(f.size))
            .bind(5, f.kind)
            .run();
    }
    const std::int64_t previous = s.revision;
    s.revision = manifest->revision;
    s.expires = manifest->expires;
    s.keyId = keyId;
    s.etag = man.etag;
    s.lastModified = man.lastModified;
    s.lastAttempt = s.lastSuccess = s.lastChange = now;
    s.lastError.clear();
    s.failures = 0;
    saveState(s);
    tx->commit();
    // Outside the store too, so a lost store can be rebuilt from the cached objects.
    if (!keepAcceptedManifest(m_config.dataDir, src.name, man.body, sig.body))
        logWarning("sync", src.name + ": cannot keep a copy of the accepted manifest");
    collectGarbage();
    {
        std::lock_guard lock(m_statusMutex);
        m_checkedAt[s.name] = now;
    }
    SyncOutcome o;
    o.source = src.name;
    o.ok = true;
    o.changed = true;
    o.revision = s.revision;
    o.message = "revision " + std::to_string(previous) + " -> " + std::to_string(s.revision) + ": " +
                std::to_string(manifest->files.size()) + " files (" + std::to_string(toFetch.size()) +
                " downloaded), " + std::to_string(imported) + " items imported, signed by key " + keyId;
    return o;
}

void SyncEngine::collectGarbage() {
    std::set<std::string> live;
    Statement st = m_db.prepare("SELECT DISTINCT sha256 FROM content_files");
    while (st.step()) live.insert(st.text(0));
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(m_objectsDir, ec))
        if (!live.count(e.path().filename().string())) fs::remove(e.path(), ec);
    for (const auto& e : fs::directory_iterator(m_stagingDir, ec)) fs::remove(e.path(), ec);
}

void SyncEngine::refreshOverview() {
    std::vector<SyncStatus> list;
    std::set<std::string> configured;
    for (const SourceConfig& s : m_config.sources) configured.insert(s.name);
    try {
        for (SyncStatus& st : readSyncStatus(m_db))
            if (configured.count(st.source)) list.push_back(std::move(st));
    } catch (const std::exception& e) {
        std::lock_guard lock(m_statusMutex);
        m_storageProblem = diagnoseWriteFailure(m_config.dataDir, e.what()).describe();
        m_overview.storageProblem = m_storageProblem;
        m_overview.anyFailing = true;
        return;  // the previous overview stays
    }
    std::lock_guard lock(m_statusMutex);
    for (SyncStatus& st : list) {
        // Failures the store could not record are still shown.
        if (auto u = m_unsaved.find(st.source); u != m_unsaved.end()) {
            st.lastError = u->second.first;
            st.failures = u->second.second;
        }
        auto it = m_checkedAt.find(st.source);
        if (it != m_checkedAt.end() && !st.failing()) {
            st.lastAttempt = std::max(st.lastAttempt, it->second);
            st.lastSuccess = std::max(st.lastSuccess, it->second);
        }
    }
    m_overview = summarize(std::move(list));
    m_overview.storageProblem = m_storageProblem;
    if (!m_storageProblem.empty()) m_overview.anyFailing = true;
}

std::string SyncEngine::storageProblem() const {
    std::lock_guard lock(m_statusMutex);
    return m_storageProblem;
}

SyncOverview SyncEngine::overview() const {
    std::lock_guard lock(m_statusMutex);
    return m_overview;
}

int SyncEngine::backoffSeconds(const SourceConfig& src, int failures) {
    static thread_local std::mt19937 rng{std::random_device{}()};
    std::uniform_real_distribution<double> jitter(0.0, 1.0);
    return retryDelaySeconds(failures, src.pollSeconds, m_config.sync.maxBackoffSeconds, jitter(rng));
}

void SyncEngine::start(std::function<void()> onContentChanged) {
    stop();
    m_stop = false;
    m_onChanged = std::move(onContentChanged);
    m_thread = std::thread([this] { run(); });
}

void SyncEngine::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

void SyncEngine::requestSyncNow() {
    {
        std::lock_guard lock(m_mutex);
        m_now = true;
    }
    m_wake.notify_all();
}

void SyncEngine::run() {
    using Clock = std::chrono::system_clock;
    std::map<std::string, Clock::time_point> due;
    std::map<std::string, int> streak;        // failures in a row, also when the store cannot say
    std::map<std::string, std::string> said;  // the last failure logged, once per change
    for (const SourceConfig& s : m_config.sources) due[s.name] = Clock::now();
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        if (m_now) {
            for (auto& [name, t] : due) t = Clock::now();
            m_now = false;
        }
        auto next = Clock::time_point::max();
        for (const auto& [name, t] : due) next = std::min(next, t);
        if (next > Clock::now()) {
            m_wake.wait_until(lock, next, [this] { return m_stop || m_now; });
            continue;
        }
        lock.unlock();
        bool changed = false;
        for (const SourceConfig& s : m_config.sources) {
            if (due[s.name] > Clock::now()) continue;
            const UnixSeconds now =
                m_clock ? m_clock->now()
                        : std::chrono::duration_cast<std::chrono::seconds>(Clock::now().time_since_epoch())
                              .count();
            // Nothing a source does may end this thread: a crash is a black screen.
            SyncOutcome o;
            try {
                o = syncSource(s, now);
            } catch (const std::exception& e) {
                o.message = e.what();
            }
            changed = changed || o.changed;
            int failures = 0;
            if (!o.ok) {
                failures = ++streak[s.name];
                try {
                    failures = std::max(failures, loadState(s.name).failures);
                } catch (const std::exception&) {
                }
                std::string line = o.message;
                if (const std::string problem = storageProblem();
                    !problem.empty() && line.find(problem) == std::string::npos)
                    line += " [" + problem + "]";
                if (std::exchange(said[s.name], line) != line) logWarning("sync", s.name + ": " + line);
            } else {
                streak[s.name] = 0;
                said.erase(s.name);
            }
            due[s.name] = Clock::now() + std::chrono::seconds(backoffSeconds(s, failures));
        }
        if (changed && m_onChanged) m_onChanged();
        lock.lock();
    }
}

}  // namespace vt
