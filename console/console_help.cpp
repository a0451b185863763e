#include "console_help.h"

#include <cstring>

namespace vt::console {

namespace {

struct Help {
    const char* name;
    const char* text;
};

const Help kHelp[] = {
    {"init",
     "vetrina-console init --config FILE\n"
     "\n"
     "Creates the console's store in [console] data_dir and its first administrator. There is no\n"
     "default account: the administrator's name, then the password, are read from standard input,\n"
     "one line each (the password is not echoed on a terminal). It refuses a store that already has\n"
     "users.\n"
     "\n"
     "  --config FILE    the console's configuration (docs/CONSOLE.md)\n"},
    {"user add",
     "vetrina-console user add NAME --role editor|publisher|admin [--body ID] --config FILE\n"
     "\n"
     "Adds a user. The password is read from standard input, one line (at least 10 characters).\n"
     "Editors write drafts, publishers approve and publish them, administrators manage users.\n"
     "\n"
     "  NAME             1 to 64 of a-z 0-9 . _ -\n"
     "  --role ROLE      editor, publisher or admin\n"
     "  --body ID        the body (ente) whose content the user keeps, e.g. asl; empty: the town\n"
     "  --config FILE    the console's configuration\n"},
    {"token add",
     "vetrina-console token add NAME --config FILE\n"
     "\n"
     "Makes an API token for the user NAME and prints it as its last line. It is shown once: the\n"
     "store keeps only its SHA-256. Use it as `Authorization: Bearer TOKEN` on /api/v1/; it has the\n"
     "user's role.\n"
     "\n"
     "  --config FILE    the console's configuration\n"},
    {"serve",
     "vetrina-console serve --config FILE\n"
     "\n"
     "Runs the web console on [console] listen (127.0.0.1 only; nginx in front terminates TLS) until\n"
     "SIGTERM or SIGINT. It prints \"listening on http://127.0.0.1:PORT\" once it accepts requests\n"
     "(with listen = \"127.0.0.1:0\", the port the system chose). Pages: /login, /home, /drafts\n"
     "(notices and events: forms, the kiosk's preview, submit, approve), /revisions, /admin/users,\n"
     "/audit and /audit.csv; the JSON API under /api/v1/ (drafts, previews, revisions, audit:\n"
     "docs/CONSOLE.md). Approval publishes into [publish] out_dir signed with key_file; previews run\n"
     "[preview] vetrina. The board clock (VETRINA_BOARD_CLOCK=ISO pins it) gives \"now\" for\n"
     "sessions, lock-outs, publishing and the audit log.\n"
     "\n"
     "  --config FILE    the console's configuration\n"},
};

}  // namespace

const char* consoleCommandHelp(const char* name) {
    for (const auto& h : kHelp)
        if (!std::strcmp(h.name, name)) return h.text;
    return nullptr;
}

const char* consoleOverview() {
    return "vetrina-console - the town hall's web console for Vetrina kiosks\n"
           "\n"
           "Usage:\n"
           "  vetrina-console init --config FILE                 create the store and the first admin\n"
           "  vetrina-console user add NAME --role ROLE [--body ID] --config FILE   add a user\n"
           "  vetrina-console token add NAME --config FILE       make an API token for a user\n"
           "  vetrina-console serve --config FILE                run the console on 127.0.0.1\n"
           "\n"
           "Passwords are read from standard input, never from the command line.\n"
           "`vetrina-console COMMAND --help` describes a command and all its options.\n";
}

}  // namespace vt::console
