#include "command_help.h"

#include <cstring>

namespace vt {

namespace {

struct Help {
    const char* name;
    const char* text;
};

// One entry per public command: what it is for, then every option it accepts (the lists in
// each command's allowOnly), so that `vetrina COMMAND --help` is the whole reference.
const Help kHelp[] = {
    {"run",
     "vetrina run [--config FILE] [--size WxH] [--windowed] [--data-dir DIR]\n"
     "\n"
     "Runs the kiosk: shows what is cached at once, syncs the sources on its own thread, full\n"
     "screen on the display SDL finds (KMSDRM or Wayland under cage). This is also what `vetrina`\n"
     "with no command does.\n"
     "\n"
     "  --config FILE    the configuration (else $VETRINA_CONFIG, /etc/vetrina/vetrina.toml,\n"
     "                   config/vetrina.toml)\n"
     "  --size WxH       window size instead of the configured display size\n"
     "  --windowed       a window instead of full screen (development)\n"
     "  --data-dir DIR   the cache folder instead of [paths] data_dir\n"
     "  --headless       no display: draw into memory (used by `vetrina bench`)\n"
     "  --run-seconds N, --exit-after-first-frame, --print-alerts\n"
     "                   used by `vetrina bench` to time start-up and alerts\n"},
    {"import",
     "vetrina import --kind KIND --db DB [--source NAME] [--config FILE] [--allow-shrink] [--quiet]\n"
     "               FILE...\n"
     "\n"
     "Imports content files into a store, as the sync would, and reports every item it could not\n"
     "use with file, line and reason. What was stored before stays when a file is bad, and when it\n"
     "would throw cached content away: no usable item, more items rejected than usable, no items\n"
     "at all, or under half of 10 or more cached items (exit 1, the cache unchanged). A source\n"
     "that is really empty says \"vetrina:empty\" (docs/OPERATIONS.md).\n"
     "It writes the store, at the kiosk's clock (the trusted clock saved in the store's folder,\n"
     "clock.json): acts whose window ended are purged and expired alerts dropped by that clock.\n"
     "There is no --at; VETRINA_BOARD_CLOCK=ISO pins the board clock (tests, demos).\n"
     "\n"
     "  --kind KIND      albopop, albopop-json, wp-albo, mapped (albo feeds); sheets, servizi-gov,\n"
     "                   jsonld, synonyms (service sheets and search); notices, news, cap,\n"
     "                   cap-template, alert-trigger, ical, offices (signage)\n"
     "  --db DB          the SQLite store (created when missing)\n"
     "  --source NAME    the source name stored with the content (default: the file name);\n"
     "                   with --config, the [[source]] whose options apply (max_window_days,\n"
     "                   the [source.mapping] that kind mapped needs)\n"
     "  --allow-shrink   accept a file with under half of the cached items (still refused: no\n"
     "                   usable item, or more rejected than usable)\n"
     "  --quiet          no per-item report, only errors\n"},
    {"list",
     "vetrina list albo|sheets|notices|alerts|events|offices|feedback --db DB [--at ISO] [--config FILE] "
     "[--json]\n"
     "\n"
     "Prints what the kiosk would show at an instant: the acts in their window, the notices and\n"
     "events of the day, the alerts for the kiosk's area, the offices open now, the feedback counts.\n"
     "It only reads the store.\n"
     "\n"
     "  --db DB          the store\n"
     "  --at ISO         the instant looked at (default: the kiosk's trusted clock, clock.json)\n"
     "  --config FILE    the kiosk's area for alerts, its language, the patron saint's holiday\n"
     "  --category CHIP  albo only: one filter chip (delibere, determinazioni, ordinanze, avvisi,\n"
     "                   concorsi, matrimoni, altro)\n"
     "  --filter TEXT    albo only: the text filter of the albo screen\n"
     "  --lang it|en     the content language\n"
     "  --json           JSON instead of text\n"},
    {"shoot",
     "vetrina shoot --config FILE --screen SCREEN --out FILE.png [--size WxH] [--at ISO] [--language it|en] "
     "[--sync]\n"
     "\n"
     "Renders one screen headless (software renderer) into a PNG from what the store holds. It only\n"
     "reads the store (a live kiosk's data folder is left as it was) unless --sync asks for a sync.\n"
     "\n"
     "  --screen SCREEN  home, albo, albo:CHIP, act:ID, pdf:ACT[:PAGE], services, sheets:event:CODE,\n"
     "                   sheet:ID, search, search:QUERY, notices, notice:ID, events, event:ID,\n"
     "                   offices, office:UID, attract, alert, maintenance\n"
     "  --size WxH       e.g. 1080x1920 (portrait) or 1920x1080 (landscape)\n"
     "  --at ISO         the instant looked at (publication windows, opening hours, clock);\n"
     "                   default: the kiosk's trusted clock. It never changes what is written.\n"
     "  --language it|en the interface language\n"
     "  --sync           first pull every source once, as `vetrina sync --once` (this writes the\n"
     "                   store, at the kiosk's clock, not at --at)\n"
     "  --cached         the default (no sync); kept for old scripts\n"
     "  --data-dir DIR   the cache folder instead of [paths] data_dir\n"},
    {"play",
     "vetrina play --config FILE --script FILE --out DIR [--size WxH] [--at ISO] [--sync] [--data-dir DIR]\n"
     "\n"
     "Plays a touch journey headless (taps by label or point, drags, typing, waits, shots) and\n"
     "writes the screenshots the script asks for into DIR. See demo/*.play and docs/TESTING.md.\n"
     "It only reads the store (feedback tapped in the journey is not recorded) unless --sync.\n"
     "\n"
     "  --at ISO         the instant the journey starts at (default: the kiosk's trusted clock)\n"
     "  --sync           first pull every source once, as `vetrina sync --once` (this writes the\n"
     "                   store, at the kiosk's clock, not at --at)\n"
     "  --size WxH       e.g. 1080x1920 (portrait) or 1920x1080 (landscape)\n"
     "  --data-dir DIR   the cache folder instead of [paths] data_dir\n"},
    {"search",
     "vetrina search QUERY --db DB [--lang it|en] [--limit N] [--at ISO] [--as-you-type] [--json]\n"
     "\n"
     "Runs the kiosk's search engine on a store: results grouped by kind, ranked, with snippets and\n"
     "\"Forse cercavi\" suggestions. It only reads the store: unlike the kiosk, it does not record\n"
     "searches that found nothing.\n"
     "\n"
     "  --at ISO         the instant looked at (which acts and notices are current); default: the\n"
     "                   kiosk's trusted clock\n"
     "  --lang it|en     the content language\n"
     "  --json           JSON instead of text\n"
     "  --as-you-type    the query as typed on the keyboard (the last word is a prefix)\n"
     "  --limit N        results per group\n"},
    {"bench-search",
     "vetrina bench-search --db NEW.db [--docs N] CATALOGUE.json...\n"
     "\n"
     "Builds a search index of N documents from catalogues and prints query times (p50, p99).\n"},
    {"doctor",
     "vetrina doctor [--config FILE] [--json]\n"
     "\n"
     "Checks what makes a kiosk blank or stale: display, fonts, database, disk, clock, and that\n"
     "every configured source answers. One line per check in Italian and English; exit status 1\n"
     "on any error (warnings alone exit 0).\n"},
    {"bench",
     "vetrina bench [--acts N] [--runs N] [--size WxH] [--static-seconds N] [--out FILE.json]\n"
     "vetrina bench --frames [--frames-per-screen N] [--acts N] [--out FILE.json]\n"
     "vetrina bench --pdf [--pages N] [--runs N] [--page-width PX] [--out FILE.json]\n"
     "vetrina bench --alerts [--runs N] [--poll-seconds N] [--size WxH] [--out FILE.json]\n"
     "\n"
     "Performance figures on deterministic data, as JSON and a table (docs/PERFORMANCE.md):\n"
     "start to first frame and memory with N acts cached, frames on a static screen, import\n"
     "throughput, a full and a no-change sync of the N acts over HTTP on 127.0.0.1;\n"
     "--frames: UI and software-render time per screen; --pdf: first page and page turn of a\n"
     "generated PDF; --alerts: from an alert on the server to the takeover on screen.\n"},
    {"soak",
     "vetrina soak [--hours H] [--seed N] [--start ISO] [--size WxH] [--warmup-hours H]\n"
     "             [--raster-every N] [--keep DIR] [--out FILE.json]\n"
     "\n"
     "The long run: the kiosk headless on a simulated clock (24 hours by default) with random\n"
     "visitors, syncs of changing content every few minutes, alerts issued and cancelled, idle\n"
     "resets, the attract loop and the sleep hours. Resident memory is sampled every 10 simulated\n"
     "minutes; exit status 1 when it grew by 2 MB or more after the warm-up.\n"
     "\n"
     "  --warmup-hours H memory baseline taken after H hours (default 2, or a quarter of the run)\n"
     "  --raster-every N rasterise one frame in N (software renderer), like a real screen would\n"
     "  --keep DIR       run in DIR and keep it (feeds, store) instead of a temporary folder\n"},
    {"sync",
     "vetrina sync [--config FILE] [--once] [--json]\n"
     "\n"
     "Pulls every configured source (signed content, albo feeds, CAP alerts, calendars) into the\n"
     "kiosk's store and prints what changed. Without --once it keeps syncing at the poll intervals\n"
     "until SIGINT or SIGTERM. It runs on the kiosk's trusted time (<data>/clock.json, corrected by\n"
     "the servers' Date headers), so a board with a wrong clock purges and shows what the kiosk would.\n"
     "One server's Date never corrects it alone: a correction needs the signed manifest's answer\n"
     "(Date inside its signed window) or two hosts agreeing; until then status says it is unconfirmed\n"
     "and nothing is purged by it. Acts purged by a clock later found wrong come back from the cache.\n"},
    {"status",
     "vetrina status [--config FILE | --db DB] [--json]\n"
     "\n"
     "The content revision, the last sync of each source with its errors, and the counts, read\n"
     "from the store the kiosk uses, at the kiosk's trusted clock. It changes nothing; to say whether\n"
     "the kiosk can save (\"memoria piena\", read-only, store locked) it writes and removes a small\n"
     "probe file in the data folder and waits up to 1.5 s for the store's write lock.\n"},
    {"keygen",
     "vetrina keygen --secret FILE --public FILE [--encrypt [--password-stdin]] [--force]\n"
     "\n"
     "Makes a minisign-compatible key pair for signing content. The public key goes in the kiosk's\n"
     "[[source]] public_keys; the secret key stays with the staff (--encrypt: protected by a\n"
     "password, asked on the terminal or read from standard input).\n"},
    {"publish",
     "vetrina publish --content DIR --out DIR --key FILE [--revision N] [--expires-days N] "
     "[--password-stdin] [--quiet]\n"
     "\n"
     "Checks the content folder (every sheet, notice, calendar and template, with file and line for\n"
     "each problem), then writes the signed manifest and the files to upload where the kiosks'\n"
     "source points. Nothing is written when a file is wrong.\n"},
    {"trigger",
     "vetrina trigger --key FILE --template ID --area TEXT (--expires ISO | --hours N) --out DIR\n"
     "                [--text TEXT] [--identifier ID] [--status Actual|Exercise|Test] [--name FILE]\n"
     "vetrina trigger --key FILE --template ID --cancel IDENTIFIER --out DIR\n"
     "\n"
     "Writes a signed emergency trigger (a few hundred bytes) that makes the kiosks show one of their\n"
     "pre-installed alert templates, or cancels it. Upload DIR/trigger.json and its .minisig where\n"
     "the kiosks' alert-trigger source points.\n"},
    {"pin-hash",
     "vetrina pin-hash < PIN\n"
     "\n"
     "Reads a maintenance PIN (6 to 12 digits) from standard input and prints the line to put in\n"
     "the [maintenance] section of the configuration (an Argon2id hash; the PIN is never stored).\n"
     "Trivial PINs are refused: one digit repeated, a repeated block (121212), a run (123456,\n"
     "987654) or a common keypad pattern.\n"},
};

}  // namespace

const char* commandHelp(const char* name) {
    for (const Help& h : kHelp)
        if (!std::strcmp(h.name, name)) return h.text;
    return nullptr;
}

bool asksForHelp(int argc, char** argv) {
    for (int i = 2; i < argc; ++i)
        if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")) return true;
    return false;
}

}  // namespace vt
