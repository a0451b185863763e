// The console's own SQLite store: users, sessions, failed log-ins, API tokens and the audit log.
// It is not the kiosk's store (core/store/migrations.cpp): only the Statement wrapper is shared.
#pragma once

#include "core/store/database.h"

#include <sqlite3.h>

#include <mutex>
#include <string>

namespace vt::console {

class ConsoleStore {
public:
    // Opens (creating) the store in WAL mode and applies its migrations.
    static ConsoleStore open(const std::string& path);
    ConsoleStore() = default;
    ~ConsoleStore();
    ConsoleStore(ConsoleStore&& o) noexcept;
    ConsoleStore& operator=(ConsoleStore&& o) noexcept;
    ConsoleStore(const ConsoleStore&) = delete;
    ConsoleStore& operator=(const ConsoleStore&) = delete;

    sqlite3* handle() const { return m_db; }
    Statement prepare(std::string_view sql) const { return Statement(m_db, sql); }
    void exec(std::string_view sql);
    int changes() const { return sqlite3_changes(m_db); }
    std::int64_t lastInsertId() const { return sqlite3_last_insert_rowid(m_db); }
    int schemaVersion() const;
    // The schema this build writes: the number of its migrations.
    static int latestSchema();
    // One request at a time touches the store: the server's threads take this lock per request.
    std::mutex& lock() { return m_lock; }

private:
    sqlite3* m_db = nullptr;
    std::mutex m_lock;
};

// BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless commit() was called: an action
// and its audit entry are written together or not at all.
class StoreTransaction {
public:
    explicit StoreTransaction(ConsoleStore& store) : m_store(store) { m_store.exec("BEGIN IMMEDIATE"); }
    ~StoreTransaction() {
        if (!m_done) sqlite3_exec(m_store.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
    StoreTransaction(const StoreTransaction&) = delete;
    StoreTransaction& operator=(const StoreTransaction&) = delete;
    void commit() {
        m_store.exec("COMMIT");
        m_done = true;
    }

private:
    ConsoleStore& m_store;
    bool m_done = false;
};

// The store's file inside the configured data folder.
std::string storePathIn(const std::string& dataDir);

}  // namespace vt::console
