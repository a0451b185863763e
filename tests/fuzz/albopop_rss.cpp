// parseAlboPopRss reports bad feeds and items; it must never throw or crash.
#include "core/feeds/albopop_rss.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)vt::parseAlboPopRss(vt::fuzz::bytes(data, size), "fuzz.xml");
    return 0;
}
