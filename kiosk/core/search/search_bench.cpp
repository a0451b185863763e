#include "core/search/search_bench.h"

#include "core/search/search.h"
#include "core/system/board_clock.h"

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
        SearchIndexWriter writer(db);
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
            writer.index(d);
        }
        optimizeSearchIndex(db);
        tx.commit();
    }
    f.buildSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
    f.documents = countSearchDocuments(db);
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    f.databaseBytes = static_cast<std::int64_t>(std::filesystem::file_size(db.path()));

    std::vector<double> ms;
    std::vector<std::pair<std::string, double>> timed;
    SearchOptions opt;
    opt.now = boardNow();
    opt.limit = 20;
    opt.suggest = false;  // the keystroke path; "Forse cercavi" runs once, when typing stops
    opt.asYouType = true;
    for (const std::string& q : typed)
        for (size_t len = 2; len <= q.size(); ++len) {
            if ((static_cast<unsigned char>(q[len - 1]) & 0xC0) == 0x80) continue;  // mid code point
            const auto s = Clock::now();
            const SearchResult r = search(db, q.substr(0, len), opt);
            ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - s).count());
            timed.emplace_back(q.substr(0, len), ms.back());
            (void)r;
        }
    std::sort(timed.begin(), timed.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    timed.resize(std::min<size_t>(timed.size(), 8));
    f.slowest = std::move(timed);
    auto percentiles = [](std::vector<double>& v, double& p50, double& p99, double& max) {
        std::sort(v.begin(), v.end());
        if (v.empty()) return;
        p50 = v[v.size() / 2];
        p99 = v[std::min(v.size() - 1, v.size() * 99 / 100)];
        max = v.back();
    };
    f.queries = static_cast<int>(ms.size());
    percentiles(ms, f.p50Ms, f.p99Ms, f.maxMs);
    // The whole query, once typing stops (stemmed index, synonyms).
    std::vector<double> full;
    opt.asYouType = false;
    opt.suggest = true;
    for (int round = 0; round < 5; ++round)
        for (const std::string& q : typed) {
            const auto s = Clock::now();
            const SearchResult r = search(db, q, opt);
            full.push_back(std::chrono::duration<double, std::milli>(Clock::now() - s).count());
            (void)r;
        }
    f.fullQueries = static_cast<int>(full.size());
    percentiles(full, f.fullP50Ms, f.fullP99Ms, f.fullMaxMs);
    return f;
}

}  // namespace vt
