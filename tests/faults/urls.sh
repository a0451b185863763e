#!/usr/bin/env bash
# Issue 14, point 5 and the PIN parts of point 10, end to end against the real binary:
# a URL with credentials ("http://127.0.0.1:x@host/") for a source and for the fleet, a feed whose
# links and attachments are javascript:, data:, file:/// or disguised, and trivial PINs.
# Usage: tests/faults/urls.sh BUILD_DIR. Only 127.0.0.1; everything under a mktemp directory.
set -u
BUILD=$(cd "${1:?usage: $0 BUILD_DIR}" && pwd)
VETRINA="$BUILD/vetrina"
[ -x "$VETRINA" ] || { echo "no $VETRINA" >&2; exit 2; }
WORK=$(mktemp -d /tmp/vetrina-faults-urls.XXXXXX)
SERVER_PID=
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
export VETRINA_BOARD_CLOCK=2026-11-23T10:00:00+01:00  # never the day the script runs

tried=0
survived=0
report() {  # name, "" when it survived or why it failed
    tried=$((tried + 1))
    if [ -z "$2" ]; then
        survived=$((survived + 1))
        echo "FAULT $1: survived"
    else
        echo "FAULT $1: FAILED $2"
    fi
}

# A plain HTTP server on 127.0.0.1 that writes every request it gets (method, path, whether an
# Authorization header came) to requests.log: the faults below must not reach it.
mkdir -p "$WORK/www"
mkfifo "$WORK/port"
python3 - "$WORK/www" "$WORK/requests.log" >"$WORK/port" 2>/dev/null <<'PY' &
import http.server, os, sys
root, log = sys.argv[1], sys.argv[2]
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def note(self):
        with open(log, "a") as f:
            f.write("%s %s auth=%s\n" % (self.command, self.path, "Authorization" in self.headers))
    def answer(self, code, body):
        self.send_response(code)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def do_GET(self):
        self.note()
        p = os.path.join(root, self.path.split("?")[0].lstrip("/"))
        if os.path.isfile(p):
            self.answer(200, open(p, "rb").read())
        else:
            self.answer(404, b"not found\n")
    def do_HEAD(self):
        self.note()
        self.answer(200, b"")
    def do_POST(self):
        self.note()
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.answer(200, b"{}")
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
print(s.server_address[1], flush=True)
s.serve_forever()
PY
SERVER_PID=$!
read -r PORT <"$WORK/port"
BASE="http://127.0.0.1:$PORT"
touch "$WORK/requests.log"

# A real PDF on the kiosk's disk that no feed may make it copy or show.
SECRET="$WORK/segreto.pdf"
printf '%%PDF-1.4\n%% riservato %s\n%%%%EOF\n' "$WORK" >"$SECRET"

config() {  # dir, extra TOML
    mkdir -p "$1/data"
    printf '[paths]\ndata_dir = "%s/data"\n[sync]\nconnect_timeout_seconds = 1\ntimeout_seconds = 5\n%s' "$1" "$2" \
        >"$1/kiosk.toml"
}
requests() { grep -c "$1" "$WORK/requests.log"; }

# 1. A source URL with credentials: refused by the config check (sync, doctor), nothing fetched.
D="$WORK/source"
cp /dev/null "$WORK/requests.log"
printf '<rss version="2.0"><channel><title>x</title></channel></rss>\n' >"$WORK/www/travestito.xml"
config "$D" "[[source]]
name = \"albo\"
kind = \"albopop\"
url = \"http://127.0.0.1:x@127.0.0.1:$PORT/travestito.xml\"
"
out=$("$VETRINA" sync --config "$D/kiosk.toml" --once 2>&1); rc=$?
why=
if [ $rc -eq 0 ]; then why="sync accepted the URL: $out"
elif ! grep -q "user name or password" <<<"$out"; then why="refused without saying why: $out"
elif [ "$(requests travestito)" != 0 ]; then why="the server was contacted"; fi
report source-url-with-credentials "$why"

out=$("$VETRINA" doctor --config "$D/kiosk.toml" 2>&1); rc=$?
why=
if [ $rc -eq 0 ]; then why="doctor found nothing wrong"
elif [ "$(requests travestito)" != 0 ]; then why="doctor contacted the server"; fi
report doctor-url-with-credentials "$why"

# 2. The fleet URL with credentials: the bearer token never leaves.
D="$WORK/fleet"
cp /dev/null "$WORK/requests.log"
config "$D" "[fleet]
url = \"http://127.0.0.1:x@127.0.0.1:$PORT/fleet\"
token = \"token-segreto\"
"
out=$("$VETRINA" sync --config "$D/kiosk.toml" --once 2>&1); rc=$?
why=
if [ $rc -eq 0 ]; then why="the config was accepted: $out"
elif ! grep -q "fleet.url" <<<"$out"; then why="refused without naming fleet.url: $out"
elif grep -q "auth=True" "$WORK/requests.log"; then why="the token was sent"; fi
report fleet-url-with-credentials "$why"

