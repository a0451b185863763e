// The one search index shared by every kind of content (sheets, albo acts, notices, events,
// offices). Each kind's importer keeps it in step with its own tables with one call per item,
// inside the importer's transaction, so the kiosk and `vetrina search` always agree.
#pragma once

#include "core/store/database.h"

#include <cstdint>
#include <string>

namespace vt {

struct SearchDocument {
    std::string kind;         // "sheet", "act", "notice", "event", "office"
    std::string key;          // what the kind's detail screen opens (sheet id, act row id...)
    std::string lang = "it";  // "it" or "en": picks the stemmer
    std::string source;       // the file or feed it came from, for removeSearchSource
    std::string title;
    std::string keywords;  // weighted between title and body
    std::string body;
    std::string bodyName;   // who provides it, shown under the title
    std::string validFrom;  // YYYY-MM-DD, "" = always (albo acts, notices and events expire)
    std::string validTo;    // inclusive
    double boost = 1.0;     // > 1 ranks it higher: the town's own sheets before national catalogues
};

// Indexes many documents with one set of prepared statements (preparing them for each document
// cost as much as indexing it). Use inside the caller's transaction; one writer per import.
class SearchIndexWriter {
public:
    explicit SearchIndexWriter(Database& db);
    // Adds or replaces the document (kind, key, lang); an unchanged document is not rewritten.
    void index(const SearchDocument& doc);
    // Removes (kind, key) in `lang`, or in every language when `lang` is empty.
    void remove(const std::string& kind, const std::string& key, const std::string& lang = {});

private:
    void unindex(std::int64_t rowid, const std::string& lang, const std::string& title,
                 const std::string& keywords, const std::string& body);

    Database& m_db;
    Statement m_find, m_findAll, m_insertDoc, m_deleteDoc;
    Statement m_stemIt, m_stemEn, m_prefix, m_titles;
    Statement m_unStemIt, m_unStemEn, m_unPrefix, m_unTitles;
};

// Adds or replaces the document (kind, key, lang).
void indexDocument(Database& db, const SearchDocument& doc);
// Removes (kind, key) in `lang`, or in every language when `lang` is empty.
void removeDocument(Database& db, const std::string& kind, const std::string& key,
                    const std::string& lang = {});
// Removes everything `source` contributed to the index.
void removeSearchSource(Database& db, const std::string& source);
// Re-indexes the albo acts of one feed from the `acts` table.
void reindexActsOfSource(Database& db, const std::string& source);
// Merges index segments after a bulk import.
void optimizeSearchIndex(Database& db);
int countSearchDocuments(const Database& db);

}  // namespace vt
