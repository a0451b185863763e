// parseSheetMarkdown reports unusable sheets as fatal; it must never throw or crash.
#include "core/sheets/sheet_markdown.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)vt::parseSheetMarkdown(vt::fuzz::bytes(data, size), "fuzz.md");
    return 0;
}
