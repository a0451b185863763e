// Sends the core logger's records to the systemd journal with structured fields when the
// kiosk runs under systemd; leaves stderr otherwise.
#pragma once

#include "core/log/log.h"

namespace vt {

// PRIORITY, MESSAGE, SYSLOG_IDENTIFIER=vetrina, VETRINA_KEY, VETRINA_SUPPRESSED.
void writeLogToJournal(const LogRecord& r);
// True when stderr goes to the journal: $JOURNAL_STREAM is set, or stderr is not a terminal
// and systemd started us ($INVOCATION_ID).
bool underSystemdJournal();
// Installs the journal sink when underSystemdJournal() and journald's socket is there;
// returns whether it did.
bool installJournalSinkIfUnderSystemd();

}  // namespace vt
