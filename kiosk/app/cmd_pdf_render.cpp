// vetrina pdf-render [--max-pages N] [--max-output BYTES] [--max-width PX] FILE [PAGE WIDTH]
// Hidden: the kiosk runs it as a child process under resource limits (core/pdf/pdf_render.h).
#include "commands.h"

#include "core/pdf/pdf_render.h"

namespace vt {

int cmdPdfRender(int argc, char** argv) { return runPdfRenderChild(argc, argv, 2); }

}  // namespace vt
