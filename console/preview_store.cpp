#include "preview_store.h"

#include "core/sync/content_kinds.h"
#include "core/sync/manifest.h"
#include "core/util/files.h"

#include <algorithm>
#include <filesystem>
#include <optional>

namespace vt::console {

namespace fs = std::filesystem;

namespace {

// One file of the scratch content: the draft's bytes, or a published object read on demand.
struct Entry {
    std::optional<std::string> bytes;
    std::string objectPath, sha256;
    std::uint64_t size = 0;
};

PreviewStoreResult failed(std::string why) {
    PreviewStoreResult r;
    r.error = std::move(why);
    return r;
}

}  // namespace

PreviewStoreResult buildPreviewStore(const PreviewContent& content, Database& db) {
    std::map<std::string, Entry> files;
    std::int64_t revision = 0;
    const fs::path out(content.outDir);
    std::error_code ec;
    if (!content.outDir.empty() && fs::exists(out / "manifest.json", ec)) {
        auto json = readFile((out / "manifest.json").string(), 64ull << 20);
        std::string why;
        std::optional<Manifest> m = json ? parseManifest(*json, why) : std::nullopt;
        if (!m)
            return failed("Contenuti pubblicati illeggibili / Published content unreadable: " +
                          (out / "manifest.json").string() + (why.empty() ? "" : ": " + why));
        revision = m->revision;
        for (const ManifestFile& f : m->files) {
            Entry e;
            e.objectPath = (out / f.objectPath()).string();
            e.sha256 = f.sha256;
            e.size = f.size;
            files[f.path] = std::move(e);
        }
    }
    for (const std::string& path : content.removed) files.erase(path);
    for (const auto& [path, bytes] : content.overlay) {
        if (!isSafeRelativePath(path))
            return failed("Nome di file non valido / Invalid file name: \"" + path + "\"");
        if (bytes.size() > kMaxContentFileBytes) return failed(path + ": troppo grande / too large");
        Entry e;
        e.bytes = bytes;
        files[path] = std::move(e);
    }
    // A published object is used only when its bytes are the ones the manifest names.
    const auto read = [&](const std::string& path) -> std::optional<std::string> {
        auto it = files.find(path);
        if (it == files.end()) return std::nullopt;
        if (it->second.bytes) return it->second.bytes;
        auto bytes = readFile(it->second.objectPath, kMaxContentFileBytes);
        if (!bytes || bytes->size() != it->second.size || sha256Hex(*bytes) != it->second.sha256)
            return std::nullopt;
        return bytes;
    };

    PreviewStoreResult r;
    r.revision = revision;
    Transaction tx(db);
    for (const auto& [path, entry] : files) {
        const std::string kind = contentKindFor(path);
        if (!isImportedKind(kind)) continue;
        auto bytes = read(path);
        if (!bytes)
            return failed(path +
                          ": copia pubblicata mancante o danneggiata / published copy missing or damaged (" +
                          entry.objectPath + ")");
        ImportOptions options = content.options;
        options.allowShrink = true;
        options.previousItems = 0;
        const fs::path dir = fs::path(path).parent_path();
        options.assets = [&read, dir](const std::string& rel) {
            return read((dir / rel).lexically_normal().generic_string());
        };
        ImportSummary sum =
            importBuffer(db, kind, *bytes, content.sourceName + "/" + path, content.now, options);
        for (ImportIssue issue : sum.report.issues) {
            issue.source = path;
            r.issues.push_back(issue.describe());
        }
        if (sum.report.fatal) {
            PreviewStoreResult f = failed(
                path + ": " + (sum.report.issues.empty() ? "illeggibile / unreadable" : r.issues.back()));
            f.issues = r.issues;
            return f;
        }
        ++r.files;
        r.items += sum.report.itemsImported;
    }
    tx.commit();
    r.ok = true;
    return r;
}

std::string resolveScreen(const Database& db, const std::string& screen, std::string& error) {
    struct Kind {
        const char* prefix;
        const char* table;
        const char* it;
        const char* en;
    };
    static const Kind kKinds[] = {{"notice:", "notices", "L'avviso", "Notice"},
                                  {"event:", "events", "L'evento", "Event"}};
    for (const Kind& k : kKinds) {
        const std::string prefix = k.prefix;
        if (screen.rfind(prefix, 0) != 0) continue;
        const std::string key = screen.substr(prefix.size());
        if (!key.empty() && std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return screen;
        Statement st =
            db.prepare(std::string("SELECT id FROM ") + k.table + " WHERE uid = ?1 ORDER BY id LIMIT 1");
        st.bind(1, key);
        if (st.step()) return prefix + std::to_string(st.integer(0));
        error = std::string(k.it) + " \"" + key + "\" non è nei contenuti dell'anteprima / " + k.en + " \"" +
                key + "\" is not in the preview's content";
        return "";
    }
    return screen;
}

}  // namespace vt::console
