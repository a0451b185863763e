#include "platform/journal_sink.h"

#include <systemd/sd-journal.h>

#include <unistd.h>
#include <cstdlib>

namespace vt {

void writeLogToJournal(const LogRecord& r) {
    const std::string message = formatLogLine(LogRecord{r.level, "", r.message, r.suppressed});
    const int rc = sd_journal_send("MESSAGE=%s", message.c_str(), "PRIORITY=%d", logSyslogPriority(r.level),
                                   "SYSLOG_IDENTIFIER=vetrina", "VETRINA_KEY=%s", r.key.c_str(),
                                   "VETRINA_SUPPRESSED=%ld", r.suppressed, nullptr);
    if (rc < 0) writeLogToStderr(r);  // the journal refused it: keep the line
}

bool underSystemdJournal() {
    const char* stream = std::getenv("JOURNAL_STREAM");
    if (stream && *stream) return true;
    const char* invocation = std::getenv("INVOCATION_ID");
    return invocation && *invocation && !isatty(STDERR_FILENO);
}

bool installJournalSinkIfUnderSystemd() {
    // sd_journal_send() drops records silently when journald is absent (a container with
    // JOURNAL_STREAM inherited): then stderr is the better place.
    if (!underSystemdJournal() || access("/run/systemd/journal/socket", W_OK) != 0) return false;
    logger().setSink(writeLogToJournal);
    return true;
}

}  // namespace vt
