#include "core/search/search_index.h"

#include <string_view>

namespace vt {

namespace {

// External-content FTS5 tables need the old values to delete a row; each document lives in its
// language's stemmed table and in the shared prefix table.
void unindexWhere(Database& db, std::string_view where, const std::string& a, const std::string& b = {}) {
    for (const char* lang : {"it", "en"}) {
        const std::string table = std::string("search_") + lang;
        Statement st = db.prepare("INSERT INTO " + table + "(" + table +
                                  ", rowid, title, keywords, body) SELECT 'delete', rowid, title, keywords, body "
                                  "FROM search_docs WHERE lang = '" + lang + "' AND " + std::string(where));
        st.bind(1, a);
        if (!b.empty()) st.bind(2, b);
        st.run();
    }
    Statement st = db.prepare(
        "INSERT INTO search_prefix(search_prefix, rowid, title, keywords, body) SELECT 'delete', rowid, title, "
        "keywords, body FROM search_docs WHERE " + std::string(where));
    st.bind(1, a);
    if (!b.empty()) st.bind(2, b);
    st.run();
    Statement titles = db.prepare(
        "INSERT INTO search_titles(search_titles, rowid, title) SELECT 'delete', rowid, title FROM search_docs WHERE " +
        std::string(where));
    titles.bind(1, a);
    if (!b.empty()) titles.bind(2, b);
    titles.run();
    Statement del = db.prepare("DELETE FROM search_docs WHERE " + std::string(where));
    del.bind(1, a);
    if (!b.empty()) del.bind(2, b);
    del.run();
}

}  // namespace

void indexDocument(Database& db, const SearchDocument& doc) {
    Transaction tx(db);
    const std::string lang = doc.lang == "en" ? "en" : "it";
    {
        Statement st = db.prepare(
            "SELECT rowid FROM search_docs WHERE kind = ?1 AND key = ?2 AND lang = ?3 AND source = ?4 AND title = ?5 "
            "AND keywords = ?6 AND body = ?7 AND body_name = ?8 AND valid_from = ?9 AND valid_to = ?10 AND boost = ?11");
        st.bind(1, doc.kind).bind(2, doc.key).bind(3, lang).bind(4, doc.source).bind(5, doc.title);
        st.bind(6, doc.keywords).bind(7, doc.body).bind(8, doc.bodyName).bind(9, doc.validFrom).bind(10, doc.validTo);
        st.bind(11, doc.boost);
        if (st.step()) return;  // unchanged: no write, no index churn
    }
    {
        Statement st = db.prepare("SELECT rowid FROM search_docs WHERE kind = ?1 AND key = ?2 AND lang = ?3");
        st.bind(1, doc.kind).bind(2, doc.key).bind(3, lang);
        if (st.step()) unindexWhere(db, "rowid = ?1", std::to_string(st.integer(0)));
    }
    db.prepare("INSERT INTO search_docs(kind, key, lang, source, title, keywords, body, body_name, valid_from, valid_to, boost) "
               "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
        .bind(1, doc.kind).bind(2, doc.key).bind(3, lang).bind(4, doc.source).bind(5, doc.title)
        .bind(6, doc.keywords).bind(7, doc.body).bind(8, doc.bodyName).bind(9, doc.validFrom).bind(10, doc.validTo)
        .bind(11, doc.boost)
        .run();
    const std::int64_t rowid = db.lastInsertId();
    for (const std::string& table : {"search_" + lang, std::string("search_prefix")})
        db.prepare("INSERT INTO " + table + "(rowid, title, keywords, body) VALUES(?1, ?2, ?3, ?4)")
            .bind(1, rowid).bind(2, doc.title).bind(3, doc.keywords).bind(4, doc.body)
            .run();
    db.prepare("INSERT INTO search_titles(rowid, title) VALUES(?1, ?2)").bind(1, rowid).bind(2, doc.title).run();
    tx.commit();
}

void removeDocument(Database& db, const std::string& kind, const std::string& key, const std::string& lang) {
    Transaction tx(db);
    if (lang.empty())
        unindexWhere(db, "kind = ?1 AND key = ?2", kind, key);
    else
        unindexWhere(db, "kind = ?1 AND key = ?2 AND lang = '" + std::string(lang == "en" ? "en" : "it") + "'", kind, key);
    tx.commit();
}

void removeSearchSource(Database& db, const std::string& source) {
    Transaction tx(db);
    unindexWhere(db, "source = ?1", source);
    tx.commit();
}

void reindexActsOfSource(Database& db, const std::string& source) {
    Transaction tx(db);
    // Acts that left the store leave the index; the others are re-indexed only when changed.
    unindexWhere(db, "kind = 'act' AND source = ?1 AND key NOT IN (SELECT CAST(id AS TEXT) FROM acts WHERE source = ?1)",
                 source);
    Statement st = db.prepare(
        "SELECT id, subject, type, description, unit, pub_start, pub_end, uid FROM acts WHERE source = ?1");
    st.bind(1, source);
    while (st.step()) {
        SearchDocument d;
        d.kind = "act";
        d.key = std::to_string(st.integer(0));
        d.source = source;
        d.title = st.text(1);
        d.keywords = st.text(2) + "\n" + st.text(7);
        d.body = st.text(3);
        d.bodyName = st.text(4);
        d.validFrom = st.text(5);
        d.validTo = st.text(6);
        indexDocument(db, d);
    }
    tx.commit();
}

void optimizeSearchIndex(Database& db) {
    for (const char* t : {"search_it", "search_en", "search_prefix", "search_titles"})
        db.exec(std::string("INSERT INTO ") + t + "(" + t + ") VALUES('optimize')");
}

int countSearchDocuments(const Database& db) {
    Statement st = db.prepare("SELECT count(*) FROM search_docs");
    return st.step() ? static_cast<int>(st.integer(0)) : 0;
}

}  // namespace vt
