#include "core/storage/write_health.h"

#include <sqlite3.h>

#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace vt {

namespace {

bool contains(const std::string& s, const char* what) {
    return s.find(what) != std::string::npos;
}

WriteHealth fromErrno(int err) {
    WriteHealth h;
    h.detail = std::strerror(err);
    if (err == ENOSPC || err == EDQUOT)
        h.problem = WriteProblem::Full;
    else if (err == EROFS || err == EACCES || err == EPERM)
        h.problem = WriteProblem::ReadOnly;
    else
        h.problem = WriteProblem::Other;
    return h;
}

}  // namespace

std::string WriteHealth::it() const {
    switch (problem) {
        case WriteProblem::None:
            return "";
        case WriteProblem::Full:
            return "memoria piena: i dati non si possono salvare";
        case WriteProblem::ReadOnly:
            return "memoria in sola lettura: i dati non si possono salvare";
        case WriteProblem::Locked:
            return "archivio bloccato da un altro processo";
        case WriteProblem::Other:
            return "impossibile salvare i dati";
    }
    return "";
}

std::string WriteHealth::en() const {
    switch (problem) {
        case WriteProblem::None:
            return "";
        case WriteProblem::Full:
            return "disk full: the data cannot be saved";
        case WriteProblem::ReadOnly:
            return "read-only storage: the data cannot be saved";
        case WriteProblem::Locked:
            return "store locked by another process";
        case WriteProblem::Other:
            return "cannot save the data";
    }
    return "";
}

std::string WriteHealth::describe() const {
    if (ok()) return "";
    std::string out = it();
    out += " / ";
    out += en();
    if (!detail.empty()) {
        out += " (";
        out += detail;
        out += ")";
    }
    return out;
}

WriteHealth classifyWriteError(const std::string& message) {
    WriteHealth h;
    h.detail = message;
    if (contains(message, "disk is full") || contains(message, "No space left") ||
        contains(message, "quota exceeded"))
        h.problem = WriteProblem::Full;
    else if (contains(message, "readonly database") || contains(message, "Read-only file system") ||
             contains(message, "Permission denied"))
        h.problem = WriteProblem::ReadOnly;
    else if (contains(message, "database is locked") || contains(message, "database table is locked"))
        h.problem = WriteProblem::Locked;
    else
        h.problem = WriteProblem::Other;
    return h;
}

WriteHealth probeDataDir(const std::string& dataDir) {
    const std::string probe = dataDir + "/.write-probe";
    const int fd = ::open(probe.c_str(), O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return fromErrno(errno);
    // One page written and synced: a full disk can still create an empty file.
    char page[4096] = {};
    int err = 0;
    if (::write(fd, page, sizeof page) != static_cast<ssize_t>(sizeof page))
        err = errno ? errno : ENOSPC;
    else if (::fsync(fd) != 0)
        err = errno;
    ::close(fd);
    ::unlink(probe.c_str());
    if (err) return fromErrno(err);
    struct statvfs vfs {};
    if (::statvfs(dataDir.c_str(), &vfs) == 0 && vfs.f_bavail == 0) {
        WriteHealth h;
        h.problem = WriteProblem::Full;
        h.detail = "0 bytes free";
        return h;
    }
    return {};
}

WriteHealth probeStoreLock(const std::string& dbPath, int timeoutMs) {
    sqlite3* db = nullptr;
    WriteHealth h;
    if (sqlite3_open_v2(dbPath.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(db, timeoutMs);
        const int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        if (rc == SQLITE_OK)
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        else if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
            h = classifyWriteError(sqlite3_errmsg(db));
    }
    sqlite3_close(db);
    return h;
}

WriteHealth diagnoseWriteFailure(const std::string& dataDir, const std::string& message) {
    const WriteHealth said = classifyWriteError(message);
    if (said.problem == WriteProblem::Locked) return said;
    WriteHealth probed = probeDataDir(dataDir);
    if (!probed.ok()) return probed;
    return said;
}

}  // namespace vt
