// Synonyms and abbreviations applied at query time, so the list can change without rebuilding
// the index. File format (content/synonyms.txt), UTF-8, one group per line:
//
//   # comment
//   cie = carta d'identità elettronica = carta di identità
//   trasloco = cambio di residenza = ho cambiato casa
//
// Phrases of a group are separated by "=" (or ","); they all mean the same thing. Case and
// accents do not matter. A query containing any phrase also searches for all the others.
#pragma once

#include "core/model/import_report.h"
#include "core/store/database.h"

#include <string>
#include <string_view>
#include <vector>

namespace vt {

// A group of equivalent phrases, each already split into index tokens.
using SynonymGroup = std::vector<std::vector<std::string>>;

struct SynonymList {
    std::vector<SynonymGroup> groups;
    ImportReport report;
};

// Needs the connection for the tokenizer (phrases are tokenized like documents).
SynonymList parseSynonyms(sqlite3* db, std::string_view text, const std::string& sourceName);
// Replaces the synonyms of `source` in the store.
void storeSynonyms(Database& db, const SynonymList& list, const std::string& source);
std::vector<SynonymGroup> loadSynonyms(const Database& db);

}  // namespace vt
