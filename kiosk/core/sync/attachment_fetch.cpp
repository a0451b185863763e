#include "core/sync/attachment_fetch.h"

#include "core/albo/albo_purge.h"
#include "core/model/act.h"
#include "core/util/text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string_view>
#include <system_error>

#include <unistd.h>

namespace vt {

namespace fs = std::filesystem;

namespace {

constexpr UnixSeconds kFirstRetrySeconds = 15 * 60;
constexpr UnixSeconds kLongestRetrySeconds = 24 * 3600;

// Kinds the viewer cannot show: not worth a download. Signed ".p7m" files are very common in
// Italian albi and are CMS envelopes, not PDFs.
constexpr std::string_view kOtherExtensions[] = {
    ".p7m", ".p7s", ".doc", ".docx", ".odt",  ".ods", ".xls", ".xlsx", ".rtf",  ".txt", ".csv",  ".xml",
    ".zip", ".rar", ".7z",  ".jpg",  ".jpeg", ".png", ".gif", ".tif",  ".tiff", ".htm", ".html", ".mp4"};
// Declared types that still may be a PDF (vendors' download scripts say little).
constexpr std::string_view kVagueTypes[] = {
    "application/pdf",      "application/x-pdf",          "application/octet-stream", "binary/octet-stream",
    "application/download", "application/force-download", "application/x-download"};

bool mayBePdf(const std::string& url, const std::string& mime) {
    const std::string path = toLowerAscii(url.substr(0, url.find_first_of("?#")));
    for (std::string_view ext : kOtherExtensions)
        if (endsWith(path, ext)) return false;
    std::string type = toLowerAscii(trim(mime.substr(0, mime.find(';'))));
    if (type.empty()) return true;
    return std::find(std::begin(kVagueTypes), std::end(kVagueTypes), type) != std::end(kVagueTypes);
}

bool startsWithPdfMagic(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char head[5] = {};
    in.read(head, 5);
    return in.gcount() == 5 && std::string_view(head, 5) == "%PDF-";
}

std::string megabytes(std::uint64_t bytes) {
    char buf[32];
    if (bytes < (1u << 20))
        std::snprintf(buf, sizeof buf, "%llu KB", static_cast<unsigned long long>((bytes + 1023) >> 10));
    else
        std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / double(1 << 20));
    return buf;
}

struct Known {
    std::string path;
    std::uint64_t bytes = 0;
    int failures = 0;
    UnixSeconds retryAt = 0;
};

// `st` is "SELECT path, bytes, failures, retry_at FROM attachment_downloads WHERE url = ?1",
// prepared once per round: a round may look at thousands of attachments.
Known loadKnown(Statement& st, const std::string& url) {
    st.reset();
    st.bind(1, url);
    Known k;
    if (st.step()) {
        k.path = st.text(0);
        k.bytes = static_cast<std::uint64_t>(st.integer(1));
        k.failures = static_cast<int>(st.integer(2));
        k.retryAt = st.integer(3);
    }
    st.reset();  // no read left open while the round writes
    return k;
}

bool fileHasSize(const std::string& path, std::uint64_t bytes) {
    std::error_code ec;
    return !path.empty() && fs::is_regular_file(path, ec) && fs::file_size(path, ec) == bytes && !ec;
}

// Bytes of the distinct files on disk (two URLs with the same content share one).
std::uint64_t usedBytes(const Database& db) {
    Statement st = db.prepare(
        "SELECT coalesce(sum(bytes), 0) FROM (SELECT DISTINCT path, bytes FROM attachment_downloads WHERE "
        "path != '')");
    st.step();
    return static_cast<std::uint64_t>(st.integer(0));
}

void recordSuccess(Database& db, const std::string& url, const std::string& path, std::uint64_t bytes,
                   UnixSeconds now) {
    db.prepare(
          "INSERT INTO attachment_downloads (url, path, bytes, fetched_at, failures, last_error, retry_at) "
          "VALUES (?1, ?2, ?3, ?4, 0, '', 0) ON CONFLICT(url) DO UPDATE SET path = ?2, bytes = ?3, "
          "fetched_at = ?4, failures = 0, last_error = '', retry_at = 0")
        .bind(1, url)
        .bind(2, path)
        .bind(3, static_cast<std::int64_t>(bytes))
        .bind(4, now)
        .run();
}

// A refusal that a retry soon would not change (too big, not a PDF) waits a day; network
// errors back off from 15 minutes.
void recordFailure(Database& db, const std::string& url, const Known& k, const std::string& why, bool lasting,
                   UnixSeconds now) {
    const int failures = k.failures + 1;
    const UnixSeconds wait =
        lasting ? kLongestRetrySeconds
                : std::min(kLongestRetrySeconds, kFirstRetrySeconds << std::min(failures - 1, 7));
    db.prepare(
          "INSERT INTO attachment_downloads (url, path, bytes, fetched_at, failures, last_error, retry_at) "
          "VALUES (?1, '', 0, 0, ?2, ?3, ?4) ON CONFLICT(url) DO UPDATE SET path = '', bytes = 0, "
          "failures = ?2, last_error = ?3, retry_at = ?4")
        .bind(1, url)
        .bind(2, failures)
        .bind(3, why)
        .bind(4, now + wait)
        .run();
}

}  // namespace

