// The PDF renderer in its child process, on PDFs written here: multi-page, corrupt, truncated,
// over the page limit, a page too large to draw, and helpers that hang or lie.
#include "core/pdf/pdf_render.h"
#include "../support/tiny_pdf.h"
#include "core/bench/pdf_writer.h"
#include "core/util/files.h"
#include "core/util/sanitizers.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

using namespace vt;
using vt::test::makePdf;
using vt::test::scratchDir;

namespace {

// A "bomb": form XObject i draws form i+1 `fanout` times, `levels` deep; the last fills a small
// rectangle. A few hundred bytes that ask for fanout^levels drawing operations.
std::string makeXObjectBomb(int levels, int fanout) {
    vt::PdfWriter pdf;
    const auto object = [&](const std::string& body) { pdf.object(body); };
    const auto stream = &vt::PdfWriter::stream;
    object("<< /Type /Catalog /Pages 2 0 R >>");
    object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    object(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X 5 0 R >> >> "
        "/Contents 4 0 R >>");
    object(stream("", "/X Do"));
    for (int i = 0; i < levels; ++i) {
        const int self = 5 + i;
        std::string body;
        if (i + 1 < levels) {
            for (int k = 0; k < fanout; ++k) body += "q 0.9 0 0 0.9 1 1 cm /X Do Q ";
            object(stream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X " +
                              std::to_string(self + 1) + " 0 R >> >>",
                          body));
        } else {
            object(
                stream("/Type /XObject /Subtype /Form /BBox [0 0 595 842]", "0 0 1 rg 10 10 500 500 re f"));
        }
    }
    return pdf.finish();
}

std::string write(const std::string& dir, const std::string& name, const std::string& bytes) {
    const std::string path = dir + "/" + name;
    REQUIRE(writeFileAtomic(path, bytes));
    return path;
}

std::string script(const std::string& dir, const std::string& name, const std::string& body) {
    const std::string path = write(dir, name, "#!/bin/sh\n" + body + "\n");
    ::chmod(path.c_str(), 0755);
    return path;
}

}  // namespace

TEST_CASE("PDF: page count and pages of a multi-page document", "[pdf]") {
    const std::string dir = scratchDir("pdf-pages");
    const std::string pdf = write(dir, "three.pdf", makePdf(3));
    const PdfRenderer r(VETRINA_BINARY);
    const PdfResult info = r.open(pdf);
    INFO(info.detail);
    REQUIRE(info.ok);
    CHECK(info.pageCount == 3);
    CHECK(info.rgba.empty());

    const PdfResult page = r.renderPage(pdf, 2, 400);
    INFO(page.detail);
    REQUIRE(page.ok);
    CHECK(page.pageCount == 3);
    CHECK(page.width == 400);
    CHECK(page.height == 566);  // A4 keeps its aspect ratio: ceil(400 * 842 / 595)
    REQUIRE(page.rgba.size() == static_cast<size_t>(400 * 566 * 4));
    auto px = [&](int x, int y) {
        return &page.rgba[(static_cast<size_t>(y) * 400 + static_cast<size_t>(x)) * 4];
    };
    // White paper in a corner, opaque.
    CHECK((px(2, 2)[0] == 255 && px(2, 2)[1] == 255 && px(2, 2)[2] == 255 && px(2, 2)[3] == 255));
    // The blue rectangle (60..260 x 192..242 pt from the top) in RGBA order.
    const int bx = static_cast<int>(150 * 400 / 595.0), by = static_cast<int>(217 * 400 / 595.0);
    CHECK((px(bx, by)[0] < 10 && px(bx, by)[1] < 10 && px(bx, by)[2] > 245 && px(bx, by)[3] == 255));
    // Some dark text pixels in the text line (about 130..160 pt from the top).
    int dark = 0;
    for (int y = static_cast<int>(110 * 400 / 595.0); y < static_cast<int>(145 * 400 / 595.0); ++y)
        for (int x = 40; x < 380; ++x)
            if (px(x, y)[0] < 100) ++dark;
    CHECK(dark > 200);
    CHECK(page.childMaxRssKb > 0);

    const PdfResult thumb = r.thumbnail(pdf, 0);
    INFO(thumb.detail);
    REQUIRE(thumb.ok);
    CHECK(thumb.width == kPdfThumbnailWidth);

    const PdfResult none = r.renderPage(pdf, 3, 400);
    CHECK_FALSE(none.ok);
    CHECK(none.error == kPdfUserError);
    CHECK(none.detail.find("no page 3") != std::string::npos);
    CHECK_FALSE(r.renderPage(pdf, 0, 0).ok);
    CHECK_FALSE(r.renderPage(pdf, 0, 100000).ok);
}

