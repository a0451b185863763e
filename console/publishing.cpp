#include "publishing.h"

#include "audit.h"
#include "revisions.h"

#include "core/sync/publish.h"
#include "core/util/files.h"

#include <filesystem>
#include <string_view>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vt::console {

namespace fs = std::filesystem;

namespace {

// The content folder's layout (docs/CONTENT.md); the console writes nowhere else.
constexpr std::string_view kContentFolders[] = {"albo",   "sheets", "notices", "offices",
                                                "events", "alerts", "media",   "town"};
constexpr std::string_view kContentFiles[] = {"synonyms.txt", "town.toml"};

void syncDir(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

// Temp file (hidden, so a publish meanwhile skips it), fsync, rename, fsync of the folder: after a
// crash the file is the old or the new one, never half.
bool writeDurably(const fs::path& target, std::string_view data) {
    // Appended in place: `"." + name` trips GCC 12's -Wrestrict false positive at -O3.
    std::string hidden = ".";
    hidden += target.filename().string();
    hidden += ".console-tmp";
    const fs::path tmp = target.parent_path() / hidden;
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) return false;
    struct stat old {};
    if (::lstat(target.c_str(), &old) == 0) ::fchmod(fd, old.st_mode & 07777);  // a file keeps its mode
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    const bool ok = done == data.size() && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok || ::rename(tmp.c_str(), target.c_str()) != 0) {
        ::unlink(tmp.c_str());
        return false;
    }
    syncDir(target.parent_path());
    return true;
}

bool removeDurably(const fs::path& target) {
    if (::unlink(target.c_str()) != 0 && errno != ENOENT) return false;
    syncDir(target.parent_path());
    return true;
}

// What content_dir held before the changes, to put it back exactly.
struct Snapshot {
    struct File {
        fs::path path;
        std::optional<std::string> bytes;  // nullopt: the file did not exist
    };
    std::vector<File> files;
    std::vector<fs::path> createdDirs;  // outermost first

    void restore() const {
        for (auto it = files.rbegin(); it != files.rend(); ++it) {
            if (it->bytes)
                writeDurably(it->path, *it->bytes);
            else
                removeDurably(it->path);
        }
        for (auto it = createdDirs.rbegin(); it != createdDirs.rend(); ++it) {
            std::error_code ec;
            fs::remove(*it, ec);  // only removes it when empty
        }
    }
};

// Checks every change's target (no symbolic link or folder on the way) and saves what is there.
bool prepare(const fs::path& root, const FileChanges& changes, Snapshot& snap,
             std::vector<std::string>& errors) {
    for (const auto& [rel, bytes] : changes) {
        if (auto p = contentPathProblem(rel)) {
            errors.push_back(*p);
            continue;
        }
        fs::path at = root;
        bool bad = false;
        const fs::path relPath(rel);
        for (auto part = relPath.begin(); part != relPath.end() && !bad; ++part) {
            at /= *part;
            std::error_code ec;
            const auto st = fs::symlink_status(at, ec);
            if (ec || !fs::exists(st)) break;  // the rest is new
            const bool last = std::next(part) == relPath.end();
            if (fs::is_symlink(st) || (last ? !fs::is_regular_file(st) : !fs::is_directory(st))) {
                errors.push_back(rel +
                                 ": c'è già qualcosa che non è un file (un collegamento o una cartella) / "
                                 "something that is not a plain file is in the way (a link or a folder)");
                bad = true;
            }
        }
        if (bad) continue;
        const fs::path target = root / relPath;
        std::optional<std::string> old;
        if (fs::exists(target)) {
            old = readFile(target.string(), kMaxContentFileBytes);
            if (!old) {
                errors.push_back(rel + ": il file attuale non si legge / the current file cannot be read");
                continue;
            }
        }
        snap.files.push_back({target, std::move(old)});
    }
    return errors.empty();
}

bool apply(const fs::path& root, const FileChanges& changes, Snapshot& snap,
           std::vector<std::string>& errors) {
    for (const auto& [rel, bytes] : changes) {
        const fs::path target = root / fs::path(rel);
        if (!bytes) {
            if (!removeDurably(target)) {
                errors.push_back(rel + ": non si può cancellare / cannot be deleted");
                return false;
            }
            continue;
        }
        fs::path dir = root;
        for (const auto& part : fs::path(rel).parent_path()) {
            dir /= part;
            std::error_code ec;
            if (fs::create_directory(dir, ec)) {
                snap.createdDirs.push_back(dir);
                syncDir(dir.parent_path());
            } else if (ec) {
                errors.push_back(rel + ": la cartella non si può creare / the folder cannot be created");
                return false;
            }
        }
        if (!writeDurably(target, *bytes)) {
            errors.push_back(rel + ": non si può scrivere / cannot be written");
            return false;
        }
    }
    return true;
}

