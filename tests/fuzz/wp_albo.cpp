// parseWpAlbo (WordPress albo XML or REST JSON) reports errors; it must never throw or crash.
#include "core/feeds/wp_albo.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)vt::parseWpAlbo(vt::fuzz::bytes(data, size), "fuzz");
    return 0;
}