TEST_CASE("PDF: corrupt, truncated and missing files give the clear error", "[pdf]") {
    const std::string dir = scratchDir("pdf-bad");
    const PdfRenderer r(VETRINA_BINARY);
    const std::string good = makePdf(20);
    for (const auto& [name, bytes] : std::vector<std::pair<std::string, std::string>>{
             {"garbage.pdf", std::string(5000, '\x7f')},
             {"empty.pdf", ""},
             {"header-only.pdf", "%PDF-1.7\n"},
             {"html.pdf", "<html><body>Errore 404</body></html>"},
             {"truncated-head.pdf", good.substr(0, 200)}}) {
        INFO(name);
        const PdfResult res = r.open(write(dir, name, bytes));
        CHECK_FALSE(res.ok);
        CHECK(res.error == "il documento non può essere mostrato");
        CHECK_FALSE(res.detail.empty());
    }
    CHECK_FALSE(r.open(dir + "/missing.pdf").ok);

    // Cut in the middle, without its xref: poppler may rebuild what is left. Either way the
    // kiosk gets pages that exist or the clear error, never a crash of its own process.
    const std::string cut = write(dir, "truncated-half.pdf", good.substr(0, good.size() / 2));
    const PdfResult half = r.open(cut);
    if (half.ok) {
        CHECK(half.pageCount <= 20);
        const PdfResult last = r.renderPage(cut, 19, 200);
        if (!last.ok) CHECK(last.error == kPdfUserError);
    } else {
        CHECK(half.error == kPdfUserError);
    }
    // Garbage in the middle of a page's content stream: drawn as far as it goes, or refused.
    std::string damaged = makePdf(2);
    damaged.replace(damaged.find("BT /F1"), 12, "\x01\xff(((<<<[[[");
    const PdfResult d = r.renderPage(write(dir, "damaged-stream.pdf", damaged), 0, 200);
    CHECK((d.ok || d.error == kPdfUserError));
}

TEST_CASE("PDF: limits on pages, output size, memory and time", "[pdf]") {
    const std::string dir = scratchDir("pdf-limits");
    PdfLimits few;
    few.maxPages = 10;
    const std::string twenty = write(dir, "twenty.pdf", makePdf(20));
    const PdfResult many = PdfRenderer(VETRINA_BINARY, few).open(twenty);
    CHECK_FALSE(many.ok);
    CHECK(many.error == kPdfUserError);
    CHECK(many.detail == "the PDF has 20 pages, more than 10");
    CHECK(PdfRenderer(VETRINA_BINARY).open(twenty).pageCount == 20);

    // A page 2 pt wide and 14400 pt tall: at 800 px wide it would be 5.76 million px tall.
    const std::string tall = write(dir, "tall.pdf", makePdf(1, 2, 14400));
    const PdfResult t = PdfRenderer(VETRINA_BINARY).renderPage(tall, 0, 800);
    CHECK_FALSE(t.ok);
    CHECK(t.detail.find("over the output limit") != std::string::npos);

    // A drawing bomb (10^8 fills in 500 bytes) hits the CPU limit; the parent survives.
    PdfLimits oneSecond;
    oneSecond.cpuSeconds = 1;
    oneSecond.timeoutMs = 8000;
    const std::string bomb = write(dir, "bomb.pdf", makeXObjectBomb(9, 10));
    const auto bombStart = std::chrono::steady_clock::now();
    const PdfResult b = PdfRenderer(VETRINA_BINARY, oneSecond).renderPage(bomb, 0, 300);
    CHECK_FALSE(b.ok);
    CHECK(b.error == kPdfUserError);
    CHECK((b.detail.find("CPU time limit") != std::string::npos ||
           b.detail.find("too long") != std::string::npos));
    CHECK(std::chrono::steady_clock::now() - bombStart < std::chrono::seconds(9));
    INFO(b.detail);

#ifndef VT_ADDRESS_SANITIZER
    // Too little address space for the renderer: its child dies, the kiosk gets the error.
    PdfLimits tiny;
    tiny.memoryBytes = 8ull << 20;
    const PdfResult starved = PdfRenderer(VETRINA_BINARY, tiny).renderPage(twenty, 0, 800);
    CHECK_FALSE(starved.ok);
    CHECK(starved.error == kPdfUserError);
#endif

    // A helper that hangs is killed at the timeout.
    PdfLimits quick;
    quick.timeoutMs = 300;
    const auto start = std::chrono::steady_clock::now();
    const PdfResult hung = PdfRenderer(script(dir, "hang.sh", "exec sleep 30"), quick).open(twenty);
    const auto took = std::chrono::steady_clock::now() - start;
    CHECK_FALSE(hung.ok);
    CHECK(hung.detail == "the renderer took too long and was stopped");
    CHECK(took < std::chrono::seconds(5));

    // A helper that answers garbage, or floods the pipe, is not believed.
    CHECK(
        PdfRenderer(script(dir, "liar.sh", "printf 'VTPD garbage'"), {}).open(twenty).detail.find("failed") !=
        std::string::npos);
    PdfLimits smallOut;
    smallOut.maxOutputBytes = 1 << 20;
    const PdfResult flood = PdfRenderer(script(dir, "flood.sh", "exec cat /dev/zero"), smallOut).open(twenty);
    CHECK(flood.detail == "the renderer sent more than the output limit and was stopped");
    CHECK(PdfRenderer(dir + "/no-such-helper", {}).open(twenty).detail ==
          "the renderer could not be started");
}

