#include "core/search/search_index.h"

#include <string_view>
#include <vector>

namespace vt {

namespace {

std::string langOf(const std::string& lang) {
    return lang == "en" ? "en" : "it";
}

Statement ftsInsert(Database& db, const std::string& table) {
    return db.prepare("INSERT INTO " + table + "(rowid, title, keywords, body) VALUES(?1, ?2, ?3, ?4)");
}

// External-content FTS5 tables need the old values to delete a row.
Statement ftsDelete(Database& db, const std::string& table) {
    return db.prepare("INSERT INTO " + table + "(" + table +
                      ", rowid, title, keywords, body) VALUES('delete', ?1, ?2, ?3, ?4)");
}

}  // namespace

SearchIndexWriter::SearchIndexWriter(Database& db)
    : m_db(db),
      m_find(db.prepare(
          "SELECT rowid, source, title, keywords, body, body_name, valid_from, valid_to, boost FROM "
          "search_docs WHERE kind = ?1 AND key = ?2 AND lang = ?3")),
      m_findAll(db.prepare(
          "SELECT rowid, lang, title, keywords, body FROM search_docs WHERE kind = ?1 AND key = ?2")),
      m_insertDoc(
          db.prepare("INSERT INTO search_docs(kind, key, lang, source, title, keywords, body, body_name, "
                     "valid_from, valid_to, boost) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")),
      m_deleteDoc(db.prepare("DELETE FROM search_docs WHERE rowid = ?1")),
      m_stemIt(ftsInsert(db, "search_it")),
      m_stemEn(ftsInsert(db, "search_en")),
      m_prefix(ftsInsert(db, "search_prefix")),
      m_titles(db.prepare("INSERT INTO search_titles(rowid, title) VALUES(?1, ?2)")),
      m_unStemIt(ftsDelete(db, "search_it")),
      m_unStemEn(ftsDelete(db, "search_en")),
      m_unPrefix(ftsDelete(db, "search_prefix")),
      m_unTitles(
          db.prepare("INSERT INTO search_titles(search_titles, rowid, title) VALUES('delete', ?1, ?2)")) {}

void SearchIndexWriter::unindex(std::int64_t rowid, const std::string& lang, const std::string& title,
                                const std::string& keywords, const std::string& body) {
    for (Statement* st : {lang == "en" ? &m_unStemEn : &m_unStemIt, &m_unPrefix}) {
        st->bind(1, rowid).bind(2, title).bind(3, keywords).bind(4, body);
        st->run();
    }
    m_unTitles.bind(1, rowid).bind(2, title);
    m_unTitles.run();
    m_deleteDoc.bind(1, rowid);
    m_deleteDoc.run();
}

void SearchIndexWriter::index(const SearchDocument& doc) {
    const std::string lang = langOf(doc.lang);
    m_find.bind(1, doc.kind).bind(2, doc.key).bind(3, lang);
    if (m_find.step()) {
        // Unchanged: no write, no index churn.
        if (m_find.text(1) == doc.source && m_find.text(2) == doc.title && m_find.text(3) == doc.keywords &&
            m_find.text(4) == doc.body && m_find.text(5) == doc.bodyName && m_find.text(6) == doc.validFrom &&
            m_find.text(7) == doc.validTo && m_find.real(8) == doc.boost) {
            m_find.reset();
            return;
        }
        const std::int64_t rowid = m_find.integer(0);
        const std::string title = m_find.text(2), keywords = m_find.text(3), body = m_find.text(4);
        m_find.reset();
        unindex(rowid, lang, title, keywords, body);
    } else {
        m_find.reset();
    }
    m_insertDoc.bind(1, doc.kind).bind(2, doc.key).bind(3, lang).bind(4, doc.source).bind(5, doc.title);
    m_insertDoc.bind(6, doc.keywords).bind(7, doc.body).bind(8, doc.bodyName).bind(9, doc.validFrom);
    m_insertDoc.bind(10, doc.validTo).bind(11, doc.boost);
    m_insertDoc.run();
    const std::int64_t rowid = m_db.lastInsertId();
    for (Statement* st : {lang == "en" ? &m_stemEn : &m_stemIt, &m_prefix}) {
        st->bind(1, rowid).bind(2, doc.title).bind(3, doc.keywords).bind(4, doc.body);
        st->run();
    }
    m_titles.bind(1, rowid).bind(2, doc.title);
    m_titles.run();
}

void SearchIndexWriter::remove(const std::string& kind, const std::string& key, const std::string& lang) {
    struct Old {
        std::int64_t rowid;
        std::string lang, title, keywords, body;
    };
    std::vector<Old> rows;
    m_findAll.bind(1, kind).bind(2, key);
    while (m_findAll.step())
        if (lang.empty() || m_findAll.text(1) == langOf(lang))
            rows.push_back({m_findAll.integer(0), m_findAll.text(1), m_findAll.text(2), m_findAll.text(3),
                            m_findAll.text(4)});
    m_findAll.reset();
    for (const Old& o : rows) unindex(o.rowid, o.lang, o.title, o.keywords, o.body);
}

void indexDocument(Database& db, const SearchDocument& doc) {
    Transaction tx(db);
    SearchIndexWriter(db).index(doc);
    tx.commit();
}

void removeDocument(Database& db, const std::string& kind, const std::string& key, const std::string& lang) {
    Transaction tx(db);
    SearchIndexWriter(db).remove(kind, key, lang);
    tx.commit();
}

void removeSearchSource(Database& db, const std::string& source) {
    Transaction tx(db);
    // Whole sources leave with set-based statements: one pass per table, not one per document.
    for (const char* lang : {"it", "en"}) {
        const std::string table = std::string("search_") + lang;
        db.prepare("INSERT INTO " + table + "(" + table +
                   ", rowid, title, keywords, body) SELECT 'delete', rowid, title, keywords, body "
                   "FROM search_docs WHERE lang = '" +
                   lang + "' AND source = ?1")
            .bind(1, source)
            .run();
    }
    db.prepare(
          "INSERT INTO search_prefix(search_prefix, rowid, title, keywords, body) SELECT 'delete', rowid, "
          "title, keywords, body FROM search_docs WHERE source = ?1")
        .bind(1, source)
        .run();
    db.prepare(
          "INSERT INTO search_titles(search_titles, rowid, title) SELECT 'delete', rowid, title FROM "
          "search_docs WHERE source = ?1")
        .bind(1, source)
        .run();
    db.prepare("DELETE FROM search_docs WHERE source = ?1").bind(1, source).run();
    tx.commit();
}

void reindexActsOfSource(Database& db, const std::string& source) {
    Transaction tx(db);
    SearchIndexWriter writer(db);
    // Acts that left the store leave the index; the others are re-indexed only when changed.
    std::vector<std::string> gone;
    Statement old = db.prepare(
        "SELECT key FROM search_docs WHERE kind = 'act' AND source = ?1 AND key NOT IN (SELECT CAST(id AS "
        "TEXT) "
        "FROM acts WHERE source = ?1)");
    old.bind(1, source);
    while (old.step()) gone.push_back(old.text(0));
    for (const std::string& key : gone) writer.remove("act", key);
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
        writer.index(d);
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
