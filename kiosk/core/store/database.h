// A thin RAII layer over SQLite: one connection, prepared statements, transactions.
// The kiosk opens one writer connection (the sync/import side) and one reader (the UI); WAL mode
// means the reader is never blocked by the writer.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace vt {

class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Statement {
public:
    Statement() = default;
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&& o) noexcept;
    Statement& operator=(Statement&& o) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bindNull(int index);
    Statement& bindBlob(int index, const void* data, size_t size);

    // Returns true while there is a row; throws StoreError on failure.
    bool step();
    // Runs a statement that returns no rows.
    void run();
    void reset();

    std::string text(int col) const;
    std::int64_t integer(int col) const;
    double real(int col) const;
    bool isNull(int col) const;
    sqlite3_stmt* handle() const { return m_stmt; }

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
};

enum class OpenMode { ReadWrite, ReadOnly };

class Database {
public:
    // Opens (creating when ReadWrite) the database, sets WAL and runs pending migrations.
    static Database open(const std::string& path, OpenMode mode = OpenMode::ReadWrite);
    Database() = default;
    ~Database();
    Database(Database&& o) noexcept;
    Database& operator=(Database&& o) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    sqlite3* handle() const { return m_db; }
    const std::string& path() const { return m_path; }
    void exec(std::string_view sql);
    Statement prepare(std::string_view sql) const { return Statement(m_db, sql); }
    int userVersion() const;
    std::int64_t lastInsertId() const { return sqlite3_last_insert_rowid(m_db); }
    int changes() const { return sqlite3_changes(m_db); }

    // Small key/value table for store-wide facts (town name, last import...).
    std::optional<std::string> meta(std::string_view key) const;
    void setMeta(std::string_view key, std::string_view value);

private:
    sqlite3* m_db = nullptr;
    std::string m_path;
};

// BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless commit() was called.
// Inside an open transaction it becomes a SAVEPOINT, so importers that each use a Transaction
// can be composed into one atomic apply (the sync engine applies a whole revision at once).
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& m_db;
    bool m_nested = false;
    bool m_done = false;
};

}  // namespace vt
