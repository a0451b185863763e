// parseConfig throws ConfigError on a bad kiosk config (documented); nothing else may escape.
#include "core/config/config.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        (void)vt::parseConfig(std::string(vt::fuzz::bytes(data, size)), "/nonexistent/fuzz/vetrina.toml");
    } catch (const vt::ConfigError&) {
    }
    return 0;
}
