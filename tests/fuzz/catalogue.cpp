// servizi-gov catalogue and GovernmentService JSON-LD: both report errors, never throw.
#include "core/sheets/catalogue_import.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in = vt::fuzz::bytes(data, size);
    (void)vt::parseServiziGovCatalogue(in, "fuzz.json");
    (void)vt::parseGovernmentServiceJsonLd(in, "fuzz.jsonld");
    return 0;
}
