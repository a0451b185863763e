#include "core/store/database.h"

#include "core/search/fts_tokenizer.h"
#include "core/store/migrations.h"

#include <cstdio>
#include <utility>

namespace vt {

namespace {
[[noreturn]] void fail(sqlite3* db, std::string_view what) {
    throw StoreError(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}
}  // namespace

Statement::Statement(sqlite3* db, std::string_view sql) : m_db(db) {
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr) != SQLITE_OK)
        fail(db, "SQL prepare failed (" + std::string(sql.substr(0, 60)) + ")");
}

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& o) noexcept
    : m_db(std::exchange(o.m_db, nullptr)), m_stmt(std::exchange(o.m_stmt, nullptr)) {}

Statement& Statement::operator=(Statement&& o) noexcept {
    if (this != &o) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(o.m_db, nullptr);
        m_stmt = std::exchange(o.m_stmt, nullptr);
    }
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    if (sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) !=
        SQLITE_OK)
        fail(m_db, "SQL bind failed");
    return *this;
}
Statement& Statement::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(m_stmt, index, value) != SQLITE_OK) fail(m_db, "SQL bind failed");
    return *this;
}
Statement& Statement::bind(int index, double value) {
    if (sqlite3_bind_double(m_stmt, index, value) != SQLITE_OK) fail(m_db, "SQL bind failed");
    return *this;
}
Statement& Statement::bindNull(int index) {
    if (sqlite3_bind_null(m_stmt, index) != SQLITE_OK) fail(m_db, "SQL bind failed");
    return *this;
}
Statement& Statement::bindBlob(int index, const void* data, size_t size) {
    if (sqlite3_bind_blob(m_stmt, index, data, static_cast<int>(size), SQLITE_TRANSIENT) != SQLITE_OK)
        fail(m_db, "SQL bind failed");
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(m_db, "SQL step failed");
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::string Statement::text(int col) const {
    const auto* p = sqlite3_column_text(m_stmt, col);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<size_t>(sqlite3_column_bytes(m_stmt, col)))
             : std::string();
}
std::int64_t Statement::integer(int col) const {
    return sqlite3_column_int64(m_stmt, col);
}
double Statement::real(int col) const {
    return sqlite3_column_double(m_stmt, col);
}
bool Statement::isNull(int col) const {
    return sqlite3_column_type(m_stmt, col) == SQLITE_NULL;
}

Database Database::open(const std::string& path, OpenMode mode) {
    Database d;
    d.m_path = path;
    const int flags =
        mode == OpenMode::ReadOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (sqlite3_open_v2(path.c_str(), &d.m_db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        std::string msg = d.m_db ? sqlite3_errmsg(d.m_db) : "out of memory";
        throw StoreError("cannot open database " + path + ": " + msg);
    }
    sqlite3_busy_timeout(d.m_db, 5000);
    sqlite3_extended_result_codes(d.m_db, 1);
    // The search index's tokenizers live in the app: every connection needs them before any
    // FTS5 table (including the one created by a migration) is touched.
    registerSearchTokenizers(d.m_db);
    if (mode == OpenMode::ReadWrite) {
        d.exec("PRAGMA journal_mode=WAL");
        // FULL: the rollback-protection state and the applied revision must survive a power cut.
        d.exec("PRAGMA synchronous=FULL");
        d.exec("PRAGMA foreign_keys=ON");
        migrate(d);
    } else {
        d.exec("PRAGMA foreign_keys=ON");
        int version = 0;
        try {
            version = d.userVersion();
        } catch (const StoreError&) {
            // A store in WAL mode, closed cleanly (no -wal, no -shm), on a folder that cannot be
            // written (a read-only mount): SQLite cannot make the files a reader needs. Nobody can
            // write there either, so the file is read as it is (immutable: no locks, no WAL).
            if ((sqlite3_errcode(d.m_db) & 0xff) != SQLITE_CANTOPEN) throw;
            sqlite3_close_v2(std::exchange(d.m_db, nullptr));
            std::string uri = "file:";
            for (const char c : path) {
                if (c == '%' || c == '?' || c == '#') {
                    char hex[4];
                    std::snprintf(hex, sizeof hex, "%%%02X", static_cast<unsigned char>(c));
                    uri += hex;
                } else {
                    uri += c;
                }
            }
            uri += "?immutable=1";
            if (sqlite3_open_v2(uri.c_str(), &d.m_db,
                                SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
                                nullptr) != SQLITE_OK) {
                std::string msg = d.m_db ? sqlite3_errmsg(d.m_db) : "out of memory";
                throw StoreError("cannot open database " + path + " read-only: " + msg);
            }
            sqlite3_extended_result_codes(d.m_db, 1);
            registerSearchTokenizers(d.m_db);
            d.exec("PRAGMA foreign_keys=ON");
            version = d.userVersion();
        }
        if (version > latestSchemaVersion())
            throw StoreError("database " + path + " was written by a newer Vetrina (schema " +
                             std::to_string(version) + ")");
    }
    return d;
}

Database::~Database() {
    sqlite3_close_v2(m_db);
}

Database::Database(Database&& o) noexcept
    : m_db(std::exchange(o.m_db, nullptr)), m_path(std::move(o.m_path)) {}

Database& Database::operator=(Database&& o) noexcept {
    if (this != &o) {
        sqlite3_close_v2(m_db);
        m_db = std::exchange(o.m_db, nullptr);
        m_path = std::move(o.m_path);
    }
    return *this;
}

void Database::exec(std::string_view sql) {
    char* err = nullptr;
    const std::string s(sql);
    if (sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errmsg(m_db);
        sqlite3_free(err);
        throw StoreError("SQL failed (" + s.substr(0, 60) + "): " + msg);
    }
}

int Database::userVersion() const {
    Statement st(m_db, "PRAGMA user_version");
    return st.step() ? static_cast<int>(st.integer(0)) : 0;
}

std::optional<std::string> Database::meta(std::string_view key) const {
    Statement st(m_db, "SELECT value FROM meta WHERE key = ?1");
    st.bind(1, key);
    if (st.step()) return st.text(0);
    return std::nullopt;
}

void Database::setMeta(std::string_view key, std::string_view value) {
    Statement st(m_db,
                 "INSERT INTO meta(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2");
    st.bind(1, key).bind(2, value).run();
}

Transaction::Transaction(Database& db) : m_db(db) {
    m_nested = sqlite3_get_autocommit(db.handle()) == 0;
    m_db.exec(m_nested ? "SAVEPOINT vt_nested" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (m_done) return;
    try {
        if (m_nested) {
            m_db.exec("ROLLBACK TO vt_nested");
            m_db.exec("RELEASE vt_nested");
        } else {
            m_db.exec("ROLLBACK");
        }
    } catch (...) {
    }
}

void Transaction::commit() {
    m_db.exec(m_nested ? "RELEASE vt_nested" : "COMMIT");
    m_done = true;
}

}  // namespace vt
