// vetrina pdf-render [--max-pages N] [--max-output BYTES] [--max-width PX] FILE [PAGE WIDTH]
// Hidden: the kiosk runs it as a child process under resource limits (core/pdf/pdf_render.h).
#include "commands.h"

#include "core/pdf/pdf_render.h"

#include <unistd.h>

namespace vt {

// The answer is on the pipe once runPdfRenderChild returns: leave at once, without running
// poppler's and fontconfig's teardown (nothing to save, and it is only time).
int cmdPdfRender(int argc, char** argv) {
    ::_exit(runPdfRenderChild(argc, argv, 2));
}

}  // namespace vt
