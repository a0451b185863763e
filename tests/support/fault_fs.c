/* An LD_PRELOAD shim that makes the file system under one directory fail, once a trigger file
 * exists: disk full (ENOSPC) or read-only (EROFS), as a real kiosk meets them, without root's
 * privileges over chmod getting in the way and without mounts (CI may not allow them).
 *
 *   VETRINA_FAULT_FS_DIR      the directory whose files fail (an absolute, resolved path)
 *   VETRINA_FAULT_FS_TRIGGER  a file outside it: while it exists, the fault is on; its first word
 *                             is the fault, "ENOSPC" (default) or "EROFS"
 *
 * Failing calls: write, pwrite, writev, fsync, fdatasync, ftruncate, mkdir of a new directory, and
 * with EROFS also opening for writing, rename and unlink. Reads work. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static int real_open(const char* path, int flags, mode_t mode) {
    static int (*next)(const char*, int, ...) = 0;
    if (!next) next = (int (*)(const char*, int, ...))dlsym(RTLD_NEXT, "open");
    return next(path, flags, mode);
}

/* 0 when the fault is off, else the errno to fail with. */
static int fault_errno(void) {
    const char* trigger = getenv("VETRINA_FAULT_FS_TRIGGER");
    if (!trigger || !*trigger) return 0;
    const int saved = errno;
    const int fd = real_open(trigger, O_RDONLY | O_CLOEXEC, 0);
    if (fd < 0) {
        errno = saved;
        return 0;
    }
    char word[16] = {0};
    const ssize_t n = read(fd, word, sizeof word - 1);
    close(fd);
    errno = saved;
    if (n > 0 && strncmp(word, "EROFS", 5) == 0) return EROFS;
    return ENOSPC;
}

static int under_dir(const char* path) {
    const char* dir = getenv("VETRINA_FAULT_FS_DIR");
    if (!dir || !*dir || !path) return 0;
    char full[4096];
    if (path[0] != '/') {
        if (!getcwd(full, sizeof full)) return 0;
        const size_t len = strlen(full);
        snprintf(full + len, sizeof full - len, "/%s", path);
        path = full;
    }
    const size_t d = strlen(dir);
    return strncmp(path, dir, d) == 0 && (path[d] == '/' || path[d] == 0);
}

static int fd_under_dir(int fd) {
    char link[64], target[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    const int saved = errno;
    const ssize_t n = readlink(link, target, sizeof target - 1);
    errno = saved;
    if (n <= 0) return 0;
    target[n] = 0;
    return under_dir(target);
}

/* The errno for a call on `fd`, or 0 to let it through. */
static int fd_fault(int fd) {
    const int e = fault_errno();
    return e && fd_under_dir(fd) ? e : 0;
}

static int path_fault(const char* path) {
    const int e = fault_errno();
    return e && under_dir(path) ? e : 0;
}

static int open_fault(const char* path, int flags) {
    if (!(flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC))) return 0;
    const int e = path_fault(path);
    /* A full disk still opens and creates files (the directory has room for a name); writing
     * their data is what fails. */
    return e == EROFS ? e : 0;
}

#define FAIL_WITH(e) \
    do {             \
        errno = (e); \
        return -1;   \
    } while (0)

int open(const char* path, int flags, ...) {
    mode_t mode = 0;
    if (flags & (O_CREAT | O_TMPFILE)) {
        va_list ap;
        va_start(ap, flags);
        mode = (mode_t)va_arg(ap, int);
        va_end(ap);
    }
    const int e = open_fault(path, flags);
    if (e) FAIL_WITH(e);
    return real_open(path, flags, mode);
}

int open64(const char* path, int flags, ...) {
    mode_t mode = 0;
    if (flags & (O_CREAT | O_TMPFILE)) {
        va_list ap;
        va_start(ap, flags);
        mode = (mode_t)va_arg(ap, int);
        va_end(ap);
    }
    const int e = open_fault(path, flags);
    if (e) FAIL_WITH(e);
    return real_open(path, flags, mode);
}

