// Hostile search queries against a small in-memory index built once: search() and the
// as-you-type path must never throw or crash, whatever the bytes (FTS5 syntax, bad UTF-8...).
#include "core/search/search.h"
#include "core/search/search_index.h"
#include "core/store/database.h"
#include "fuzz_input.h"

namespace {
vt::SearchDocument doc(const char* kind, const char* key, const char* lang, const char* title,
                       const char* body) {
    vt::SearchDocument d;
    d.kind = kind;
    d.key = key;
    d.lang = lang;
    d.source = std::string(kind) + "/" + key;
    d.title = title;
    d.body = body;
    d.bodyName = "Comune";
    return d;
}

vt::Database makeIndex() {
    vt::Database db = vt::Database::open(":memory:");
    vt::indexDocument(db, doc("sheet", "carta-identita", "it", "Carta d'identità elettronica",
                              "Si richiede all'ufficio anagrafe con una foto."));
    vt::indexDocument(
        db, doc("sheet", "tari", "it", "TARI, tassa sui rifiuti", "Si paga in due rate con l'F24."));
    vt::indexDocument(
        db, doc("sheet", "cie-en", "en", "Electronic identity card", "Apply at the registry office."));
    vt::indexDocument(db, doc("office", "urp", "it", "Ufficio relazioni con il pubblico",
                              "Piazza del Municipio 1, aperto il lunedì."));
    return db;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const vt::Database db = makeIndex();
    const std::string_view q = vt::fuzz::bytes(data, size);
    vt::SearchOptions o;
    o.now = 1779012000;
    (void)vt::search(db, q, o);
    o.asYouType = true;
    o.lang = "en";
    (void)vt::search(db, q, o);
    return 0;
}
