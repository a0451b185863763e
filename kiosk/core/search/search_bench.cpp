#include "core/search/search_bench.h"

#include "core/search/search.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>

namespace vt {

SearchBenchFigures benchSearch(Database& db, const std::vector<SearchDocument>& seeds, int documents,
                               const std::vector<std::string>& typed) {
    SearchBenchFigures f;
    if (seeds.empty()) return f;
    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    {
        Transaction tx(db);
        const size_t n = seeds.size();
        for (int i = 0; i < documents; ++i) {
            // Each document takes its title from one seed and its text from two others, so the
            // corpus has the catalogue's vocabulary but no two documents are the same.
            const auto u = static_cast<size_t>(i);
            const SearchDocument& a = seeds[u % n];
            const SearchDocument& b = seeds[(u * 31 + 7) % n];
            const SearchDocument& c = seeds[(u * 97 + 13) % n];
            SearchDocument d;
            d.kind = i % 10 == 0 ? "act" : "sheet";
            d.key = "bench-" + std::to_string(i);
            d.source = "bench";
            d.title = a.title;
            d.keywords = a.keywords + "\n" + b.keywords;
            d.body = a.body + "\n" + b.title + ". " + b.body + "\n" + c.body;
            d.bodyName = a.bodyName;
            indexDocument(db, d);
        }
        optimizeSearchIndex(db);
        tx.commit();
    }
    f.buildSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
    f.documents = countSearchDocuments(db);
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    f.databaseBytes = static_cast<std::int64_t>(std::filesystem::file_size(db.path()));

    std::vector<double> ms;
    SearchOptions opt;
    opt.now = std::time(nullptr);
    opt.limit = 20;
    opt.suggest = false;  // the keystroke path; "Forse cercavi" runs once, when typing stops
    for (const std::string& q : typed)
        for (size_t len = 2; len <= q.size(); ++len) {
            if ((static_cast<unsigned char>(q[len - 1]) & 0xC0) == 0x80) continue;  // mid code point
            const auto s = Clock::now();
            const SearchResult r = search(db, q.substr(0, len), opt);
            ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - s).count());
            (void)r;
        }
    std::sort(ms.begin(), ms.end());
    f.queries = static_cast<int>(ms.size());
    if (!ms.empty()) {
        f.p50Ms = ms[ms.size() / 2];
        f.p99Ms = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
        f.maxMs = ms.back();
    }
    return f;
}

}  // namespace vt