# 3. A remote feed whose links are javascript:/data:/file:/disguised: the acts import, the bad
#    links are dropped and reported, nothing is fetched through them, no local file is copied.
D="$WORK/feed"
cp /dev/null "$WORK/requests.log"
printf '%%PDF-1.4\n%% pubblico\n%%%%EOF\n' >"$WORK/www/buono.pdf"
item() {  # uid, link, enclosure url
    printf '<item><title>Atto %s</title><link>%s</link>' "$1" "$2"
    printf '<category domain="http://albopop.it/specs#item-category-uid">%s</category>' "$1"
    printf '<category domain="http://albopop.it/specs#item-category-pubStart">20/11/2026</category>'
    printf '<category domain="http://albopop.it/specs#item-category-pubEnd">10/12/2026</category>'
    printf '<enclosure url="%s" type="application/pdf" length="0"/></item>\n' "$3"
}
{
    printf '<?xml version="1.0"?><rss version="2.0"><channel><title>AlboPOP - Comune - Prova</title>'
    printf '<link>https://albo.example/</link><description>d</description>\n'
    item 2026/1 "javascript:alert(1)" "file://$SECRET"
    item 2026/2 "data:text/html,ciao" "$SECRET"
    item 2026/3 "http://127.0.0.1:x@evil.example/atto" "http://127.0.0.1:x@127.0.0.1:$PORT/buono.pdf"
    item 2026/4 "https://albo.example/atti/4" "data:application/pdf;base64,JVBERi0xLjQK"
    item 2026/5 "https://albo.example/atti/5" "$BASE/buono.pdf"
    printf '</channel></rss>\n'
} >"$WORK/www/albo.xml"
config "$D" "[[source]]
name = \"albo\"
kind = \"albopop\"
url = \"$BASE/albo.xml\"
"
out=$("$VETRINA" sync --config "$D/kiosk.toml" --once 2>&1); rc=$?
listing=$("$VETRINA" list albo --db "$D/data/vetrina.db" --json 2>&1)
secret_sum=$(sha256sum "$SECRET" | cut -d' ' -f1)
why=
if [ $rc -ne 0 ]; then why="the sync failed: $out"
elif [ "$(grep -o '"uid"' <<<"$listing" | wc -l)" != 5 ]; then why="not every act imported: $listing"
elif [ -e "$D/data/attachments/$secret_sum.pdf" ]; then why="the kiosk copied a local file named by the feed"
elif grep -q "$WORK/segreto.pdf\|file://" <<<"$listing"; then why="a local path is stored: $listing"; fi
report feed-file-enclosure "$why"
why=
if grep -q 'javascript:\|data:' <<<"$listing"; then why="javascript:/data: link stored and shown"; fi
report feed-javascript-data-links "$why"
why=
if grep -q '@' <<<"$listing"; then why="a link with credentials is stored"
elif [ "$(grep -c 'GET /buono.pdf' "$WORK/requests.log")" != 1 ]; then
    why="buono.pdf fetched $(grep -c 'GET /buono.pdf' "$WORK/requests.log") times (1 expected, https/loopback only)"
elif [ ! -s "$D/data/attachments/$(sha256sum "$WORK/www/buono.pdf" | cut -d' ' -f1).pdf" ]; then
    why="the good attachment was not downloaded"; fi
report feed-disguised-attachment "$why"

# 4. Trivial PINs: pin-hash refuses them and prints no hash; a real PIN still works.
for pin in 000000 123456 654321 121212; do
    out=$(echo "$pin" | "$VETRINA" pin-hash 2>&1); rc=$?
    why=
    if [ $rc -eq 0 ] || grep -q pin_hash <<<"$out"; then why="accepted"; fi
    report "pin-hash-trivial-$pin" "$why"
done
out=$(echo 905172 | "$VETRINA" pin-hash 2>&1); rc=$?
why=
[ $rc -eq 0 ] && grep -q 'pin_hash = "\$argon2id' <<<"$out" || why="a sound PIN is refused: $out"
report pin-hash-sound-pin "$why"

# 5. Wrong PINs and a restart: the kiosk (real `vetrina play` processes on one data directory)
#    must not give new attempts after a restart.
D="$WORK/pin"
hash=$(echo 905172 | "$VETRINA" pin-hash 2>/dev/null | sed -n 's/^pin_hash = "\(.*\)"$/\1/p')
config "$D" "[display]
diagonal_inches = 32
[maintenance]
pin_hash = \"$hash\"
"
wrong='tap "1"
tap "1"
tap "2"
tap "2"
tap "3"
tap "9"
tap "OK"'
{
    echo 'hold 20 20 6s'
    for _ in 1 2 3 4 5; do echo "$wrong"; done
    echo 'expect "Troppi tentativi"'
} >"$D/first.play"
printf 'hold 20 20 6s\nexpect "Troppi tentativi"\n' >"$D/restart.play"
for n in 9 0 5 1 7 2; do echo "tap \"$n\""; done >>"$D/restart.play"
printf 'tap "OK"\nexpect-not "Versione"\n' >>"$D/restart.play"
why=
if [ -z "$hash" ]; then why="no hash for a sound PIN"
elif ! out=$("$VETRINA" play --config "$D/kiosk.toml" --script "$D/first.play" --out "$D/out1" --size 540x960 2>&1); then
    why="five wrong PINs did not lock: $(grep -m1 "play:[0-9]" <<<"$out")"
elif ! out=$("$VETRINA" play --config "$D/kiosk.toml" --script "$D/restart.play" --out "$D/out2" --size 540x960 2>&1); then
    why="a restart gave new attempts: $(grep -m1 "play:[0-9]" <<<"$out")"; fi
report pin-lockout-across-restart "$why"

echo "faults tried $tried, survived $survived"
[ "$tried" -eq "$survived" ]