// The signing key: unencrypted (the console signs without anyone typing a password) and readable
// by the console's user only. Errors name the file, never its bytes.
std::optional<SecretKey> loadKey(const std::string& keyFile, std::vector<std::string>& errors) {
    if (keyFile.empty()) {
        errors.push_back(
            "[publish] key_file non è configurato: senza la chiave del Comune non si firma / "
            "[publish] key_file is not set: nothing can be signed without the town's key");
        return std::nullopt;
    }
    struct stat st {};
    if (::stat(keyFile.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
        errors.push_back(keyFile +
                         ": la chiave di firma non c'è o non si legge / the signing key is missing or "
                         "cannot be read");
        return std::nullopt;
    }
    if ((st.st_mode & 077) != 0) {
        errors.push_back(keyFile +
                         ": la chiave di firma è accessibile ad altri utenti; deve esserlo solo all'utente "
                         "della console (chmod 600, o LoadCredential= di systemd) / the signing key is "
                         "accessible to other users; only the console's user may read it (chmod 600, or "
                         "systemd LoadCredential=)");
        return std::nullopt;
    }
    auto text = readFile(keyFile, 64 * 1024);
    if (!text) {
        errors.push_back(keyFile + ": la chiave di firma non si legge / the signing key cannot be read");
        return std::nullopt;
    }
    std::optional<SecretKey> key;
    try {
        if (secretKeyIsEncrypted(*text))
            errors.push_back(
                keyFile +
                ": la chiave è protetta da una password; la console firma senza chiederla e "
                "vuole una chiave senza password, leggibile solo dal suo utente (docs/CONSOLE.md) "
                "/ the key is password-protected; the console signs unattended and needs a key "
                "without a password, readable only by its user (docs/CONSOLE.md)");
        else
            key = parseSecretKey(*text, std::nullopt);
    } catch (const KeyError& e) {  // its messages describe the format, never the key's bytes
        errors.push_back(keyFile + ": non è una chiave segreta minisign / not a minisign secret key (" +
                         e.what() + ")");
    }
    std::fill(text->begin(), text->end(), '\0');
    return key;
}

std::optional<std::string> readOptional(const fs::path& p) {
    if (!fs::exists(p)) return std::nullopt;
    return readFile(p.string(), 64ull << 20);
}

// Puts a file of out_dir back as it was when the publish failed half-way (the signature written,
// the manifest not).
void putBack(const fs::path& p, const std::optional<std::string>& before) {
    if (readOptional(p) == before) return;
    if (before)
        writeFileAtomic(p.string(), *before);
    else
        removeDurably(p);
}

// A SAVEPOINT nests inside the caller's transaction (the approval flow) and works without one.
class Savepoint {
public:
    explicit Savepoint(ConsoleStore& s) : m_store(s) { m_store.exec("SAVEPOINT publishing"); }
    ~Savepoint() {
        if (!m_done) {
            sqlite3_exec(m_store.handle(), "ROLLBACK TO publishing", nullptr, nullptr, nullptr);
            sqlite3_exec(m_store.handle(), "RELEASE publishing", nullptr, nullptr, nullptr);
        }
    }
    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;
    void release() {
        m_store.exec("RELEASE publishing");
        m_done = true;
    }

private:
    ConsoleStore& m_store;
    bool m_done = false;
};

}  // namespace

std::optional<std::string> contentPathProblem(const std::string& path) {
    const std::string refused = path + ": percorso non ammesso / path not allowed";
    if (path.empty() || path.front() == '/' || !isSafeRelativePath(path)) return refused;
    std::vector<std::string_view> parts;
    std::string_view rest(path);
    while (true) {
        const auto slash = rest.find('/');
        parts.push_back(rest.substr(0, slash));
        if (slash == std::string_view::npos) break;
        rest.remove_prefix(slash + 1);
    }
    for (std::string_view p : parts)
        if (p.empty() || p == "." || p == ".." || p.front() == '.') return refused;
    if (parts.size() == 1) {
        for (std::string_view f : kContentFiles)
            if (parts[0] == f) return std::nullopt;
    }
    for (std::string_view f : kContentFolders)
        if (parts.size() > 1 && parts[0] == f) return std::nullopt;
    return path + ": fuori dalle cartelle dei contenuti / outside the content folders";
}