int openat(int dirfd, const char* path, int flags, ...) {
    static int (*next)(int, const char*, int, ...) = 0;
    if (!next) next = (int (*)(int, const char*, int, ...))dlsym(RTLD_NEXT, "openat");
    mode_t mode = 0;
    if (flags & (O_CREAT | O_TMPFILE)) {
        va_list ap;
        va_start(ap, flags);
        mode = (mode_t)va_arg(ap, int);
        va_end(ap);
    }
    if (dirfd == AT_FDCWD || path[0] == '/') {
        const int e = open_fault(path, flags);
        if (e) FAIL_WITH(e);
    }
    return next(dirfd, path, flags, mode);
}

ssize_t write(int fd, const void* buf, size_t n) {
    static ssize_t (*next)(int, const void*, size_t) = 0;
    if (!next) next = (ssize_t(*)(int, const void*, size_t))dlsym(RTLD_NEXT, "write");
    if (fd > 2) {
        const int e = fd_fault(fd);
        if (e) FAIL_WITH(e);
    }
    return next(fd, buf, n);
}

ssize_t pwrite(int fd, const void* buf, size_t n, off_t off) {
    static ssize_t (*next)(int, const void*, size_t, off_t) = 0;
    if (!next) next = (ssize_t(*)(int, const void*, size_t, off_t))dlsym(RTLD_NEXT, "pwrite");
    const int e = fd_fault(fd);
    if (e) FAIL_WITH(e);
    return next(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void* buf, size_t n, off64_t off) {
    static ssize_t (*next)(int, const void*, size_t, off64_t) = 0;
    if (!next) next = (ssize_t(*)(int, const void*, size_t, off64_t))dlsym(RTLD_NEXT, "pwrite64");
    const int e = fd_fault(fd);
    if (e) FAIL_WITH(e);
    return next(fd, buf, n, off);
}

ssize_t writev(int fd, const struct iovec* iov, int count) {
    static ssize_t (*next)(int, const struct iovec*, int) = 0;
    if (!next) next = (ssize_t(*)(int, const struct iovec*, int))dlsym(RTLD_NEXT, "writev");
    if (fd > 2) {
        const int e = fd_fault(fd);
        if (e) FAIL_WITH(e);
    }
    return next(fd, iov, count);
}

int fsync(int fd) {
    static int (*next)(int) = 0;
    if (!next) next = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
    const int e = fd_fault(fd);
    if (e) FAIL_WITH(e);
    return next(fd);
}

int fdatasync(int fd) {
    static int (*next)(int) = 0;
    if (!next) next = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
    const int e = fd_fault(fd);
    if (e) FAIL_WITH(e);
    return next(fd);
}

int ftruncate(int fd, off_t len) {
    static int (*next)(int, off_t) = 0;
    if (!next) next = (int (*)(int, off_t))dlsym(RTLD_NEXT, "ftruncate");
    const int e = fd_fault(fd);
    if (e) FAIL_WITH(e);
    return next(fd, len);
}

int ftruncate64(int fd, off64_t len) {
    static int (*next)(int, off64_t) = 0;
    if (!next) next = (int (*)(int, off64_t))dlsym(RTLD_NEXT, "ftruncate64");
    const int e = fd_fault(fd);
    if (e) FAIL_WITH(e);
    return next(fd, len);
}

int mkdir(const char* path, mode_t mode) {
    static int (*next)(const char*, mode_t) = 0;
    if (!next) next = (int (*)(const char*, mode_t))dlsym(RTLD_NEXT, "mkdir");
    struct stat st;
    const int e = path_fault(path);
    if (e && stat(path, &st) != 0) FAIL_WITH(e);
    return next(path, mode);
}

int rename(const char* from, const char* to) {
    static int (*next)(const char*, const char*) = 0;
    if (!next) next = (int (*)(const char*, const char*))dlsym(RTLD_NEXT, "rename");
    const int e = path_fault(to);
    if (e == EROFS) FAIL_WITH(e);
    return next(from, to);
}

int unlink(const char* path) {
    static int (*next)(const char*) = 0;
    if (!next) next = (int (*)(const char*))dlsym(RTLD_NEXT, "unlink");
    const int e = path_fault(path);
    if (e == EROFS) FAIL_WITH(e);
    return next(path);
}
