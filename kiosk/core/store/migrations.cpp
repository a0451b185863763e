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
    Migration{3, "service sheets and the search index", R"SQL(
        CREATE TABLE sheets (
            id           INTEGER PRIMARY KEY,
            sheet_id     TEXT NOT NULL,            -- the staff's id ("carta-identita"), shared by language variants
            lang         TEXT NOT NULL DEFAULT 'it',
            source       TEXT NOT NULL,            -- file or catalogue it came from
            title        TEXT NOT NULL,
            description  TEXT NOT NULL DEFAULT '', -- "Descrizione breve"
            body_id      TEXT NOT NULL DEFAULT '', -- ente erogatore, short id ("comune", "inps")
            body_name    TEXT NOT NULL,
            active       INTEGER NOT NULL DEFAULT 1,
            status_note  TEXT NOT NULL DEFAULT '', -- why it is not active
            online_link  TEXT NOT NULL DEFAULT '',
            office       TEXT NOT NULL DEFAULT '', -- office id (content/offices/<id>.toml)
            keywords     TEXT NOT NULL DEFAULT '', -- one per line
            sections     TEXT NOT NULL DEFAULT '[]', -- JSON: [{title, blocks:[{type, spans:[{text, bold}]}]}]
            fingerprint  TEXT NOT NULL DEFAULT '', -- all of the above, to skip unchanged re-imports
            imported_at  TEXT NOT NULL,
            UNIQUE (sheet_id, lang)
        );
        CREATE INDEX sheets_source ON sheets (source);
        CREATE TABLE sheet_topics (
            sheet  INTEGER NOT NULL REFERENCES sheets(id) ON DELETE CASCADE,
            topic  TEXT NOT NULL,                  -- official Argomento label
            PRIMARY KEY (sheet, topic)
        );
        CREATE INDEX sheet_topics_topic ON sheet_topics (topic);
        CREATE TABLE sheet_life_events (
            sheet  INTEGER NOT NULL REFERENCES sheets(id) ON DELETE CASCADE,
            event  TEXT NOT NULL,                  -- "persone/9", "imprese/1"
            PRIMARY KEY (sheet, event)
        );
        CREATE INDEX sheet_life_events_event ON sheet_life_events (event);

        -- One row per searchable thing of any kind (sheet, act, notice, event, office); the FTS
        -- tables below index it as external content.
        CREATE TABLE search_docs (
            rowid      INTEGER PRIMARY KEY,
            kind       TEXT NOT NULL,
            key        TEXT NOT NULL,               -- the id the kind's screen opens
            lang       TEXT NOT NULL DEFAULT 'it',
            source     TEXT NOT NULL,
            title      TEXT NOT NULL,
            keywords   TEXT NOT NULL DEFAULT '',
            body       TEXT NOT NULL DEFAULT '',
            body_name  TEXT NOT NULL DEFAULT '',    -- who provides it (ente, office)
            valid_from TEXT NOT NULL DEFAULT '',    -- YYYY-MM-DD, '' = always
            valid_to   TEXT NOT NULL DEFAULT '',    -- inclusive, '' = always
            boost      REAL NOT NULL DEFAULT 1,     -- score factor: the town's own content before catalogues
            UNIQUE (kind, key, lang)
        );
        CREATE INDEX search_docs_source ON search_docs (source);
        CREATE VIRTUAL TABLE search_it USING fts5(title, keywords, body, content='search_docs',
            content_rowid='rowid', tokenize='vetrina_stem italian');
        CREATE VIRTUAL TABLE search_en USING fts5(title, keywords, body, content='search_docs',
            content_rowid='rowid', tokenize='vetrina_stem english');
        -- Unstemmed, with prefix indexes: search as you type ("carta ide", "resid").
        CREATE VIRTUAL TABLE search_prefix USING fts5(title, keywords, body, content='search_docs',
            content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
        CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_prefix, 'row');
        -- Titles alone, for search as you type when a prefix is common: their doclists are
        -- short, and prefixes up to four characters are read directly.
        CREATE VIRTUAL TABLE search_titles USING fts5(title, content='search_docs', content_rowid='rowid',
            tokenize='unicode61 remove_diacritics 2', prefix='2 3 4');
        CREATE VIRTUAL TABLE search_titles_vocab USING fts5vocab(search_titles, 'row');
        INSERT INTO search_it(search_it, rank) VALUES('rank', 'bm25(10.0, 4.0, 1.0)');
        INSERT INTO search_en(search_en, rank) VALUES('rank', 'bm25(10.0, 4.0, 1.0)');
        INSERT INTO search_prefix(search_prefix, rank) VALUES('rank', 'bm25(10.0, 4.0, 1.0)');
        CREATE TABLE search_synonyms (
            source TEXT NOT NULL,
            grp    INTEGER NOT NULL,              -- phrases of one group mean the same thing
            phrase TEXT NOT NULL                  -- folded words separated by one space
        );
        CREATE TABLE search_misses (              -- queries that found nothing, for the staff
            query   TEXT PRIMARY KEY,
            count   INTEGER NOT NULL,
            last_at TEXT NOT NULL
        );
    )SQL"},
    Migration{4, "notices, alerts, events, offices", R"SQL(
        -- Rows are keyed by (source, uid); `digest` lets a re-import skip unchanged rows.
        -- Instants are Unix seconds (UTC); wall-clock rules stay as their text (opening_hours syntax).
        CREATE TABLE notices (
            id          INTEGER PRIMARY KEY,
            source      TEXT NOT NULL,
            uid         TEXT NOT NULL,
            digest      TEXT NOT NULL,
            kind        TEXT NOT NULL,            -- notice | news
            priority    INTEGER NOT NULL DEFAULT 0,
            duration    INTEGER NOT NULL DEFAULT 0,
            texts       TEXT NOT NULL,            -- JSON [{lang, title, short, body}], Italian first
            image       TEXT NOT NULL DEFAULT '', -- media.hash
            image_w     INTEGER NOT NULL DEFAULT 0,
            image_h     INTEGER NOT NULL DEFAULT 0,
            valid_from  INTEGER,
            valid_until INTEGER,                  -- exclusive
            show        TEXT NOT NULL DEFAULT '', -- dayparting, opening_hours syntax
            link        TEXT NOT NULL DEFAULT '',
            published   INTEGER,
            imported_at TEXT NOT NULL,
            UNIQUE (source, uid)
        );
        CREATE TABLE media (
            hash   TEXT PRIMARY KEY,              -- SHA-256 of the PNG
            source TEXT NOT NULL,
            width  INTEGER NOT NULL,
            height INTEGER NOT NULL,
            png    BLOB NOT NULL
        );
        CREATE TABLE alerts (
            id          INTEGER PRIMARY KEY,
            source      TEXT NOT NULL,
            uid         TEXT NOT NULL,            -- "sender,identifier"
            digest      TEXT NOT NULL,
            sender      TEXT NOT NULL,
            identifier  TEXT NOT NULL,
            sent        INTEGER NOT NULL,
            status      TEXT NOT NULL,
            msg_type    TEXT NOT NULL,
            alert       TEXT NOT NULL,            -- the parsed alert as JSON (infos, areas, resources)
            ends        INTEGER NOT NULL,         -- latest expiry of its info blocks (pruning)
            imported_at TEXT NOT NULL,
            UNIQUE (source, uid)
        );
        -- "sender,identifier" of every message an Update or Cancel replaces: such alerts are never
        -- shown, whatever order the messages arrived in. Kept when old alerts are pruned, so a
        -- replaced alert cannot come back.
        CREATE TABLE alert_refs (
            source    TEXT NOT NULL,
            alert_uid TEXT NOT NULL,              -- the Update or Cancel
            ref_uid   TEXT NOT NULL
        );
        CREATE INDEX alert_refs_uid ON alert_refs (ref_uid);
        -- Audit: when each alert first appeared on this screen. Not cleared with its source.
        CREATE TABLE alert_log (
            alert_uid  TEXT NOT NULL,
            source     TEXT NOT NULL,
            sent       INTEGER NOT NULL,
            shown_at   TEXT NOT NULL,
            PRIMARY KEY (alert_uid, sent)
        );
        CREATE TABLE alert_templates (
            source TEXT NOT NULL,
            uid    TEXT NOT NULL,                 -- template id (file name)
            digest TEXT NOT NULL,
            xml    TEXT NOT NULL,
            UNIQUE (source, uid)
        );
        CREATE TABLE events (
            id          INTEGER PRIMARY KEY,
            source      TEXT NOT NULL,
            uid         TEXT NOT NULL,            -- UID, plus "#RECURRENCE-ID" for a moved occurrence
            digest      TEXT NOT NULL,
            summary     TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            location    TEXT NOT NULL DEFAULT '',
            url         TEXT NOT NULL DEFAULT '',
            first_start INTEGER NOT NULL,
            last_end    INTEGER,                  -- NULL: recurs without end
            ical        TEXT NOT NULL,            -- VCALENDAR with this VEVENT and its VTIMEZONEs
            imported_at TEXT NOT NULL,
            UNIQUE (source, uid)
        );
        CREATE TABLE offices (
            id          INTEGER PRIMARY KEY,
            source      TEXT NOT NULL,
            uid         TEXT NOT NULL,            -- office id, e.g. "anagrafe"
            digest      TEXT NOT NULL,
            name        TEXT NOT NULL,
            address     TEXT NOT NULL DEFAULT '',
            phone       TEXT NOT NULL DEFAULT '',
            email       TEXT NOT NULL DEFAULT '',
            web         TEXT NOT NULL DEFAULT '',
            notes       TEXT NOT NULL DEFAULT '',
            hours       TEXT NOT NULL DEFAULT '', -- opening_hours syntax
            imported_at TEXT NOT NULL,
            UNIQUE (source, uid)
        );
    )SQL"},
    Migration{5, "albo: annulments, rectifications, AgID types, cached attachment files", R"SQL(
        ALTER TABLE acts ADD COLUMN annulled INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE acts ADD COLUMN annulled_on TEXT NOT NULL DEFAULT '';   -- YYYY-MM-DD or ''
        ALTER TABLE acts ADD COLUMN annul_reason TEXT NOT NULL DEFAULT '';
        -- The act a rectification corrects, as its subject or the vendor names it; resolved
        -- to a cached act's id when read (the corrected act may arrive later or from elsewhere).
        ALTER TABLE acts ADD COLUMN rectifies_year INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE acts ADD COLUMN rectifies_number TEXT NOT NULL DEFAULT '';
        ALTER TABLE acts ADD COLUMN agid_code TEXT NOT NULL DEFAULT 'D';
        ALTER TABLE acts ADD COLUMN category TEXT NOT NULL DEFAULT 'Altro';  -- the screen's chip
        CREATE INDEX acts_year_number ON acts (year, ltrim(number, '0'));
        -- Attachment files the kiosk cached for an act: deleted with it when it is purged.
        CREATE TABLE act_files (
            act_id INTEGER NOT NULL REFERENCES acts(id) ON DELETE CASCADE,
            path   TEXT NOT NULL,
            PRIMARY KEY (act_id, path)
        );
    )SQL"},
    Migration{6, "anonymous feedback counts", R"SQL(
        -- "Hai trovato quello che cercavi?": counts only, per item and answer (1 no, 2 partly, 3 yes).
        CREATE TABLE feedback (
            kind  TEXT NOT NULL,    -- act | sheet
            item  TEXT NOT NULL,    -- the act's uid or the sheet's id
            face  INTEGER NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (kind, item, face)
        );
    )SQL"},
    Migration{7, "albo attachments downloaded by the sync", R"SQL(
        -- One row per attachment URL the sync tried (core/sync/attachment_fetch.h): the cached
        -- copy, or why it failed and when to try again. Rows go when no act lists the URL.
        CREATE TABLE attachment_downloads (
            url        TEXT PRIMARY KEY,
            path       TEXT NOT NULL DEFAULT '',  -- <data>/attachments/<sha256>.pdf, '' while none
            bytes      INTEGER NOT NULL DEFAULT 0,
            fetched_at INTEGER NOT NULL DEFAULT 0,
            failures   INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NOT NULL DEFAULT '',
            retry_at   INTEGER NOT NULL DEFAULT 0  -- a failed URL waits until then
        );
        CREATE INDEX act_files_path ON act_files (path);
    )SQL"},
    Migration{8, "fleet status reports waiting to be sent", R"SQL(
        -- Reports built while the receiver was unreachable, sent oldest first when it answers;
        -- bounded (fleet.queue_max), the oldest dropped.
        CREATE TABLE fleet_queue (
            id         INTEGER PRIMARY KEY AUTOINCREMENT,
            created_at INTEGER NOT NULL,
            body       TEXT NOT NULL            -- the JSON report
        );
    )SQL"},
};

}  // namespace

std::span<const Migration> allMigrations() {
    return kMigrations;
}

int latestSchemaVersion() {
    return kMigrations.back().version;
}

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
