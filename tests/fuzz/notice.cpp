// parseNoticeFile (front matter + Markdown) reports into the ImportReport; with an asset reader
// that finds nothing it must never throw or crash.
#include "core/notices/notice_parser.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const vt::AssetReader noAssets = [](const std::string&) { return std::optional<std::string>(); };
    vt::ImportReport report;
    (void)vt::parseNoticeFile(vt::fuzz::bytes(data, size), "fuzz.md", noAssets, vt::ImageLimits{}, report);
    return 0;
}
