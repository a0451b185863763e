// parseManifest and parseTrustedComment return nullopt on bad input; they must never throw.
#include "core/sync/manifest.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in = vt::fuzz::bytes(data, size);
    std::string error;
    if (const auto m = vt::parseManifest(in, error)) (void)m->totalBytes();
    (void)vt::parseTrustedComment(in);
    (void)vt::isSafeRelativePath(in);
    return 0;
}
