// vetrina: the kiosk runtime and its tools, one binary. See `vetrina help`.
#include "args.h"
#include "command_help.h"
#include "commands.h"

#include "core/config/config.h"
#include "core/store/database.h"

#include <cstdio>
#include <cstring>
#include <exception>

namespace {

struct Command {
    const char* name;
    int (*run)(int, char**);
    const char* usage;
};

const Command kCommands[] = {
    {"run", vt::cmdRun, "run [--config FILE] [--size WxH] [--windowed]    run the kiosk (the default)"},
    {"import", vt::cmdImport,
     "import --kind KIND --db DB [--source NAME] [--config FILE] FILE...   import content files"},
    {"list", vt::cmdList,
     "list albo|sheets|notices|alerts|events|offices|feedback --db DB [--at ISO-8601] [--config FILE] "
     "[--category CHIP] [--filter TEXT] --json"},
    {"shoot", vt::cmdShoot,
     "shoot --config FILE --screen home|albo|act:ID|maintenance|... [--size WxH] [--at ISO] [--language "
     "it|en] [--sync] --out F.png"},
    {"play", vt::cmdPlay,
     "play --config FILE --script FILE --out DIR [--size WxH] [--at ISO] [--sync]   a touch journey"},
    {"search", vt::cmdSearch,
     "search QUERY --db DB [--lang it|en] [--limit N] [--at ISO] [--as-you-type] --json   ranked results"},
    {"bench-search", vt::cmdBenchSearch,
     "bench-search --db NEW.db [--docs N] CATALOGUE.json...   search figures"},
    {"doctor", vt::cmdDoctor,
     "doctor [--config FILE] [--json]                  check display, fonts, store, disk, clock, sources"},
    {"pdf-render", vt::cmdPdfRender, nullptr},  // hidden: the PDF renderer's child process
    {"bench", vt::cmdBench,
     "bench [--acts N] [--out FILE.json] [--frames | --pdf | --alerts]   performance figures (per screen, "
     "PDF, alert latency)"},
    {"soak", vt::cmdSoak,
     "soak [--hours H] [--seed N] [--size WxH] [--out FILE.json]   the long run on a simulated clock"},
    {"sync", vt::cmdSync,
     "sync [--config FILE] --once [--json]            pull every source once, print what changed"},
    {"status", vt::cmdStatus,
     "status [--config FILE | --db DB] [--json]        cache revision, last sync, errors"},
    {"keygen", vt::cmdKeygen,
     "keygen --secret FILE --public FILE [--encrypt]   make a content signing key pair"},
    {"publish", vt::cmdPublish,
     "publish --content DIR --out DIR --key FILE [--revision N] [--expires-days N]   sign content"},
    {"trigger", vt::cmdTrigger,
     "trigger --key FILE --template ID (--area TEXT --hours N | --cancel ID) --out DIR   signed emergency "
     "trigger"},
    {"pin-hash", vt::cmdPinHash,
     "pin-hash < PIN                                   the config line for a maintenance PIN"},
};

void printHelp(FILE* to) {
    std::fprintf(to, "vetrina %s - touch kiosk and signage runtime for Italian municipalities\n\nUsage:\n",
                 VETRINA_VERSION);
    for (const auto& c : kCommands)
        if (c.usage) std::fprintf(to, "  vetrina %s\n", c.usage);
    std::fprintf(
        to,
        "\nWith no subcommand, `vetrina` runs the kiosk. The configuration is --config, else "
        "$VETRINA_CONFIG,\n"
        "else /etc/vetrina/vetrina.toml, else config/vetrina.toml.\n"
        "`vetrina COMMAND --help` (or `vetrina help COMMAND`) describes a command and all its options.\n"
        "\nTime: every command takes \"now\" from the kiosk's trusted clock (the board clock corrected by\n"
        "the servers, saved in the data folder's clock.json). --at only moves the instant looked at.\n"
        "What writes the store: run, sync, import, and shoot or play with --sync; list, search, status,\n"
        "doctor, shoot and play only read it.\n");
}

}  // namespace

int main(int argc, char** argv) {
    const bool helpWord = argc >= 2 && !std::strcmp(argv[1], "help");
    if (helpWord && argc >= 3) {  // vetrina help COMMAND
        if (const char* text = vt::commandHelp(argv[2])) return std::fputs(text, stdout), 0;
        std::fprintf(stderr, "vetrina: unknown command \"%s\"\n\n", argv[2]);
        printHelp(stderr);
        return 2;
    }
    if (helpWord || (argc >= 2 && (!std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")))) {
        printHelp(stdout);
        return 0;
    }
    if (argc >= 2 && vt::asksForHelp(argc, argv))  // vetrina COMMAND ... --help
        if (const char* text = vt::commandHelp(argv[1])) return std::fputs(text, stdout), 0;
    if (argc >= 2 && !std::strcmp(argv[1], "--version")) {
        std::printf("vetrina %s\n", VETRINA_VERSION);
        return 0;
    }
    try {
        if (argc < 2 || argv[1][0] == '-') return vt::cmdRun(argc, argv);
        for (const auto& c : kCommands)
            if (!std::strcmp(argv[1], c.name)) return c.run(argc, argv);
        std::fprintf(stderr, "vetrina: unknown command \"%s\"\n\n", argv[1]);
        printHelp(stderr);
        return 2;
    } catch (const vt::UsageError& e) {
        std::fprintf(stderr, "vetrina %s: %s\n", argc >= 2 ? argv[1] : "", e.what());
        if (argc >= 2 && vt::commandHelp(argv[1]))
            std::fprintf(stderr, "See `vetrina %s --help`.\n", argv[1]);
        return 2;
    } catch (const vt::ConfigError& e) {
        std::fprintf(stderr, "vetrina: configuration error: %s\n", e.what());
        return 1;
    } catch (const vt::StoreError& e) {
        std::fprintf(stderr, "vetrina: database error: %s\n", e.what());
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "vetrina: %s\n", e.what());
        return 1;
    }
}
