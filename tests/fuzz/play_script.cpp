// parsePlayScript throws PlayScriptError on a bad line (documented); nothing else may escape.
#include "core/play/script.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        (void)vt::parsePlayScript(vt::fuzz::bytes(data, size), "fuzz.play");
    } catch (const vt::PlayScriptError&) {
    }
    return 0;
}