std::string AttachmentRound::summary() const {
    std::string s;
    auto add = [&](int n, const std::string& what) {
        if (n > 0) s += (s.empty() ? "" : ", ") + std::to_string(n) + " " + what;
    };
    add(downloaded, "downloaded (" + megabytes(bytes) + ")");
    add(recorded, "already on disk");
    add(deferred, "left for the next round");
    add(purgedActs, "expired acts purged");
    add(removedFiles, "files no act lists removed");
    add(failed, "failed");
    if (s.empty()) return s;
    s = "attachments: " + s;
    for (size_t i = 0; i < issues.size() && i < 3; ++i) s += (i ? "; " : ": ") + issues[i].describe();
    if (issues.size() > 3) s += "; and " + std::to_string(issues.size() - 3) + " more";
    return s;
}

std::string attachmentsDirectory(const Config& config) {
    return config.dataDir + "/attachments";
}

AttachmentLimits attachmentLimitsFor(const Config& config, const SourceConfig& source) {
    AttachmentLimits l;
    l.maxFileBytes = static_cast<std::uint64_t>(source.limits.attachmentMaxBytes);
    l.budgetBytes = static_cast<std::uint64_t>(config.sync.attachmentsBudgetBytes);
    l.perRound = config.sync.attachmentsPerRound;
    l.fetch.connectTimeoutMs = std::lround(source.limits.connectTimeoutSeconds * 1000);
    l.fetch.totalTimeoutMs = std::lround(source.limits.timeoutSeconds * 1000);
    l.fetch.lowSpeedBytesPerSecond = source.limits.lowSpeedBytes;
    l.fetch.lowSpeedSeconds = source.limits.lowSpeedSeconds;
    return l;
}

AttachmentRound fetchActAttachments(Database& db, const std::string& directory, const std::string& source,
                                    const AttachmentLimits& limits, UnixSeconds now) {
    AttachmentRound round;
    struct Wanted {
        std::int64_t actId;
        std::string source, uid, url, mime;
        std::int64_t length;
    };
    std::vector<Wanted> wanted;
    {
        // In the window today, newest first; what is already recorded for its act, and a URL that
        // failed and waits for its retry, are skipped here, so a round over an unchanged albo
        // costs one query. (Skipping the waiting URLs in the loop instead cost a query per act
        // and round: 250 ms per sync for 10,000 acts whose links cannot be fetched.)
        Statement st = db.prepare(
            "SELECT a.id, a.source, a.uid, t.url, t.mime, t.length FROM acts a "
            "JOIN act_attachments t ON t.act_id = a.id "
            "LEFT JOIN attachment_downloads d ON d.url = t.url "
            "WHERE (a.source = ?1 OR substr(a.source, 1, length(?1) + 1) = ?1 || '/') "
            "AND " +
            publicationWindowSql("a", 2) +
            " AND (d.url IS NULL OR d.path != '' OR d.retry_at <= ?3) "
            "AND NOT EXISTS (SELECT 1 FROM act_files f WHERE f.act_id = a.id AND f.path = d.path) "
            "ORDER BY a.pub_start DESC, a.id DESC, t.position");
        st.bind(1, source).bind(2, windowSqlDay(now)).bind(3, static_cast<std::int64_t>(now));
        while (st.step())
            wanted.push_back({st.integer(0), st.text(1), st.text(2), st.text(3), st.text(4), st.integer(5)});
    }
    if (wanted.empty()) return round;

    std::error_code ec;
    fs::create_directories(directory, ec);
    int attempts = 0;
    Statement known =
        db.prepare("SELECT path, bytes, failures, retry_at FROM attachment_downloads WHERE url = ?1");
    std::set<std::string> failedNow;  // a URL listed by several acts fails once per round
    for (const Wanted& w : wanted) {
        if (!mayBePdf(w.url, w.mime) || failedNow.count(w.url)) continue;
        // A local feed's own files are opened where they are; only a local feed keeps them.
        if (startsWith(w.url, "file://") || w.url.find("://") == std::string::npos) continue;
        const Known k = loadKnown(known, w.url);
        if (fileHasSize(k.path, k.bytes)) {
            recordCachedFile(db, w.actId, k.path);
            if (db.changes() > 0) ++round.recorded;
            continue;
        }
        if (k.retryAt > now) continue;  // failed recently: its error is in attachment_downloads
        auto refuse = [&](const std::string& why, bool lasting) {
            recordFailure(db, w.url, k, why, lasting, now);
            failedNow.insert(w.url);
            ++round.failed;
            ImportIssue issue;
            issue.source = w.source;
            issue.item = w.uid;
            issue.reason = "act " + w.uid + ", attachment " + w.url + ": " + why;
            round.issues.push_back(std::move(issue));
        };
        std::string why;
        // A feed's file is fetched over https (loopback http for tests), never from the kiosk's
        // own disk (file://) nor through a URL with credentials.
        if (!isAllowedUrl(w.url, &why, UrlUse::FeedFile)) {
            refuse(why, true);
            continue;
        }
        if (w.length > 0 && static_cast<std::uint64_t>(w.length) > limits.maxFileBytes) {
            refuse("too big: the feed declares " + megabytes(static_cast<std::uint64_t>(w.length)) +
                       ", the cap is " + megabytes(limits.maxFileBytes),
                   true);
            continue;
        }
        if (attempts >= limits.perRound) {
            ++round.deferred;
            continue;
        }
        const std::uint64_t used = usedBytes(db);
        const std::uint64_t room = used >= limits.budgetBytes ? 0 : limits.budgetBytes - used;
        if (room < 1024) {
            refuse("the attachment budget (" + megabytes(limits.budgetBytes) + ") is full", false);
            continue;
        }
        ++attempts;
        const std::uint64_t cap = std::min(limits.maxFileBytes, room);
        FetchRequest req;
        req.url = w.url;
        req.use = UrlUse::FeedFile;
        req.limits = limits.fetch;
        req.limits.maxBytes = cap;
        // Per process: `vetrina sync --once` may run beside the kiosk's own sync.
        req.toFile = directory + "/download-" + std::to_string(::getpid()) + ".part";
        const FetchResult r = fetchUrl(req);
        bool lasting = false;
        if (!r.ok()) {
            why = r.error;
            if (startsWith(r.error, "oversize")) {
                lasting = cap == limits.maxFileBytes;
                why = lasting
                          ? "too big: more than the cap of " + megabytes(cap)
                          : "does not fit in what is left of the attachment budget (" + megabytes(cap) + ")";
            }
        } else if (!startsWithPdfMagic(req.toFile)) {
            why = "not a PDF (the file does not start with %PDF)";
            lasting = true;
        } else {
            const std::string path = directory + "/" + r.sha256 + ".pdf";
            fs::rename(req.toFile, path, ec);
            if (ec) {
                why = "cannot store the file: " + ec.message();
            } else {
                recordSuccess(db, w.url, path, r.bytes, now);
                recordCachedFile(db, w.actId, path);
                ++round.downloaded;
                round.bytes += r.bytes;
                continue;
            }
        }
        fs::remove(req.toFile, ec);
        refuse(why, lasting);
    }
    return round;
}

