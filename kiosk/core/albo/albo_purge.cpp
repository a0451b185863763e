#include "core/albo/albo_purge.h"

#include <filesystem>
#include <set>
#include <system_error>

namespace vt {

void recordCachedFile(Database& db, std::int64_t actId, const std::string& path) {
    db.prepare("INSERT OR IGNORE INTO act_files (act_id, path) VALUES (?1, ?2)")
        .bind(1, actId)
        .bind(2, path)
        .run();
}

std::vector<std::string> cachedFiles(const Database& db, std::int64_t actId) {
    Statement st = db.prepare("SELECT path FROM act_files WHERE act_id = ?1 ORDER BY path");
    st.bind(1, actId);
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.text(0));
    return out;
}

UnixSeconds purgeDeadline(CivilDate pubEnd) {
    // The window ends at 24:00 of the last day, i.e. 00:00 of the next (a 23- or 25-hour day on
    // DST changes is handled by romeStartOfDay).
    return romeStartOfDay(addDays(pubEnd, 1)) + 24 * 3600;
}

PurgeResult purgeExpiredActs(Database& db, UnixSeconds now) {
    PurgeResult result;
    // Candidates by date in SQL (indexed), the exact instant in C++.
    const std::string cutoff = formatDate(addDays(romeDate(now), -1));
    std::vector<std::int64_t> ids;
    std::set<std::string> sources;
    {
        Statement st = db.prepare("SELECT id, pub_end, source FROM acts WHERE pub_end <= ?1");
        st.bind(1, cutoff);
        while (st.step()) {
            const auto end = parseIsoDate(st.text(1));
            if (!end || purgeDeadline(*end) <= now) {
                ids.push_back(st.integer(0));
                sources.insert(st.text(2));
            }
        }
    }
    if (ids.empty()) return result;
    std::vector<std::string> files;
    {
        Transaction tx(db);
        Statement listFiles = db.prepare("SELECT path FROM act_files WHERE act_id = ?1");
        Statement del = db.prepare("DELETE FROM acts WHERE id = ?1");  // attachments and files cascade
        for (const std::int64_t id : ids) {
            listFiles.bind(1, id);
            while (listFiles.step()) files.push_back(listFiles.text(0));
            listFiles.reset();
            del.bind(1, id).run();
            ++result.acts;
        }
        // Remembered per source, so that acts purged by a clock later found wrong come back.
        Statement mark = db.prepare(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = "
            "max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))");
        for (const std::string& source : sources) {
            mark.reset();
            mark.bind(1, kPurgedUntilKey + source).bind(2, std::to_string(now)).run();
        }
        tx.commit();
    }
    // A downloaded file is shared by the acts that list the same URL (the same act from two
    // listings): it goes with the last of them.
    Statement stillListed = db.prepare("SELECT 1 FROM act_files WHERE path = ?1");
    for (const std::string& f : files) {
        stillListed.bind(1, f);
        const bool shared = stillListed.step();
        stillListed.reset();
        if (shared) continue;
        std::error_code ec;
        if (std::filesystem::remove(f, ec))
            result.files.push_back(f);
        else if (ec)
            result.fileErrors.push_back(f + ": " + ec.message());
    }
    return result;
}

}  // namespace vt