TEST_CASE("PDF: a stale font cache cannot kill the renderer (no files may be written)", "[pdf]") {
    // Fontconfig rewrites its cache when fonts change; under RLIMIT_FSIZE = 0 that write raised
    // SIGXFSZ and killed every render until someone refreshed the cache.
    const std::string dir = scratchDir("pdf-fontcache");
    std::filesystem::create_directories(dir + "/cache");
    const std::string conf = write(dir, "fonts.conf",
                                   "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n"
                                   "<fontconfig><dir>/usr/share/fonts</dir><cachedir>" +
                                       dir + "/cache</cachedir></fontconfig>\n");
    const std::string pdf = write(dir, "one.pdf", makePdf(1));
    const char* old = std::getenv("FONTCONFIG_FILE");
    const std::string saved = old ? old : "";
    ::setenv("FONTCONFIG_FILE", conf.c_str(), 1);
    const PdfResult r = PdfRenderer(VETRINA_BINARY).renderPage(pdf, 0, 200);
    if (old)
        ::setenv("FONTCONFIG_FILE", saved.c_str(), 1);
    else
        ::unsetenv("FONTCONFIG_FILE");
    INFO(r.detail);
    CHECK(r.ok);
}

// Figures for the report, not a timed test: `vetrina_tests "[.pdfbench]" -s`.
TEST_CASE("PDF: time to open a 20-page PDF and render a page, child peak memory", "[.pdfbench]") {
    const std::string dir = scratchDir("pdf-bench");
    const std::string pdf = write(dir, "twenty.pdf", makePdf(20));
    const PdfRenderer r(VETRINA_BINARY);
    using Clock = std::chrono::steady_clock;
    for (int round = 0; round < 3; ++round) {
        const auto t0 = Clock::now();
        const PdfResult info = r.open(pdf);
        const auto t1 = Clock::now();
        const PdfResult page = r.renderPage(pdf, 10, 1080);
        const auto t2 = Clock::now();
        const PdfResult thumb = r.thumbnail(pdf, 10);
        const auto t3 = Clock::now();
        REQUIRE((info.ok && page.ok && thumb.ok));
        auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
        WARN("open " << ms(t1 - t0) << " ms (child " << info.childMaxRssKb << " KB peak); page 11 at 1080 px "
                     << ms(t2 - t1) << " ms (" << page.width << "x" << page.height << ", child "
                     << page.childMaxRssKb << " KB peak); thumbnail " << ms(t3 - t2) << " ms");
    }
}
