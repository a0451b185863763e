// vetrina bench --pdf [--pages N] [--runs N] [--page-width PX] [--out FILE.json]
// The attachment viewer with the real child renderer (core/pdf), as the act detail uses it:
// open a document (a child counts its pages), render page 1, turn to page 2, draw a thumbnail.
// Each request is a fresh child process, so every figure includes fork, exec and poppler's
// loading of the file. The document is written here: N pages of dense act text with rules and
// a table, like a municipal resolution. Medians of --runs; child memory is wait4's peak RSS.
#include "bench_pdf.h"

#include "args.h"

#include "core/bench/pdf_writer.h"
#include "core/pdf/pdf_render.h"
#include "core/util/files.h"

#include <nlohmann/json.hpp>

#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace vt {

namespace fs = std::filesystem;

namespace {

using SteadyClock = std::chrono::steady_clock;

// Our own words, repeated into justified-looking lines.
constexpr const char* kWords[] = {"il",          "comune",      "di",           "borgo",      "vetrina",
                                  "delibera",    "la",          "giunta",       "visto",      "il",
                                  "regolamento", "per",         "la",           "gestione",   "dei",
                                  "servizi",     "considerato", "che",          "l'ufficio",  "tecnico",
                                  "ha",          "verificato",  "la",           "spesa",      "prevista",
                                  "nel",         "bilancio",    "di",           "previsione", "2026",
                                  "approva",     "il",          "progetto",     "esecutivo",  "dei",
                                  "lavori",      "di",          "manutenzione", "delle",      "strade",
                                  "comunali",    "e",           "dispone",      "la",         "pubblicazione",
                                  "all'albo",    "pretorio",    "online"};

std::string pageStream(int page, int pages) {
    std::string s = "0.2 0.2 0.2 RG 1 w 50 790 m 545 790 l S\n";
    s += "BT /F2 14 Tf 50 800 Td (Comune di Borgo Vetrina - Deliberazione n. 123/2026) Tj ET\n";
    size_t w = static_cast<size_t>(page) * 7;
    for (int line = 0; line < 58; ++line) {
        std::string text;
        while (text.size() < 92) {
            text += kWords[w % std::size(kWords)];
            text += ' ';
            ++w;
        }
        s += "BT /F1 10 Tf 50 " + std::to_string(770 - line * 12) + " Td (" + text + ") Tj ET\n";
        if (line == 30) {  // a small table, as in a list of expenses
            for (int r = 0; r < 4; ++r) s += "50 " + std::to_string(390 - r * 14) + " 495 14 re S\n";
        }
    }
    s += "BT /F1 9 Tf 280 40 Td (Pagina " + std::to_string(page + 1) + " di " + std::to_string(pages) +
         ") Tj ET\n";
    return s;
}

std::string makeBenchPdf(int pages) {
    PdfWriter pdf;
    const auto object = [&](const std::string& body) { pdf.object(body); };
    object("<< /Type /Catalog /Pages 2 0 R >>");
    std::string kids;
    for (int i = 0; i < pages; ++i) kids += std::to_string(5 + 2 * i) + " 0 R ";
    object("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>");
    object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
    for (int i = 0; i < pages; ++i) {
        object(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R "
            ">> >> "
            "/Contents " +
            std::to_string(6 + 2 * i) + " 0 R >>");
        const std::string text = pageStream(i, pages);
        object("<< /Length " + std::to_string(text.size()) + " >>\nstream\n" + text + "endstream");
    }
    return pdf.finish();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

struct Timed {
    double ms = 0;
    PdfResult result;
};

template <typename F>
Timed timed(F&& f, const char* what) {
    const auto t0 = SteadyClock::now();
    Timed t{0, f()};
    t.ms = std::chrono::duration<double, std::milli>(SteadyClock::now() - t0).count();
    if (!t.result.ok)
        throw std::runtime_error(std::string("bench --pdf: ") + what + " failed: " + t.result.detail);
    return t;
}

}  // namespace

bool wantsPdfBench(int argc, char** argv) {
    for (int i = 2; i < argc; ++i)
        if (std::strcmp(argv[i], "--pdf") == 0) return true;
    return false;
}

int benchPdf(int argc, char** argv) {
    Args args(argc, argv, 2, {"pdf"});
    args.allowOnly({"pdf", "pages", "runs", "page-width", "out"});
    const int pages = std::clamp(std::stoi(args.get("pages").value_or("20")), 2, 500);
    const int runs = std::max(1, std::stoi(args.get("runs").value_or("7")));
    const int width = std::stoi(args.get("page-width").value_or("1000"));

    const fs::path dir = fs::temp_directory_path() / ("vetrina-bench-pdf-" + std::to_string(getpid()));
    fs::create_directories(dir);
    const std::string file = (dir / "atto.pdf").string();
    const std::string pdf = makeBenchPdf(pages);
    if (!writeFileAtomic(file, pdf)) throw std::runtime_error("bench --pdf: cannot write " + file);

    const PdfRenderer renderer;  // this very binary as the child, with the kiosk's limits
    std::vector<double> openMs, firstMs, turnMs, thumbMs, firstScreenMs, rssMb;
    for (int i = 0; i < runs; ++i) {
        const Timed open = timed([&] { return renderer.open(file); }, "open");
        if (open.result.pageCount != pages) throw std::runtime_error("bench --pdf: wrong page count");
        const Timed first = timed([&] { return renderer.renderPage(file, 0, width); }, "page 1");
        const Timed turn = timed([&] { return renderer.renderPage(file, 1, width); }, "page 2");
        const Timed thumb = timed([&] { return renderer.thumbnail(file, pages - 1); }, "thumbnail");
        openMs.push_back(open.ms);
        firstMs.push_back(first.ms);
        turnMs.push_back(turn.ms);
        thumbMs.push_back(thumb.ms);
        firstScreenMs.push_back(open.ms + first.ms);
        const long peak = std::max({open.result.childMaxRssKb, first.result.childMaxRssKb,
                                    turn.result.childMaxRssKb, thumb.result.childMaxRssKb});
        rssMb.push_back(double(peak) / 1024.0);
    }
    fs::remove_all(dir);

    const PdfLimits& lim = renderer.limits();
    nlohmann::json out = {
        {"machine", {{"cores", std::thread::hardware_concurrency()}}},
        {"renderer", "child process `vetrina pdf-render` (poppler-cpp), one per request"},
        {"pdf",
         {{"pages", pages}, {"bytes", pdf.size()}, {"content", "A4 pages of text, rules and a table"}}},
        {"page_width_px", width},
        {"runs", runs},
        {"open_ms_median", median(openMs)},
        {"first_page_ms_median", median(firstMs)},
        {"open_to_first_page_ms_median", median(firstScreenMs)},
        {"page_turn_ms_median", median(turnMs)},
        {"thumbnail_ms_median", median(thumbMs)},
        {"child_peak_rss_mb_median", median(rssMb)},
        {"open_ms_all", openMs},
        {"page_turn_ms_all", turnMs},
        {"child_limits",
         {{"memory_mb", lim.memoryBytes >> 20},
          {"cpu_seconds", lim.cpuSeconds},
          {"timeout_ms", lim.timeoutMs}}},
    };
    std::printf("%s\n\n", out.dump(2).c_str());
    std::printf("%-44s %s\n", "figure", "value");
    std::printf("%-44s %.1f ms (median of %d)\n",
                ("open a " + std::to_string(pages) + "-page PDF (page count)").c_str(), median(openMs), runs);
    std::printf("%-44s %.1f ms at %d px wide\n", "render page 1", median(firstMs), width);
    std::printf("%-44s %.1f ms\n", "open + page 1 (first page on screen)", median(firstScreenMs));
    std::printf("%-44s %.1f ms\n", "turn to page 2", median(turnMs));
    std::printf("%-44s %.1f ms at %d px wide\n", "one thumbnail", median(thumbMs), kPdfThumbnailWidth);
    std::printf("%-44s %.1f MB (limit %llu MB)\n", "child peak resident memory", median(rssMb),
                static_cast<unsigned long long>(lim.memoryBytes >> 20));
    if (auto path = args.get("out")) writeFileAtomic(*path, out.dump(2) + "\n");
    return 0;
}

}  // namespace vt
