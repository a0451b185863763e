#!/usr/bin/env bash
# Issue 14, parsers: hostile inputs against the real `vetrina` binary, on 127.0.0.1 only.
# Usage: tests/faults/parsers.sh BUILD_DIR
# Prints "FAULT <name>: survived" or "FAULT <name>: FAILED <why>" per fault, then
# "faults tried N, survived M"; exits non-zero if any failed.
set -u
BUILD=$(cd "${1:?usage: parsers.sh BUILD_DIR}" && pwd)
VETRINA="$BUILD/vetrina"
SRC=$(cd "$(dirname "$0")/../.." && pwd)
[ -x "$VETRINA" ] || { echo "parsers.sh: no $VETRINA" >&2; exit 2; }
WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
export VETRINA_BOARD_CLOCK=2026-11-23T10:00:00+01:00  # what is imported never depends on the day
export SDL_VIDEODRIVER=dummy
tried=0
survived=0
report() {  # NAME, then empty for survived or the reason it failed
  tried=$((tried + 1))
  if [ -z "$2" ]; then
    survived=$((survived + 1))
    echo "FAULT $1: survived"
  else
    echo "FAULT $1: FAILED $2"
  fi
}
# A command's exit status, in words when a signal ended it.
status_of() {
  local rc=$1
  if [ "$rc" -gt 128 ]; then echo "killed by signal $((rc - 128)) (exit $rc)"; else echo "exit $rc"; fi
}
# import KIND FILE: expects exit 1 and the message on stderr.
expect_refused() {
  local name=$1 kind=$2 file=$3 message=$4 rc
  "$VETRINA" import --kind "$kind" --db "$WORK/$name.db" "$file" >"$WORK/$name.out" 2>"$WORK/$name.err"
  rc=$?
  if [ "$rc" -ne 1 ]; then
    report "$name" "$(status_of $rc), expected 1"
  elif ! grep -qF -- "$message" "$WORK/$name.err"; then
    report "$name" "no \"$message\" in: $(head -c 300 "$WORK/$name.err")"
  else
    report "$name" ""
  fi
}

python3 - "$WORK" <<'EOF'
import sys
w = sys.argv[1]
n = 200000
open(w + "/deep-array.json", "w").write("[" * 50000 + "]" * 50000 + "\n")
open(w + "/deep-catalogue.json", "w").write('[{"publicService":{"name":"x","d":' + "[" * n + "]" * n + "}}]\n")
open(w + "/deep-rss.xml", "w").write("<rss><channel><title>t</title><item><title>" + "<b>" * n + "x" +
                                     "</b>" * n + "</title></item></channel></rss>\n")
open(w + "/deep-cap.xml", "w").write('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>i'
                                     "</identifier>" + "<info>" * n + "</info>" * n + "</alert>\n")
open(w + "/deep.ics", "w").write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\n"
                                 "SUMMARY:s\r\nDTSTART:20260101T100000Z\r\n" + "BEGIN:VALARM\r\n" * n +
                                 "END:VALARM\r\n" * n + "END:VEVENT\r\nEND:VCALENDAR\r\n")
open(w + "/deep-notice.md", "w").write('+++\nid = "profondo"\ntitle = "Avviso"\n+++\n' + ">" * n + " x\n")
# Zero-width, bidi controls, combining marks, Hebrew and Arabic in a news feed.
open(w + "/scripts.xml", "w").write(
    "<rss><channel><title>Notizie</title><item><guid>1</guid><title>Festa\u200b della citta\u0300 "
    "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627\u200f</title><description>\u202eal contrario"
    "\u202c Z\u0351\u036ba\u0357\u035bl\u0353go</description></item></channel></rss>\n")
EOF

# 1. Deep JSON: the issue's own reproduction (exit 139 before).
expect_refused deep-json-jsonld jsonld "$WORK/deep-array.json" "deep-array.json:1: nested deeper than 100 levels"
expect_refused deep-json-catalogue servizi-gov "$WORK/deep-catalogue.json" "nested deeper than 100 levels"
expect_refused deep-json-albopop albopop-json "$WORK/deep-array.json" "nested deeper than 100 levels"
expect_refused deep-json-trigger alert-trigger "$WORK/deep-array.json" "nested deeper than 100 levels"
# 2. Deep XML and iCalendar.
expect_refused deep-xml-rss albopop "$WORK/deep-rss.xml" "nested deeper than 100 levels"
expect_refused deep-xml-news news "$WORK/deep-rss.xml" "nested deeper than 100 levels"
expect_refused deep-xml-cap cap "$WORK/deep-cap.xml" "nested deeper than 100 levels"
expect_refused deep-ical ical "$WORK/deep.ics" "deep.ics:22: nested deeper than 16 levels"

