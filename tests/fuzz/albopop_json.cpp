// parseAlboPopJson reports bad feeds and items; it must never throw or crash.
#include "core/feeds/albopop_json.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)vt::parseAlboPopJson(vt::fuzz::bytes(data, size), "fuzz.json");
    return 0;
}
