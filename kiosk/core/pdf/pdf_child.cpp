// The child process side of the PDF renderer: everything here runs under resource limits, in a
// process the kiosk can lose without harm.
#include "core/pdf/pdf_render.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

namespace vt {

namespace {

bool writeAll(const void* data, size_t size) {
    const auto* p = static_cast<const std::uint8_t*>(data);
    while (size > 0) {
        const ssize_t n = ::write(1, p, size);
        if (n <= 0) return false;
        p += n;
        size -= static_cast<size_t>(n);
    }
    return true;
}

bool writeHeader(std::uint32_t status, std::uint32_t pages, std::uint32_t w, std::uint32_t h) {
    const std::uint32_t header[5] = {0, status, pages, w, h};
    std::uint8_t bytes[sizeof header];
    std::memcpy(bytes, header, sizeof header);
    std::memcpy(bytes, "VTPD", 4);
    return writeAll(bytes, sizeof bytes);
}

int fail(const std::string& message, int pages = 0) {
    writeHeader(1, static_cast<std::uint32_t>(pages), 0, 0);
    const auto len = static_cast<std::uint32_t>(message.size());
    writeAll(&len, sizeof len);
    writeAll(message.data(), message.size());
    return 1;
}

void quiet(const std::string&, void*) {}

}  // namespace

int runPdfRenderChild(int argc, char** argv, int first) {
    long maxPages = 500, maxWidth = 4096;
    unsigned long long maxOutput = 64ull << 20;
    std::vector<std::string> pos;
    for (int i = first; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--max-pages" && i + 1 < argc)
            maxPages = std::strtol(argv[++i], nullptr, 10);
        else if (a == "--max-width" && i + 1 < argc)
            maxWidth = std::strtol(argv[++i], nullptr, 10);
        else if (a == "--max-output" && i + 1 < argc)
            maxOutput = std::strtoull(argv[++i], nullptr, 10);
        else
            pos.push_back(a);
    }
    if (pos.size() != 1 && pos.size() != 3) return fail("usage: pdf-render [limits] FILE [PAGE WIDTH]");
    poppler::set_debug_error_function(quiet, nullptr);

    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pos[0]));
    if (!doc) return fail("not a PDF, or damaged beyond repair");
    if (doc->is_locked()) return fail("the PDF is protected by a password");
    const int pages = doc->pages();
    if (pages <= 0) return fail("the PDF has no pages");
    if (pages > maxPages)
        return fail("the PDF has " + std::to_string(pages) + " pages, more than " + std::to_string(maxPages),
                    pages);
    if (pos.size() == 1) return writeHeader(0, static_cast<std::uint32_t>(pages), 0, 0) ? 0 : 1;

    const long index = std::strtol(pos[1].c_str(), nullptr, 10);
    const long width = std::strtol(pos[2].c_str(), nullptr, 10);
    if (index < 0 || index >= pages)
        return fail("no page " + pos[1] + " (0.." + std::to_string(pages - 1) + ")", pages);
    if (width <= 0 || width > maxWidth) return fail("width " + pos[2] + " px is out of range", pages);
    std::unique_ptr<poppler::page> page(doc->create_page(static_cast<int>(index)));
    if (!page) return fail("page " + pos[1] + " cannot be read", pages);
    poppler::rectf box = page->page_rect(poppler::crop_box);
    double wPt = box.width(), hPt = box.height();
    const auto orientation = page->orientation();
    if (orientation == poppler::page::landscape || orientation == poppler::page::seascape)
        std::swap(wPt, hPt);
    if (!(wPt > 0.5) || !(hPt > 0.5) || wPt > 200000 || hPt > 200000)
        return fail("the page has no usable size", pages);
    const double dpi = static_cast<double>(width) * 72.0 / wPt;
    const double heightPx = std::ceil(hPt * dpi / 72.0);
    if (heightPx * static_cast<double>(width) * 4.0 > static_cast<double>(maxOutput))
        return fail("the page would be " + std::to_string(static_cast<long long>(heightPx)) + " px tall at " +
                        std::to_string(width) + " px wide, over the output limit",
                    pages);

    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_image_format(poppler::image::format_argb32);
    const poppler::image img = renderer.render_page(page.get(), dpi, dpi);
    if (!img.is_valid() || img.width() <= 0 || img.height() <= 0)
        return fail("the page could not be drawn", pages);
    const int w = img.width(), h = img.height();
    if (static_cast<double>(w) * h * 4.0 > static_cast<double>(maxOutput))
        return fail("the page is too large", pages);
    if (!writeHeader(0, static_cast<std::uint32_t>(pages), static_cast<std::uint32_t>(w),
                     static_cast<std::uint32_t>(h)))
        return 1;
    // format_argb32 is 0xAARRGGBB per pixel in host order: B, G, R, A in memory (little endian).
    std::vector<std::uint8_t> row(static_cast<size_t>(w) * 4);
    const char* data = img.const_data();
    for (int y = 0; y < h; ++y) {
        const auto* src = reinterpret_cast<const std::uint8_t*>(data + static_cast<std::ptrdiff_t>(y) *
                                                                           img.bytes_per_row());
        for (int x = 0; x < w; ++x) {
            const size_t i = static_cast<size_t>(x) * 4;
            std::uint32_t px;
            std::memcpy(&px, src + i, 4);
            row[i] = static_cast<std::uint8_t>(px >> 16);
            row[i + 1] = static_cast<std::uint8_t>(px >> 8);
            row[i + 2] = static_cast<std::uint8_t>(px);
            row[i + 3] = static_cast<std::uint8_t>(px >> 24);
        }
        if (!writeAll(row.data(), row.size())) return 1;
    }
    return 0;
}

}  // namespace vt
