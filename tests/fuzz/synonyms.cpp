// parseSynonyms tokenizes with the search tokenizers of an in-memory database built once; it
// reports bad lines and must never throw or crash.
#include "core/search/synonyms.h"
#include "core/store/database.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static vt::Database db = vt::Database::open(":memory:");
    (void)vt::parseSynonyms(db.handle(), vt::fuzz::bytes(data, size), "fuzz.txt");
    return 0;
}
