// `vetrina bench --pdf`: the attachment viewer's figures with the real child renderer.
#pragma once

namespace vt {

// True when the bench command line asks for the PDF figures.
bool wantsPdfBench(int argc, char** argv);
// vetrina bench --pdf [--pages N] [--runs N] [--page-width PX] [--out FILE.json]
int benchPdf(int argc, char** argv);

}  // namespace vt
