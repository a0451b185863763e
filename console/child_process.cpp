#include "child_process.h"

#include "core/util/sanitizers.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

namespace vt::console {

namespace {

using Clock = std::chrono::steady_clock;

void closeFd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
}

// Between fork and exec only async-signal-safe calls: the console has other threads.
[[noreturn]] void execChild(char* const* argv, char* const* envp, const char* workDir, int devnull, int out,
                            int errPipe, const ChildLimits& l) {
    ::setpgid(0, 0);  // its own group: the timeout kills whatever it starts too
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    struct sigaction dfl {};
    dfl.sa_handler = SIG_DFL;
    for (int s = 1; s < NSIG; ++s)
        if (s != SIGKILL && s != SIGSTOP) ::sigaction(s, &dfl, nullptr);  // an ignored SIGPIPE is inherited
    ::dup2(devnull, 0);
    ::dup2(out, 1);
    ::dup2(out, 2);
    if (workDir && ::chdir(workDir) != 0) {
        const int e = errno;
        (void)!::write(errPipe, &e, sizeof e);
        ::_exit(127);
    }
#ifndef VT_ADDRESS_SANITIZER  // ASan reserves terabytes of shadow memory: any RLIMIT_AS kills it
    const rlimit as{static_cast<rlim_t>(l.addressSpaceBytes), static_cast<rlim_t>(l.addressSpaceBytes)};
    ::setrlimit(RLIMIT_AS, &as);
#endif
    const rlimit cpu{static_cast<rlim_t>(l.cpuSeconds), static_cast<rlim_t>(l.cpuSeconds + 1)};
    const rlimit fsize{static_cast<rlim_t>(l.fileSizeBytes), static_cast<rlim_t>(l.fileSizeBytes)};
    const rlimit files{static_cast<rlim_t>(l.openFiles), static_cast<rlim_t>(l.openFiles)};
    const rlimit zero{0, 0};
    ::setrlimit(RLIMIT_CPU, &cpu);
    ::setrlimit(RLIMIT_FSIZE, &fsize);
    ::setrlimit(RLIMIT_NOFILE, &files);
    ::setrlimit(RLIMIT_CORE, &zero);
    ::execve(argv[0], argv, envp);
    const int e = errno;
    (void)!::write(errPipe, &e, sizeof e);
    ::_exit(127);
}

void keepTail(std::string& out, const char* data, std::size_t n, std::size_t cap) {
    out.append(data, n);
    if (out.size() > 2 * cap) out.erase(0, out.size() - cap);
}

}  // namespace

std::string ChildResult::lastLines(int lines) const {
    std::size_t end = output.size();
    while (end > 0 && (output[end - 1] == '\n' || output[end - 1] == '\r')) --end;
    std::size_t start = end;
    for (int n = 0; start > 0; --start)
        if (output[start - 1] == '\n' && ++n == lines) break;
    return output.substr(start, end - start);
}

ChildResult runChild(const ChildSpec& spec) {
    ChildResult r;
    if (spec.argv.empty() || spec.argv[0].empty()) {
        r.startError = "no program given";
        return r;
    }
    // Everything the child needs is built before fork.
    std::vector<std::string> words = spec.argv, env = spec.env;
    std::vector<char*> argv, envp;
    for (std::string& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);
    for (std::string& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    const char* workDir = spec.workDir.empty() ? nullptr : spec.workDir.c_str();

    int devnull = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    int out[2] = {-1, -1}, err[2] = {-1, -1};
    if (devnull < 0 || ::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) {
        r.startError = std::string("pipe: ") + std::strerror(errno);
        closeFd(devnull);
        closeFd(out[0]);
        closeFd(out[1]);
        closeFd(err[0]);
        closeFd(err[1]);
        return r;
    }
    const auto started = Clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) execChild(argv.data(), envp.data(), workDir, devnull, out[1], err[1], spec.limits);
    const int forkErrno = errno;
    closeFd(devnull);
    closeFd(out[1]);
    closeFd(err[1]);
    if (pid < 0) {
        r.startError = std::string("fork: ") + std::strerror(forkErrno);
        closeFd(out[0]);
        closeFd(err[0]);
        return r;
    }
    ::setpgid(pid, pid);  // also here: no window in which a kill of the group misses it

    // exec closes the error pipe (CLOEXEC); a failed exec writes its errno first.
    int execErrno = 0;
    ssize_t got;
    do got = ::read(err[0], &execErrno, sizeof execErrno);
    while (got < 0 && errno == EINTR);
    closeFd(err[0]);
    r.started = got != static_cast<ssize_t>(sizeof execErrno);
    if (!r.started) r.startError = spec.argv[0] + ": " + std::strerror(execErrno);

    const auto deadline = started + std::chrono::seconds(spec.limits.timeoutSeconds);
    const auto msLeft = [&] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    };
    char buf[16384];
    while (out[0] >= 0) {
        const auto left = msLeft();
        if (left <= 0) {
            r.timedOut = true;
            break;
        }
        pollfd p{out[0], POLLIN, 0};
        const int ready = ::poll(&p, 1, static_cast<int>(left));
        if (ready < 0 && errno == EINTR) continue;
        if (ready < 0) break;
        if (ready == 0) continue;  // the deadline check above ends it
        const ssize_t n = ::read(out[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // EOF: every writer is gone
        keepTail(r.output, buf, static_cast<std::size_t>(n), spec.limits.outputBytes);
    }
    closeFd(out[0]);
    // The leader may close its output and still run: wait for it until the deadline too. WNOWAIT
    // keeps it a zombie, so its pid (the group's id) cannot be reused before the group is killed.
    while (!r.timedOut) {
        siginfo_t info{};
        if (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
            info.si_pid == pid)
            break;
        if (msLeft() <= 0)
            r.timedOut = true;
        else
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ::kill(-pid, SIGKILL);  // at the deadline, and whatever it left behind in its group
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    r.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    if (r.output.size() > spec.limits.outputBytes)
        r.output.erase(0, r.output.size() - spec.limits.outputBytes);
    if (r.timedOut) return r;
    if (WIFEXITED(status)) r.exitCode = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
    return r;
}

}  // namespace vt::console
