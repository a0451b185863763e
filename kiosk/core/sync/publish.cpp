#include "core/sync/publish.h"

#include "core/sources/importers.h"
#include "core/sync/content_kinds.h"
#include "core/util/files.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace vt {

namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t kMaxTotalBytes = 2ull << 30;

bool hiddenName(const fs::path& p) {
    const std::string n = p.filename().string();
    return !n.empty() && n[0] == '.';
}

bool inside(const fs::path& root, const fs::path& p) {
    auto r = root.begin(), i = p.begin();
    for (; r != root.end(); ++r, ++i)
        if (i == p.end() || *r != *i) return false;
    return true;
}

// Validates one importable file by importing it into a throwaway in-memory store.
void validateImport(const std::string& contentDir, const std::string& rel, const std::string& kind,
                    const std::string& bytes, UnixSeconds now, std::vector<std::string>& errors) {
    Database scratch = Database::open(":memory:");
    // Files an item refers to (a notice's image) are read next to it, inside the content folder.
    ImportOptions options;
    const std::filesystem::path dir =
        std::filesystem::path(contentDir) / std::filesystem::path(rel).parent_path();
    options.assets = [dir, contentDir](const std::string& ref) -> std::optional<std::string> {
        const std::filesystem::path target = (dir / ref).lexically_normal();
        const std::filesystem::path root = std::filesystem::path(contentDir).lexically_normal();
        const auto mismatch = std::mismatch(root.begin(), root.end(), target.begin(), target.end());
        if (mismatch.first != root.end()) return std::nullopt;  // outside the content folder
        return readFile(target.string(), 64u << 20);
    };
    ImportSummary s = importBuffer(scratch, kind, bytes, rel, now, options);
    for (ImportIssue issue : s.report.issues) {
        issue.source = rel;
        errors.push_back(issue.describe());
    }
    if (s.report.fatal && s.report.issues.empty()) errors.push_back(rel + ": cannot be read as " + kind);
}

}  // namespace