PublishOutcome publishChanges(const ConsoleConfig& config, ConsoleStore& store, const FileChanges& changes,
                              const PublishRequest& request, UnixSeconds now) {
    PublishOutcome out;
    if (config.contentDir.empty() || config.outDir.empty()) {
        out.errors.push_back(
            "[publish] content_dir e out_dir vanno configurati / content_dir and out_dir must be set");
        return out;
    }
    const auto key = loadKey(config.keyFile, out.errors);
    if (!key) return out;
    std::error_code ec;
    const fs::path root = fs::canonical(config.contentDir, ec);
    if (ec || !fs::is_directory(root)) {
        out.errors.push_back(config.contentDir +
                             ": la cartella dei contenuti non c'è / no such content folder");
        return out;
    }
    Snapshot snap;
    if (!prepare(root, changes, snap, out.errors)) return out;

    const fs::path outDir(config.outDir);
    const auto manifestBytes = readOptional(outDir / "manifest.json");
    const auto signatureBytes = readOptional(outDir / "manifest.json.minisig");
    out.manifestBefore = manifestBytes ? sha256Hex(*manifestBytes) : "";
    std::optional<Manifest> previous;
    if (manifestBytes) {
        std::string error;
        previous = parseManifest(*manifestBytes, error);  // when unreadable, publishContent says so
    }
    const std::int64_t known = latestRevision(store);
    const std::int64_t next = std::max(known, previous ? previous->revision : 0) + 1;

    if (!apply(root, changes, snap, out.errors)) {
        snap.restore();
        return out;
    }
    PublishOptions options;
    options.contentDir = root.string();
    options.outDir = config.outDir;
    options.revision = next;
    options.now = now;
    const PublishResult r = publishContent(options, *key);
    if (!r.ok()) {
        snap.restore();
        putBack(outDir / "manifest.json", manifestBytes);
        putBack(outDir / "manifest.json.minisig", signatureBytes);
        out.errors = r.errors;
        return out;
    }
    const auto written = readOptional(outDir / "manifest.json");
    const std::string manifestJson = written ? *written : manifestToJson(r.manifest);
    out.ok = true;
    out.revision = next;
    out.filesCopied = r.filesCopied;
    out.filesChanged = countChangedFiles(previous ? *previous : Manifest{}, r.manifest);
    out.manifestAfter = sha256Hex(manifestJson);

    // Published: now recorded. Should the store fail here, out_dir already holds the revision and
    // the next publish records it as one found published by hand.
    Savepoint sp(store);
    if (previous && previous->revision > known && !findRevision(store, previous->revision)) {
        RevisionRecord hand;
        hand.number = previous->revision;
        hand.publishedAt = previous->created;
        hand.reason = "Pubblicata fuori dalla console / Published outside the console";
        if (const auto last = findRevision(store, known)) {
            std::string error;
            if (const auto m = parseManifest(last->manifestJson, error))
                hand.filesChanged = countChangedFiles(*m, *previous);
        } else {
            hand.filesChanged = static_cast<int>(previous->files.size());
        }
        hand.manifestJson = *manifestBytes;
        hand.manifestSha256 = out.manifestBefore;
        recordRevision(store, hand);
    }
    RevisionRecord rec;
    rec.number = next;
    rec.publishedAt = now;
    rec.actor = request.actor;
    rec.reason = request.reason;
    rec.draftId = request.draftId;
    rec.restoredFrom = request.restoredFrom;
    rec.filesChanged = out.filesChanged;
    rec.manifestJson = manifestJson;
    rec.manifestSha256 = out.manifestAfter;
    recordRevision(store, rec);
    audit(store, now, request.actor, request.restoredFrom ? "restore" : "publish",
          "revisione " + std::to_string(next), request.reason, request.address,
          AuditRevision{next, out.manifestBefore, out.manifestAfter});
    sp.release();
    return out;
}

PublishOutcome publishChanges(const ConsoleConfig& config, ConsoleStore& store, const FileChanges& changes,
                              const std::string& actor, const std::string& reason, UnixSeconds now) {
    PublishRequest request;
    request.actor = actor;
    request.reason = reason;
    return publishChanges(config, store, changes, request, now);
}

}  // namespace vt::console
