#include "revisions.h"

#include "core/util/files.h"

#include <filesystem>
#include <map>
#include <set>

namespace vt::console {

namespace fs = std::filesystem;

namespace {

constexpr const char* kColumns =
    "SELECT number, published_at, actor, reason, draft_id, restored_from, files_changed, manifest,"
    " manifest_sha256 FROM revisions ";

RevisionRecord readRecord(const Statement& st) {
    RevisionRecord r;
    r.number = st.integer(0);
    r.publishedAt = st.integer(1);
    r.actor = st.text(2);
    r.reason = st.text(3);
    if (!st.isNull(4)) r.draftId = st.integer(4);
    if (!st.isNull(5)) r.restoredFrom = st.integer(5);
    r.filesChanged = static_cast<int>(st.integer(6));
    r.manifestJson = st.text(7);
    r.manifestSha256 = st.text(8);
    return r;
}

std::map<std::string, ManifestFile> filesByPath(const Manifest& m) {
    std::map<std::string, ManifestFile> out;
    for (const ManifestFile& f : m.files) out.emplace(f.path, f);
    return out;
}

std::optional<Manifest> manifestOf(const RevisionRecord& r) {
    std::string error;
    return parseManifest(r.manifestJson, error);
}

// A published object, checked against its hash: nothing when missing or damaged.
std::optional<std::string> readObject(const ConsoleConfig& config, const ManifestFile& f) {
    auto bytes = readFile((fs::path(config.outDir) / f.objectPath()).string(), kMaxContentFileBytes);
    if (!bytes || sha256Hex(*bytes) != f.sha256) return std::nullopt;
    return bytes;
}

// Text larger than this is listed, not diffed: a clerk reads notices and sheets, not data dumps.
constexpr std::uint64_t kMaxDiffBytes = 1u << 20;

}  // namespace

std::vector<RevisionRecord> listRevisions(const ConsoleStore& store, int limit) {
    std::vector<RevisionRecord> out;
    auto st = store.prepare(std::string(kColumns) + "ORDER BY number DESC LIMIT ?");
    st.bind(1, limit);
    while (st.step()) out.push_back(readRecord(st));
    return out;
}

std::optional<RevisionRecord> findRevision(const ConsoleStore& store, std::int64_t number) {
    auto st = store.prepare(std::string(kColumns) + "WHERE number = ?");
    st.bind(1, number);
    if (!st.step()) return std::nullopt;
    return readRecord(st);
}

std::int64_t latestRevision(const ConsoleStore& store) {
    auto st = store.prepare("SELECT COALESCE(MAX(number), 0) FROM revisions");
    return st.step() ? st.integer(0) : 0;
}

void recordRevision(ConsoleStore& store, const RevisionRecord& r) {
    auto st = store.prepare(
        "INSERT INTO revisions(number, published_at, actor, reason, draft_id, restored_from, files_changed,"
        " manifest, manifest_sha256) VALUES (?,?,?,?,?,?,?,?,?)");
    st.bind(1, r.number).bind(2, static_cast<std::int64_t>(r.publishedAt)).bind(3, r.actor).bind(4, r.reason);
    if (r.draftId)
        st.bind(5, *r.draftId);
    else
        st.bindNull(5);
    if (r.restoredFrom)
        st.bind(6, *r.restoredFrom);
    else
        st.bindNull(6);
    st.bind(7, r.filesChanged).bind(8, r.manifestJson).bind(9, r.manifestSha256).run();
}

const char* fileChangeName(FileChange c) {
    switch (c) {
        case FileChange::Added:
            return "added";
        case FileChange::Changed:
            return "changed";
        case FileChange::Removed:
            return "removed";
    }
    return "changed";
}

int countChangedFiles(const Manifest& before, const Manifest& after) {
    const auto a = filesByPath(before), b = filesByPath(after);
    int n = 0;
    for (const auto& [path, f] : b) {
        const auto it = a.find(path);
        if (it == a.end() || it->second.sha256 != f.sha256) ++n;
    }
    for (const auto& [path, f] : a)
        if (!b.count(path)) ++n;
    return n;
}

std::optional<RevisionDiff> diffRevisions(const ConsoleConfig& config, const ConsoleStore& store,
                                          std::int64_t number) {
    const auto rec = findRevision(store, number);
    if (!rec) return std::nullopt;
    RevisionDiff d;
    d.revision = number;
    std::map<std::string, ManifestFile> before, after;
    if (const auto m = manifestOf(*rec)) after = filesByPath(*m);
    auto st = store.prepare(std::string(kColumns) + "WHERE number < ? ORDER BY number DESC LIMIT 1");
    st.bind(1, number);
    if (st.step()) {
        const RevisionRecord prev = readRecord(st);
        d.previous = prev.number;
        if (const auto m = manifestOf(prev)) before = filesByPath(*m);
    }
    std::set<std::string> paths;
    for (const auto& [p, f] : before) paths.insert(p);
    for (const auto& [p, f] : after) paths.insert(p);
    for (const std::string& path : paths) {
        const auto b = before.find(path), a = after.find(path);
        FileDiff fd;
        fd.path = path;
        if (b != before.end()) fd.sizeBefore = b->second.size, fd.shaBefore = b->second.sha256;
        if (a != after.end()) fd.sizeAfter = a->second.size, fd.shaAfter = a->second.sha256;
        fd.kind = a != after.end() ? a->second.kind : b->second.kind;
        if (b == before.end())
            fd.change = FileChange::Added;
        else if (a == after.end())
            fd.change = FileChange::Removed;
        else if (b->second.sha256 != a->second.sha256)
            fd.change = FileChange::Changed;
        else
            continue;           // the same file in both
        if (d.previous == 0) {  // the first revision known: a list of the whole content, no texts
            d.files.push_back(std::move(fd));
            continue;
        }
        if (fd.sizeBefore > kMaxDiffBytes || fd.sizeAfter > kMaxDiffBytes) {
            fd.note = "file grande, senza confronto riga per riga / large file, no line comparison";
            d.files.push_back(std::move(fd));
            continue;
        }
        std::optional<std::string> oldText = std::string(), newText = std::string();
        if (b != before.end()) oldText = readObject(config, b->second);
        if (a != after.end()) newText = readObject(config, a->second);
        if (!oldText || !newText)
            fd.note =
                "oggetto mancante in out_dir, confronto non disponibile / object missing in out_dir, no "
                "comparison";
        else if (!looksLikeText(*oldText) || !looksLikeText(*newText))
            fd.note = "file binario / binary file";
        else {
            fd.text = true;
            fd.diff = diffText(*oldText, *newText);
        }
        d.files.push_back(std::move(fd));
    }
    return d;
}

PublishOutcome restoreRevision(const ConsoleConfig& config, ConsoleStore& store, std::int64_t number,
                               const std::string& actor, UnixSeconds now, const std::string& address,
                               const std::string& reason) {
    PublishOutcome out;
    const std::string n = std::to_string(number);
    const auto rec = findRevision(store, number);
    if (!rec) {
        out.errors.push_back("La revisione " + n + " non c'è / There is no revision " + n);
        return out;
    }
    const auto manifest = manifestOf(*rec);
    if (!manifest) {
        out.errors.push_back("Il manifesto della revisione " + n +
                             " non si legge / The manifest of revision " + n + " cannot be read");
        return out;
    }
    std::error_code ec;
    const fs::path root = fs::canonical(config.contentDir, ec);
    if (ec || !fs::is_directory(root)) {
        out.errors.push_back(config.contentDir +
                             ": la cartella dei contenuti non c'è / the content folder does not exist");
        return out;
    }
    // What the content folder holds now, by path and hash.
    std::map<std::string, std::string> current;
    for (auto it = fs::recursive_directory_iterator(root, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (it->is_symlink() || !it->is_regular_file()) continue;
        const std::string rel = it->path().lexically_relative(root).generic_string();
        const auto bytes = readFile(it->path().string(), kMaxContentFileBytes);
        current[rel] = bytes ? sha256Hex(*bytes) : "";
    }
    FileChanges changes;
    std::set<std::string> wanted;
    for (const ManifestFile& f : manifest->files) {
        wanted.insert(f.path);
        const auto it = current.find(f.path);
        if (it != current.end() && it->second == f.sha256) continue;
        if (auto p = contentPathProblem(f.path)) {  // a file put by hand outside the content folders
            out.errors.push_back(*p);
            continue;
        }
        auto bytes = readObject(config, f);
        if (!bytes) {
            out.errors.push_back(
                f.path + ": l'oggetto " + f.objectPath() +
                " manca o è danneggiato in out_dir, la revisione " + n +
                " non si può ripristinare / object missing or damaged in out_dir, revision " + n +
                " cannot be restored");
            continue;
        }
        changes.emplace(f.path, std::move(bytes));
    }
    if (!out.errors.empty()) return out;
    for (const auto& [path, sha] : current)
        if (!wanted.count(path) && !contentPathProblem(path)) changes.emplace(path, std::nullopt);
    PublishRequest request;
    request.actor = actor;
    request.reason = "Ripristino della revisione " + n + " / Restore of revision " + n;
    if (!reason.empty()) request.reason += ": " + reason;
    request.address = address;
    request.restoredFrom = number;
    return publishChanges(config, store, changes, request, now);
}

}  // namespace vt::console
