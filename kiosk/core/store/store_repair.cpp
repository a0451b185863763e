#include "core/store/store_repair.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace vt {

namespace fs = std::filesystem;

namespace {

bool damaged(int rc) {
    return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

}  // namespace

bool storeIsCorrupt(const std::string& dbPath, std::string* why) {
    std::error_code ec;
    if (!fs::exists(dbPath, ec)) return false;
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(dbPath.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    bool corrupt = damaged(rc);
    if (rc == SQLITE_OK) {
        sqlite3_extended_result_codes(db, 1);
        sqlite3_busy_timeout(db, 2000);
        sqlite3_stmt* st = nullptr;
        rc = sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &st, nullptr);
        std::string first;
        if (rc == SQLITE_OK) {
            while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
                const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
                if (first.empty() && text) first = text;
            }
            if (rc == SQLITE_DONE) rc = SQLITE_OK;
        }
        corrupt = damaged(rc) || (rc == SQLITE_OK && first != "ok");
        if (corrupt && why) *why = rc == SQLITE_OK ? first : sqlite3_errmsg(db);
        sqlite3_finalize(st);
    } else if (corrupt && why) {
        *why = sqlite3_errstr(rc);
    }
    sqlite3_close(db);
    return corrupt;
}

std::string quarantineStore(const std::string& dbPath, const std::string& stamp) {
    const std::string target = dbPath + ".corrupt-" + stamp;
    std::error_code ec;
    fs::rename(dbPath, target, ec);
    if (ec) return "";
    // The journal files belong to the damaged store: kept with it, never replayed into a new one.
    for (const char* suffix : {"-wal", "-shm"}) {
        std::error_code e2;
        if (fs::exists(dbPath + suffix, e2)) fs::rename(dbPath + suffix, target + suffix, e2);
    }
    return target;
}

std::vector<std::string> quarantinedStores(const std::string& dbPath) {
    std::vector<std::string> out;
    const fs::path p(dbPath);
    const std::string prefix = p.filename().string() + ".corrupt-";
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(p.parent_path().empty() ? "." : p.parent_path(), ec)) {
        const std::string name = e.path().filename().string();
        const bool journal = name.size() > 4 && (name.compare(name.size() - 4, 4, "-wal") == 0 ||
                                                 name.compare(name.size() - 4, 4, "-shm") == 0);
        if (name.rfind(prefix, 0) == 0 && !journal) out.push_back(e.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace vt
