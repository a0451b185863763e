#include "console_store.h"

#include <utility>

namespace vt::console {

namespace {

// Each entry moves the schema one version up, in its own transaction (PRAGMA user_version).
const char* const kMigrations[] = {
    // 1: accounts, sessions, throttling, API tokens and the append-only audit log.
    "CREATE TABLE users("
    " id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL UNIQUE,"
    " role TEXT NOT NULL CHECK (role IN ('editor','publisher','admin')),"
    " body TEXT NOT NULL DEFAULT '',"
    " password_hash TEXT NOT NULL,"
    " failed_logins INTEGER NOT NULL DEFAULT 0,"
    " locked_until INTEGER NOT NULL DEFAULT 0,"
    " created_at INTEGER NOT NULL);"
    "CREATE TABLE sessions("
    " id_hash TEXT PRIMARY KEY,"
    " user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,"
    " csrf TEXT NOT NULL,"
    " created_at INTEGER NOT NULL,"
    " last_seen INTEGER NOT NULL);"
    "CREATE TABLE login_failures("
    " id INTEGER PRIMARY KEY,"
    " address TEXT NOT NULL,"
    " at INTEGER NOT NULL);"
    "CREATE INDEX login_failures_by_address ON login_failures(address, at);"
    "CREATE TABLE api_tokens("
    " id INTEGER PRIMARY KEY,"
    " user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
    " token_hash TEXT NOT NULL UNIQUE,"
    " created_at INTEGER NOT NULL);"
    "CREATE TABLE audit("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " at INTEGER NOT NULL,"
    " actor TEXT NOT NULL,"
    " action TEXT NOT NULL,"
    " target TEXT NOT NULL DEFAULT '',"
    " detail TEXT NOT NULL DEFAULT '',"
    " address TEXT NOT NULL DEFAULT '',"
    " revision INTEGER,"
    " hash_before TEXT,"
    " hash_after TEXT);"
    // Append-only in the store itself, whatever code runs against it.
    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
    " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
    " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;",
    // 2: the published revisions, each with the manifest it signed (diff and restore read them).
    // draft_id and restored_from are NULL when not from a draft / not a restore; actor is '' for
    // a revision found in out_dir that was published by hand.
    "CREATE TABLE revisions("
    " number INTEGER PRIMARY KEY,"
    " published_at INTEGER NOT NULL,"
    " actor TEXT NOT NULL,"
    " reason TEXT NOT NULL DEFAULT '',"
    " draft_id INTEGER,"
    " restored_from INTEGER,"
    " files_changed INTEGER NOT NULL DEFAULT 0,"
    " manifest TEXT NOT NULL,"
    " manifest_sha256 TEXT NOT NULL);",
    // 3: drafts of notices and events, from an editor's first save to the revision that published them.
    "CREATE TABLE drafts("
    " id INTEGER PRIMARY KEY,"
    " kind TEXT NOT NULL,"
    " content_id TEXT NOT NULL,"
    " fields TEXT NOT NULL,"
    " image BLOB,"
    " image_ext TEXT,"
    " state TEXT NOT NULL CHECK (state IN ('draft','submitted','published','discarded')),"
    " author TEXT NOT NULL,"
    " submitted_by TEXT,"
    " approved_by TEXT,"
    " created_at INTEGER NOT NULL,"
    " updated_at INTEGER NOT NULL,"
    " submitted_at INTEGER NOT NULL DEFAULT 0,"
    " approved_at INTEGER NOT NULL DEFAULT 0,"
    " revision INTEGER NOT NULL DEFAULT 0,"
    " return_note TEXT,"
    " replaces INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX drafts_by_file ON drafts(kind, content_id, state);",
};

}  // namespace

ConsoleStore ConsoleStore::open(const std::string& path) {
    ConsoleStore s;
    const int rc =
        sqlite3_open_v2(path.c_str(), &s.m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = "cannot open the console store ";
        msg += path;
        msg += ": ";
        msg += s.m_db ? sqlite3_errmsg(s.m_db) : sqlite3_errstr(rc);
        throw StoreError(msg);
    }
    sqlite3_busy_timeout(s.m_db, 5000);
    s.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
    const int have = s.schemaVersion();
    const int known = static_cast<int>(std::size(kMigrations));
    if (have > known)
        throw StoreError(path + ": written by a newer vetrina-console (schema " + std::to_string(have) +
                         "), refused rather than damaged");
    for (int v = have; v < known; ++v) {
        s.exec("BEGIN IMMEDIATE");
        try {
            s.exec(kMigrations[v]);
            s.exec("PRAGMA user_version=" + std::to_string(v + 1));
            s.exec("COMMIT");
        } catch (...) {
            sqlite3_exec(s.m_db, "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    }
    return s;
}

ConsoleStore::~ConsoleStore() {
    if (m_db) sqlite3_close_v2(m_db);
}

ConsoleStore::ConsoleStore(ConsoleStore&& o) noexcept : m_db(std::exchange(o.m_db, nullptr)) {}

ConsoleStore& ConsoleStore::operator=(ConsoleStore&& o) noexcept {
    if (this != &o) {
        if (m_db) sqlite3_close_v2(m_db);
        m_db = std::exchange(o.m_db, nullptr);
    }
    return *this;
}

void ConsoleStore::exec(std::string_view sql) {
    char* err = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : "unknown error";
        sqlite3_free(err);
        throw StoreError("console store: " + msg);
    }
}

int ConsoleStore::schemaVersion() const {
    Statement st(m_db, "PRAGMA user_version");
    return st.step() ? static_cast<int>(st.integer(0)) : 0;
}

int ConsoleStore::latestSchema() {
    return static_cast<int>(std::size(kMigrations));
}

std::string storePathIn(const std::string& dataDir) {
    return dataDir + "/console.db";
}

}  // namespace vt::console
