// parseCap reports an unusable message as fatal; it must never throw or crash (both modes).
#include "core/alerts/cap.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in = vt::fuzz::bytes(data, size);
    (void)vt::parseCap(in, "fuzz.xml", false);
    (void)vt::parseCap(in, "fuzz.xml", true);
    return 0;
}