int pruneAttachmentCache(Database& db, const std::string& directory) {
    std::error_code ec;
    if (!fs::is_directory(directory, ec)) return 0;
    {
        Transaction tx(db);
        db.exec("DELETE FROM attachment_downloads WHERE url NOT IN (SELECT url FROM act_attachments)");
        db.exec(
            "UPDATE attachment_downloads SET path = '', bytes = 0 WHERE path != '' AND path NOT IN "
            "(SELECT path FROM act_files)");
        tx.commit();
    }
    // By file name: the directory holds only the sync's own files, named by their hash.
    std::set<std::string> live;
    Statement st = db.prepare("SELECT DISTINCT path FROM act_files");
    while (st.step()) live.insert(fs::path(st.text(0)).filename().string());
    int removed = 0;
    for (const auto& e : fs::directory_iterator(directory, ec)) {
        if (live.count(e.path().filename().string())) continue;
        std::error_code rec;
        if (fs::remove(e.path(), rec)) ++removed;
    }
    return removed;
}

AttachmentRound syncActAttachments(Database& db, const Config& config, const SourceConfig& source,
                                   UnixSeconds now) {
    // The purge also runs inside every import; here it keeps its promise when a feed answers
    // "unchanged" for days.
    const PurgeResult purged = purgeExpiredActs(db, now);
    const std::string dir = attachmentsDirectory(config);
    AttachmentRound round =
        fetchActAttachments(db, dir, source.name, attachmentLimitsFor(config, source), now);
    round.purgedActs = purged.acts;
    round.removedFiles = pruneAttachmentCache(db, dir);
    return round;
}

bool runAttachmentStep(Database& db, const Config& config, const SourceConfig& source, UnixSeconds now,
                       std::string& message) {
    try {
        const AttachmentRound round = syncActAttachments(db, config, source, now);
        if (const std::string line = round.summary(); !line.empty()) message += "; " + line;
        return round.filesChanged();
    } catch (const std::exception& e) {
        message += std::string("; attachments: internal error: ") + e.what();
        return false;
    }
}

std::string cachedAttachmentPath(const Database& db, std::int64_t actId, const std::string& url) {
    Statement st = db.prepare(
        "SELECT d.path FROM attachment_downloads d JOIN act_files f ON f.path = d.path "
        "WHERE d.url = ?1 AND f.act_id = ?2 AND d.path != ''");
    st.bind(1, url).bind(2, actId);
    return st.step() ? st.text(0) : std::string();
}

}  // namespace vt
