// Attachment pages on screen. PDFs from the albo come from outside, so poppler never runs in the
// kiosk process: each request runs `vetrina pdf-render` in a child with resource limits (address
// space, CPU time, no files written), and the parent enforces a wall-clock timeout and caps
// what it reads. A malformed or hostile PDF only kills the child; the screen gets a clear error.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vt {

struct PdfLimits {
    std::uint64_t memoryBytes = 768ull << 20;    // RLIMIT_AS of the child (not in ASan builds)
    int cpuSeconds = 10;                         // RLIMIT_CPU of the child
    int timeoutMs = 15000;                       // wall clock, enforced by the parent (SIGKILL)
    int maxPages = 500;                          // documents with more pages are refused
    std::uint64_t maxOutputBytes = 64ull << 20;  // one page's RGBA
    int maxWidthPx = 4096;
};

// What the screen shows when a document cannot be shown, whatever the cause.
inline constexpr const char* kPdfUserError = "il documento non può essere mostrato";
// Width of page thumbnails in pixels.
inline constexpr int kPdfThumbnailWidth = 180;

struct PdfResult {
    bool ok = false;
    std::string error;   // kPdfUserError when !ok
    std::string detail;  // the technical cause, for logs and the maintenance view
    int pageCount = 0;
    // renderPage: the page, 8-bit RGBA, row by row, no padding (width * 4 bytes per row).
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;
    long childMaxRssKb = 0;  // peak resident memory of the child (wait4's rusage)
};

class PdfRenderer {
public:
    // `helper` is the executable that understands `pdf-render`: the running vetrina itself by
    // default; tests pass the path of the built binary.
    explicit PdfRenderer(std::string helper = "/proc/self/exe", PdfLimits limits = {});

    // The number of pages, or an error.
    PdfResult open(const std::string& path) const;
    // Page `pageIndex` (0-based) scaled to `widthPx` wide (height keeps the aspect ratio).
    PdfResult renderPage(const std::string& path, int pageIndex, int widthPx) const;
    PdfResult thumbnail(const std::string& path, int pageIndex) const {
        return renderPage(path, pageIndex, kPdfThumbnailWidth);
    }

    const PdfLimits& limits() const { return m_limits; }

private:
    PdfResult run(const std::vector<std::string>& args) const;

    std::string m_helper;
    PdfLimits m_limits;
};

// The child side, run by `vetrina pdf-render [--max-pages N] [--max-output BYTES]
// [--max-width PX] FILE [PAGE WIDTH]`: writes the answer to fd 1 in the protocol below and
// returns the exit status. Protocol (host byte order, same machine): "VTPD", u32 status
// (0 ok, 1 error), u32 page count, u32 width, u32 height; then width*height*4 bytes of RGBA on
// success, or u32 length + message on error.
int runPdfRenderChild(int argc, char** argv, int first);

}  // namespace vt
