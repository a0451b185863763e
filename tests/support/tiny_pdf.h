// Tiny PDFs written by the tests themselves (unit tests of the renderer, UI journeys of the
// viewer): no binary fixtures, and exactly the pages a test needs.
#pragma once

#include "core/bench/pdf_writer.h"

#include <cstdio>
#include <string>

namespace vt::test {

using vt::PdfWriter;

// A minimal PDF 1.4: one text line per page in the standard Helvetica font, a correct xref.
inline std::string makePdf(int pages, double widthPt = 595, double heightPt = 842) {
    PdfWriter pdf;
    const auto object = [&](const std::string& body) { pdf.object(body); };
    object("<< /Type /Catalog /Pages 2 0 R >>");
    std::string kids;
    for (int i = 0; i < pages; ++i) kids += std::to_string(4 + 2 * i) + " 0 R ";
    object("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>");
    object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    char box[96];
    std::snprintf(box, sizeof box, "[0 0 %.2f %.2f]", widthPt, heightPt);
    for (int i = 0; i < pages; ++i) {
        object("<< /Type /Page /Parent 2 0 R /MediaBox " + std::string(box) +
               " /Resources << /Font << /F1 3 0 R >> >> "
               "/Contents " +
               std::to_string(5 + 2 * i) + " 0 R >>");
        const std::string text = "BT /F1 36 Tf 60 700 Td (Pagina " + std::to_string(i + 1) +
                                 " - Albo di prova) Tj ET\n"
                                 "0 0 1 rg 60 600 200 50 re f\n";
        object("<< /Length " + std::to_string(text.size()) + " >>\nstream\n" + text + "endstream");
    }
    return pdf.finish();
}

}  // namespace vt::test
