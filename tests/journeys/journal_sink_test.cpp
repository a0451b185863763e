// When the logger goes to the journal: under systemd (JOURNAL_STREAM, or INVOCATION_ID with a
// non-terminal stderr), and never otherwise.
#include "platform/journal_sink.h"

#include <catch2/catch.hpp>

#include <unistd.h>
#include <cstdlib>
#include <filesystem>

TEST_CASE("journal sink: chosen from the environment systemd sets", "[log][systemd]") {
    unsetenv("JOURNAL_STREAM");
    unsetenv("INVOCATION_ID");
    CHECK_FALSE(vt::underSystemdJournal());
    setenv("JOURNAL_STREAM", "8:12345", 1);
    CHECK(vt::underSystemdJournal());
    unsetenv("JOURNAL_STREAM");
    setenv("INVOCATION_ID", "0123456789abcdef0123456789abcdef", 1);
    CHECK(vt::underSystemdJournal() == !isatty(STDERR_FILENO));
    unsetenv("INVOCATION_ID");
    CHECK_FALSE(vt::installJournalSinkIfUnderSystemd());
}

TEST_CASE("journal sink: JOURNAL_STREAM without journald keeps stderr", "[log][systemd]") {
    if (std::filesystem::exists("/run/systemd/journal/socket")) {
        WARN("journald runs here: the case without it is not exercised");
        return;
    }
    // sd_journal_send() would drop the records silently: the sink must not be installed.
    setenv("JOURNAL_STREAM", "8:12345", 1);
    CHECK_FALSE(vt::installJournalSinkIfUnderSystemd());
    unsetenv("JOURNAL_STREAM");
}
