// Hostile search queries against a small in-memory index built once: search() and the
// as-you-type path must never throw or crash, whatever the bytes (FTS5 syntax, bad UTF-8...).
#include "core/search/search.h"
#include "core/search/search_index.h"
#include "core/store/database.h"
#include "fuzz_input.h"

namespace {
vt::Database makeIndex() {
    vt::Database db = vt::Database::open(":memory:");
    vt::indexDocument(db, {"sheet", "carta-identita", "it", "sheets/cie.md", "Carta d'identità elettronica",
                           "CIE documento", "Si richiede all'ufficio anagrafe con una foto.", "Anagrafe"});
    vt::indexDocument(db, {"sheet", "tari", "it", "sheets/tari.md", "TARI, tassa sui rifiuti",
                           "rifiuti tassa", "Si paga in due rate con il modello F24.", "Tributi"});
    vt::indexDocument(db, {"sheet", "cie-en", "en", "sheets/cie.en.md", "Electronic identity card",
                           "identity", "Apply at the registry office.", "Registry"});
    vt::indexDocument(db, {"office", "urp", "it", "offices/urp.toml", "Ufficio relazioni con il pubblico",
                           "", "Piazza del Municipio 1, aperto il lunedì.", ""});
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
