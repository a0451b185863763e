#include "core/store/migrations.h"

#include "core/store/database.h"

#include <array>

namespace vt {

namespace {

constexpr std::array kMigrations{
    Migration{1, "meta and albo pretorio", R"SQL(
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE acts (
            id          INTEGER PRIMARY KEY,
            source      TEXT NOT NULL,            -- which feed it came from
            uid         TEXT NOT NULL,            -- "year/number", as the albo numbers it
            year        INTEGER NOT NULL,
            number      TEXT NOT NULL,
            type        TEXT NOT NULL DEFAULT '', -- as the vendor names it
            subject     TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            unit        TEXT NOT NULL DEFAULT '', -- issuing office
            pub_start   TEXT NOT NULL,            -- Europe/Rome calendar day, YYYY-MM-DD
            pub_end     TEXT NOT NULL,            -- inclusive
            link        TEXT NOT NULL DEFAULT '', -- the official act page
            guid        TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL,
            UNIQUE (source, uid)
        );
        CREATE INDEX acts_window ON acts (pub_end, pub_start);
        CREATE TABLE act_attachments (
            act_id   INTEGER NOT NULL REFERENCES acts(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            url      TEXT NOT NULL,
            mime     TEXT NOT NULL DEFAULT '',
            length   INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (act_id, position)
        );
        CREATE TABLE import_issues (
            source   TEXT NOT NULL,
            position INTEGER NOT NULL,
            line     INTEGER NOT NULL,
            item     TEXT NOT NULL,
            reason   TEXT NOT NULL,
            seen_at  TEXT NOT NULL
        );
    )SQL"},
    Migration{2, "content sync: per-source state and the files of the applied manifest", R"SQL(
        CREATE TABLE sync_sources (
            name             TEXT PRIMARY KEY,          -- the [[source]] name in the config
            kind             TEXT NOT NULL,
            url              TEXT NOT NULL,
            etag             TEXT NOT NULL DEFAULT '',  -- of the last response fully applied
            last_modified    TEXT NOT NULL DEFAULT '',
            last_attempt     INTEGER NOT NULL DEFAULT 0,  -- unix seconds
            last_success     INTEGER NOT NULL DEFAULT 0,
            last_change      INTEGER NOT NULL DEFAULT 0,  -- when its content last changed
            last_error       TEXT NOT NULL DEFAULT '',    -- empty when the last attempt succeeded
            failures         INTEGER NOT NULL DEFAULT 0,  -- consecutive
            revision         INTEGER NOT NULL DEFAULT 0,  -- manifest revision applied
            highest_revision INTEGER NOT NULL DEFAULT 0,  -- never accept below (rollback)
            expires          INTEGER NOT NULL DEFAULT 0,
            key_id           TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE content_files (
            source TEXT NOT NULL,
            path   TEXT NOT NULL,
            sha256 TEXT NOT NULL,  -- the object in <data>/objects/
            size   INTEGER NOT NULL,
            kind   TEXT NOT NULL,
            PRIMARY KEY (source, path)
        );
        CREATE INDEX content_files_sha ON content_files (sha256);
    )SQL"},
};

}  // namespace

std::span<const Migration> allMigrations() { return kMigrations; }

int latestSchemaVersion() { return kMigrations.back().version; }

void migrate(Database& db) {
    const int current = db.userVersion();
    if (current > latestSchemaVersion())
        throw StoreError("database " + db.path() + " has schema " + std::to_string(current) +
                         ", newer than this Vetrina knows (" + std::to_string(latestSchemaVersion()) + ")");
    for (const Migration& m : kMigrations) {
        if (m.version <= current) continue;
        Transaction tx(db);
        db.exec(m.sql);
        db.exec("PRAGMA user_version = " + std::to_string(m.version));
        tx.commit();
    }
}

}  // namespace vt