PublishResult validateContent(const std::string& contentDir, UnixSeconds now) {
    PublishResult r;
    std::error_code ec;
    const fs::path root = fs::canonical(contentDir, ec);
    if (ec || !fs::is_directory(root)) {
        r.errors.push_back(contentDir + ": not a content folder");
        return r;
    }
    std::vector<fs::path> paths;
    for (auto it = fs::recursive_directory_iterator(root, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (hiddenName(it->path())) {  // .git, editor backups, .DS_Store
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (it->is_symlink()) {
            const fs::path target = fs::canonical(it->path(), ec);
            const std::string rel = it->path().lexically_relative(root).generic_string();
            if (ec || !inside(root, target)) {
                r.errors.push_back(rel + ": symbolic link out of the content folder, refused");
                ec.clear();
                continue;
            }
            if (fs::is_directory(target)) {
                r.errors.push_back(rel + ": symbolic link to a folder, refused");
                continue;
            }
        } else if (it->is_directory()) {
            continue;
        } else if (!it->is_regular_file()) {
            r.errors.push_back(it->path().lexically_relative(root).generic_string() + ": not a regular file");
            continue;
        }
        paths.push_back(it->path());
    }
    if (ec) r.errors.push_back(contentDir + ": " + ec.message());
    std::sort(paths.begin(), paths.end());
    std::uint64_t total = 0;
    for (const fs::path& p : paths) {
        const std::string rel = p.lexically_relative(root).generic_string();
        if (!isSafeRelativePath(rel)) {
            r.errors.push_back(rel +
                               ": the file name is not usable (control characters, backslash or too long)");
            continue;
        }
        const auto size = fs::file_size(p, ec);
        if (ec || size > kMaxContentFileBytes) {
            r.errors.push_back(rel + ": too large (limit " + std::to_string(kMaxContentFileBytes >> 20) +
                               " MiB)");
            ec.clear();
            continue;
        }
        auto bytes = readFile(p.string(), kMaxContentFileBytes);
        if (!bytes) {
            r.errors.push_back(rel + ": cannot be read");
            continue;
        }
        total += bytes->size();
        ManifestFile f;
        f.path = rel;
        f.kind = contentKindFor(rel);
        f.size = bytes->size();
        f.sha256 = sha256Hex(*bytes);
        if (isImportedKind(f.kind)) validateImport(contentDir, rel, f.kind, *bytes, now, r.errors);
        r.manifest.files.push_back(std::move(f));
    }
    if (total > kMaxTotalBytes) r.errors.push_back(contentDir + ": more than 2 GiB of content");
    if (r.manifest.files.empty() && r.errors.empty())
        r.errors.push_back(contentDir + ": the content folder is empty");
    return r;
}

PublishResult publishContent(const PublishOptions& o, const SecretKey& key) {
    PublishResult r = validateContent(o.contentDir, o.now);
    if (!r.ok()) return r;
    const fs::path out(o.outDir);
    {
        std::error_code ec;
        const fs::path outAbs = fs::weakly_canonical(out, ec);
        if (!ec && inside(fs::canonical(o.contentDir), outAbs)) {
            r.errors.push_back(o.outDir + ": the output folder must not be inside the content folder");
            return r;
        }
    }
    std::int64_t previous = 0;
    if (auto old = readFile((out / "manifest.json").string(), 64ull << 20)) {
        std::string error;
        if (auto m = parseManifest(*old, error))
            previous = m->revision;
        else
            r.errors.push_back((out / "manifest.json").string() + ": " + error +
                               " (remove it or give --revision)");
    }
    if (!r.ok()) return r;
    r.manifest.revision = o.revision.value_or(previous + 1);
    if (r.manifest.revision <= previous) {
        r.errors.push_back("revision " + std::to_string(r.manifest.revision) +
                           " is not above the published " + std::to_string(previous) +
                           ": kiosks would refuse it as a rollback");
        return r;
    }
    if (o.expiresDays < 1 || o.expiresDays > 3650) {
        r.errors.push_back("--expires-days must be between 1 and 3650");
        return r;
    }
    r.manifest.created = o.now;
    r.manifest.expires = o.now + std::int64_t{o.expiresDays} * 86400;

    std::error_code ec;
    fs::create_directories(out / "objects", ec);
    if (ec) {
        r.errors.push_back(o.outDir + ": " + ec.message());
        return r;
    }
    // Objects first, manifest last: a kiosk fetching meanwhile sees the old or the new revision.
    const fs::path root = fs::canonical(o.contentDir);
    for (const ManifestFile& f : r.manifest.files) {
        const fs::path dest = out / f.objectPath();
        if (fs::exists(dest) && fs::file_size(dest) == f.size) {
            auto existing = readFile(dest.string(), kMaxContentFileBytes);
            if (existing && sha256Hex(*existing) == f.sha256) continue;  // already published, intact
        }
        auto bytes = readFile((root / f.path).string(), kMaxContentFileBytes);
        if (!bytes || sha256Hex(*bytes) != f.sha256) {
            r.errors.push_back(f.path + ": changed while publishing, try again");
            return r;
        }
        if (!writeFileAtomic(dest.string(), *bytes)) {
            r.errors.push_back(dest.string() + ": cannot be written");
            return r;
        }
        ++r.filesCopied;
    }
    const std::string json = manifestToJson(r.manifest);
    const std::string sig = signDetached(json, key, manifestTrustedComment(r.manifest),
                                         "vetrina manifest, revision " + std::to_string(r.manifest.revision));
    if (!writeFileAtomic((out / "manifest.json.minisig").string(), sig) ||
        !writeFileAtomic((out / "manifest.json").string(), json))
        r.errors.push_back(o.outDir + ": cannot write the manifest");
    return r;
}

}  // namespace vt
