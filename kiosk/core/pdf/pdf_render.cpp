#include "core/pdf/pdf_render.h"
#include "core/util/sanitizers.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>

namespace vt {

namespace {

constexpr size_t kHeaderBytes = 20;
constexpr std::uint32_t kMaxMessage = 4096;

PdfResult failure(std::string detail) {
    PdfResult r;
    r.error = kPdfUserError;
    r.detail = std::move(detail);
    return r;
}

std::uint32_t u32At(const std::vector<std::uint8_t>& b, size_t at) {
    std::uint32_t v;
    std::memcpy(&v, b.data() + at, 4);
    return v;
}

std::string describeStatus(int status, bool timedOut, bool overflow) {
    if (timedOut) return "the renderer took too long and was stopped";
    if (overflow) return "the renderer sent more than the output limit and was stopped";
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        if (sig == SIGXCPU || sig == SIGKILL)
            return "the renderer hit its CPU time limit (signal " + std::to_string(sig) + ")";
        return "the renderer crashed (signal " + std::to_string(sig) + ": " + strsignal(sig) + ")";
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) return "the renderer could not be started";
    return "the renderer failed (exit status " +
           std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + "), probably out of memory";
}

}  // namespace

PdfRenderer::PdfRenderer(std::string helper, PdfLimits limits)
    : m_helper(std::move(helper)), m_limits(limits) {}

PdfResult PdfRenderer::open(const std::string& path) const {
    return run({path});
}

PdfResult PdfRenderer::renderPage(const std::string& path, int pageIndex, int widthPx) const {
    if (pageIndex < 0) return failure("no page " + std::to_string(pageIndex));
    if (widthPx <= 0 || widthPx > m_limits.maxWidthPx)
        return failure("width " + std::to_string(widthPx) + " px is out of range");
    return run({path, std::to_string(pageIndex), std::to_string(widthPx)});
}

PdfResult PdfRenderer::run(const std::vector<std::string>& extra) const {
    // Everything the child needs is built before fork: between fork and exec only
    // async-signal-safe calls are allowed (the kiosk has other threads).
    std::vector<std::string> words{m_helper,       "pdf-render",
                                   "--max-pages",  std::to_string(m_limits.maxPages),
                                   "--max-output", std::to_string(m_limits.maxOutputBytes),
                                   "--max-width",  std::to_string(m_limits.maxWidthPx)};
    words.insert(words.end(), extra.begin(), extra.end());
    std::vector<char*> argv;
    for (std::string& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);
    const rlimit as{static_cast<rlim_t>(m_limits.memoryBytes), static_cast<rlim_t>(m_limits.memoryBytes)};
    const rlimit cpu{static_cast<rlim_t>(m_limits.cpuSeconds), static_cast<rlim_t>(m_limits.cpuSeconds + 1)};
    const rlimit none{0, 0};

    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return failure(std::string("pipe: ") + std::strerror(errno));
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return failure(std::string("fork: ") + std::strerror(errno));
    }
    if (pid == 0) {
        ::dup2(fds[1], 1);  // dup2 clears O_CLOEXEC on the copy
        const int devnull = ::open("/dev/null", O_RDWR);
        if (devnull >= 0) {
            ::dup2(devnull, 0);
            ::dup2(devnull, 2);
            if (devnull > 2) ::close(devnull);
        }
#ifdef VT_ADDRESS_SANITIZER  // ASan reserves terabytes of shadow memory: any RLIMIT_AS kills it
        (void)as;
#else
        ::setrlimit(RLIMIT_AS, &as);
#endif
        ::setrlimit(RLIMIT_CPU, &cpu);
        // It writes no files; a write (fontconfig refreshing its cache in the home) fails with
        // EFBIG instead of killing the renderer with SIGXFSZ.
        ::setrlimit(RLIMIT_FSIZE, &none);
        ::signal(SIGXFSZ, SIG_IGN);
        ::setrlimit(RLIMIT_CORE, &none);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(fds[1]);

    const size_t cap = kHeaderBytes + 4 + kMaxMessage + static_cast<size_t>(m_limits.maxOutputBytes);
    std::vector<std::uint8_t> out;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(m_limits.timeoutMs);
    bool timedOut = false, overflow = false;
    std::uint8_t buf[65536];
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            timedOut = true;
            break;
        }
        pollfd p{fds[0], POLLIN, 0};
        const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) {
            timedOut = ready == 0;
            break;
        }
        const ssize_t n = ::read(fds[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // EOF: the child is done (or dead)
        if (out.size() + static_cast<size_t>(n) > cap) {
            overflow = true;
            break;
        }
        out.insert(out.end(), buf, buf + n);
    }
    ::close(fds[0]);
    if (timedOut || overflow) ::kill(pid, SIGKILL);
    int status = 0;
    rusage usage{};
    while (::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }

    PdfResult r;
    r.childMaxRssKb = usage.ru_maxrss;
    auto fail = [&](std::string detail) {
        PdfResult f = failure(std::move(detail));
        f.childMaxRssKb = r.childMaxRssKb;
        return f;
    };
    if (timedOut || overflow || out.size() < kHeaderBytes || std::memcmp(out.data(), "VTPD", 4) != 0)
        return fail(describeStatus(status, timedOut, overflow));
    const std::uint32_t code = u32At(out, 4);
    r.pageCount = static_cast<int>(u32At(out, 8));
    if (code != 0) {
        std::string message = "the renderer refused the document";
        if (out.size() >= kHeaderBytes + 4) {
            const size_t len = std::min<size_t>(u32At(out, kHeaderBytes), out.size() - kHeaderBytes - 4);
            message.assign(reinterpret_cast<const char*>(out.data() + kHeaderBytes + 4), len);
        }
        PdfResult f = fail(message);
        f.pageCount = r.pageCount;
        return f;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return fail(describeStatus(status, false, false));
    r.width = static_cast<int>(u32At(out, 12));
    r.height = static_cast<int>(u32At(out, 16));
    const size_t expected = static_cast<size_t>(r.width) * static_cast<size_t>(r.height) * 4;
    if (out.size() - kHeaderBytes != expected)
        return fail("the renderer's answer is truncated (" + std::to_string(out.size() - kHeaderBytes) +
                    " of " + std::to_string(expected) + " bytes)");
    r.rgba.assign(out.begin() + static_cast<std::ptrdiff_t>(kHeaderBytes), out.end());
    r.ok = true;
    return r;
}

}  // namespace vt