# 3. Deep Markdown imports (md4c is not recursive): no crash, the notice is there.
"$VETRINA" import --kind notices --db "$WORK/md.db" "$WORK/deep-notice.md" >/dev/null 2>"$WORK/md.err"
rc=$?
if [ "$rc" -eq 0 ]; then report deep-markdown ""; else report deep-markdown "$(status_of $rc)"; fi

# 4. A remote feed source nested 50,000 deep next to a good one: `vetrina run` keeps running,
# the good source is imported.
mkdir -p "$WORK/www"
cp "$WORK/deep-array.json" "$WORK/www/servizi.json"
python3 "$SRC/scripts/demo-albo.py" --today 2026-11-23 --in "$SRC/demo/albo-atti.toml" --out "$WORK/www/albo.xml" >/dev/null
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 "$SRC/tests/support/fault_server.py" "$PORT" "$WORK/www" &
SERVER_PID=$!
for _ in $(seq 100); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $PORT), 1)" 2>/dev/null && break
  python3 -c "import select; select.select([], [], [], 0.05)"  # no sleep(1) under faketime
done
cat >"$WORK/kiosk.toml" <<EOF
[town]
name = "Comune di Prova"
[paths]
data_dir = "$WORK/data"
[[source]]
name = "servizi"
kind = "jsonld"
url = "http://127.0.0.1:$PORT/servizi.json"
[[source]]
name = "albo"
kind = "albopop"
url = "http://127.0.0.1:$PORT/albo.xml"
EOF
"$VETRINA" run --headless --size 300x400 --run-seconds 4 --config "$WORK/kiosk.toml" >"$WORK/run.out" 2>"$WORK/run.err"
rc=$?
acts=$("$VETRINA" list albo --db "$WORK/data/vetrina.db" --json 2>/dev/null |
  python3 -c 'import json, sys; print(len(json.load(sys.stdin)))' 2>/dev/null)
if [ "$rc" -ne 0 ]; then
  report deep-json-feed-run "vetrina run: $(status_of $rc): $(tail -c 300 "$WORK/run.err")"
elif [ "${acts:-0}" -eq 0 ]; then
  report deep-json-feed-run "the good albo source was not imported"
else
  report deep-json-feed-run ""
fi

# 5. No usable font: the prepared error, exit 1, no crash at teardown (segfault before).
mkdir -p "$WORK/nofonts"
printf '[town]\nname = "Comune di Prova"\n[paths]\ndata_dir = "%s"\n' "$WORK/plain" >"$WORK/plain.toml"
VETRINA_FONT_DIR="$WORK/nofonts" "$VETRINA" shoot --config "$WORK/plain.toml" --screen home --size 300x400 \
  --out "$WORK/home.png" >/dev/null 2>"$WORK/font.err"
rc=$?
if [ "$rc" -ne 1 ]; then
  report no-font-shoot "$(status_of $rc), expected 1"
elif ! grep -q "no usable font" "$WORK/font.err"; then
  report no-font-shoot "no \"no usable font\" in: $(head -c 200 "$WORK/font.err")"
else
  report no-font-shoot ""
fi
VETRINA_FONT_DIR="$WORK/nofonts" "$VETRINA" run --headless --size 300x400 --run-seconds 1 \
  --config "$WORK/plain.toml" >/dev/null 2>"$WORK/font-run.err"
rc=$?
if [ "$rc" -eq 1 ] && grep -q "no usable font" "$WORK/font-run.err"; then
  report no-font-run ""
else
  report no-font-run "$(status_of $rc): $(head -c 200 "$WORK/font-run.err")"
fi

# 6. A 300 MB file (sparse): named as too large, with its size and the limit.
python3 -c "import os, sys; f = open(sys.argv[1], 'wb'); f.truncate(300 << 20)" "$WORK/huge.xml"
expect_refused huge-file albopop "$WORK/huge.xml" \
  "huge.xml: the file is too large: 300 MB (314572800 bytes), the limit is 256 MB"

# 7. Invisible, bidi-control and combining characters, Hebrew and Arabic: stored as drawable text.
"$VETRINA" import --kind news --db "$WORK/text.db" "$WORK/scripts.xml" >/dev/null 2>&1
shown=$("$VETRINA" list notices --db "$WORK/text.db" --json 2>/dev/null)
python3 - "$shown" <<'EOF'
import sys
text = sys.argv[1]
ok = lambda c: c in "\n\t" or 0x20 <= ord(c) <= 0x17f or 0x2010 <= ord(c) <= 0x2027 or c == "\u20ac"
bad = [hex(ord(c)) for c in text if not ok(c)]
sys.exit(0 if "Festa della citt\u00e0 [\u2026]" in text and "Zalgo" in text and not bad else 1)
EOF
if [ $? -eq 0 ]; then
  report unreadable-text ""
else
  report unreadable-text "stored as: $(printf '%s' "$shown" | grep -m1 '"title"')"
fi

echo "faults tried $tried, survived $survived"
[ "$tried" -eq "$survived" ]
