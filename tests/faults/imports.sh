#!/usr/bin/env bash
# Issue 14, points 6 and 7, end to end against the real binary: bad imports never replace good
# content and always say why (exit code, `vetrina status`), and an error page on an object is not
# called "oversize". Usage: tests/faults/imports.sh BUILD_DIR. Only 127.0.0.1, all under a mktemp
# dir; the board clock is pinned, so the result does not depend on the day.
set -u
BUILD=$(cd "${1:?usage: imports.sh BUILD_DIR}" && pwd)
VETRINA="$BUILD/vetrina"
SRC=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
export VETRINA_BOARD_CLOCK=2026-11-23T10:00:00+01:00
tried=0
survived=0
result() {  # result NAME "" (survived) or result NAME WHY
    tried=$((tried + 1))
    if [ -z "$2" ]; then
        survived=$((survived + 1))
        echo "FAULT $1: survived"
    else
        echo "FAULT $1: FAILED $2"
    fi
}
rows() {  # rows DB SQL
    python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$1" "$2"
}
# import_refused NAME KIND DB SOURCE FILE TABLE: the import of FILE must exit non-zero, name the
# kind, and leave the rows of SOURCE in TABLE as they were.
import_refused() {
    local name=$1 kind=$2 db=$3 source=$4 file=$5 table=$6 before after why=""
    before=$(rows "$db" "SELECT count(*) FROM $table WHERE source = '$source'")
    if "$VETRINA" import --kind "$kind" --db "$db" --source "$source" "$file" >"$WORK/out" 2>"$WORK/err"; then
        why="exit 0"
    elif ! grep -q "kind $kind" "$WORK/err"; then
        why="the error does not name kind $kind: $(head -c 300 "$WORK/err")"
    fi
    after=$(rows "$db" "SELECT count(*) FROM $table WHERE source = '$source'")
    [ "$before" = "$after" ] || why="$why rows of $source went from $before to $after"
    [ "$before" -gt 0 ] || why="$why (nothing was cached to start with)"
    result "$name" "$why"
}

DB="$WORK/import.db"
"$VETRINA" import --quiet --kind servizi-gov --db "$DB" --source catalogo \
    "$SRC/tests/data/services/Comunali_serviceTemplates.json" >/dev/null 2>&1
echo '[]' >"$WORK/empty.json"
import_refused catalogue-empty-array servizi-gov "$DB" catalogo "$WORK/empty.json" sheets
echo '[{"name":"a"},{"name":"b"}]' >"$WORK/broken.json"
import_refused catalogue-all-items-bad servizi-gov "$DB" catalogo "$WORK/broken.json" sheets

"$VETRINA" import --quiet --kind ical --db "$DB" --source eventi "$SRC/content/events/borgo-vetrina.ics" >/dev/null 2>&1
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//IT\r\nBEGIN:VEVENT\r\nSUMMARY:Senza UID\r\nDTSTART:20261201T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' >"$WORK/nouid.ics"
import_refused calendar-only-event-without-uid ical "$DB" eventi "$WORK/nouid.ics" events

"$VETRINA" import --quiet --kind synonyms --db "$DB" --source sinonimi "$SRC/content/synonyms.txt" >/dev/null 2>&1
: >"$WORK/empty.txt"
import_refused synonyms-empty-file synonyms "$DB" sinonimi "$WORK/empty.txt" search_synonyms
python3 -c 'import random,sys; r=random.Random(14); sys.stdout.buffer.write(bytes(r.getrandbits(8) for _ in range(8<<20)))' >"$WORK/junk.bin"
import_refused synonyms-8MB-random-bytes synonyms "$DB" sinonimi "$WORK/junk.bin" search_synonyms
# The junk alone, in a fresh store, stores nothing either.
why=""
"$VETRINA" import --kind synonyms --db "$WORK/junk.db" "$WORK/junk.bin" >/dev/null 2>"$WORK/err" && why="exit 0"
n=$(rows "$WORK/junk.db" "SELECT count(*) FROM search_synonyms")
[ "$n" = 0 ] || why="$why $n junk rows stored"
grep -q "not UTF-8 text\|control character\|longer than" "$WORK/err" || why="$why no line-level reason"
result synonyms-random-bytes-fresh-store "$why"

# The sync: a news feed and a signed manifest from the fault server on 127.0.0.1.
mkdir -p "$WORK/www" "$WORK/content/media" "$WORK/data"
cp "$SRC/tests/data/signage/news_rss.xml" "$WORK/www/news.xml"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 "$SRC/tests/support/fault_server.py" "$PORT" "$WORK/www" &
SERVER_PID=$!
for _ in $(seq 100); do
    curl -s -o /dev/null "http://127.0.0.1:$PORT/__fault/none" && break
    python3 -c 'import select; select.select([],[],[],0.1)'
done
fault() { curl -s -o /dev/null "http://127.0.0.1:$PORT/__fault/$1"; }
cat >"$WORK/news.toml" <<EOF
[paths]
data_dir = "$WORK/data"
[sync]
connect_timeout_seconds = 1
timeout_seconds = 6
[[source]]
name = "notizie"
kind = "news"
url = "http://127.0.0.1:$PORT/news.xml"
EOF
"$VETRINA" sync --config "$WORK/news.toml" --once >/dev/null 2>&1
status_has() { "$VETRINA" status --config "$1" --json 2>/dev/null | grep -q "$2"; }
feed_fault() {  # feed_fault NAME SERVER_FAULT EXPECTED_IN_STATUS
    local why="" n
    fault "$2"
    "$VETRINA" sync --config "$WORK/news.toml" --once >/dev/null 2>&1
    status_has "$WORK/news.toml" "$3" || why="status does not say \"$3\": $("$VETRINA" status --config "$WORK/news.toml" 2>&1 | head -c 400)"
    status_has "$WORK/news.toml" '"failures": *[1-9]' || why="$why no failure counted (no back-off)"
    n=$(rows "$WORK/data/vetrina.db" "SELECT count(*) FROM notices WHERE source = 'notizie'")
    [ "$n" -gt 0 ] || why="$why the cached news are gone"
    fault none
    "$VETRINA" sync --config "$WORK/news.toml" --once >/dev/null 2>&1
    result "$1" "$why"
}
feed_fault feed-garbage-body garbage "garbage"
# The server now has an empty feed: refused, cache kept, said in the status.
cp "$WORK/www/news.xml" "$WORK/news.full"
python3 - "$WORK/www/news.xml" <<'EOF'
import re, sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
open(p, "w", encoding="utf-8").write(re.sub(r"<item>.*?</item>", "", s, flags=re.S))
EOF
feed_fault feed-emptied none "no items"
cp "$WORK/news.full" "$WORK/www/news.xml"

# A signed revision whose tiny object is missing: the 404 page is longer than the object.
"$VETRINA" keygen --secret "$WORK/k.key" --public "$WORK/k.pub" >/dev/null 2>&1
echo 'cie = carta di identità elettronica' >"$WORK/content/synonyms.txt"
echo 'name = "Comune di prova"' >"$WORK/content/town.toml"
printf 'ab' >"$WORK/content/media/tiny.txt"
"$VETRINA" publish --content "$WORK/content" --out "$WORK/www/pub" --key "$WORK/k.key" --quiet >/dev/null 2>&1
rm -f "$WORK/www/pub/objects/$(printf ab | sha256sum | cut -d' ' -f1)"
cat >"$WORK/signed.toml" <<EOF
[paths]
data_dir = "$WORK/data2"
[sync]
connect_timeout_seconds = 1
timeout_seconds = 6
[[source]]
name = "comune"
kind = "manifest"
url = "http://127.0.0.1:$PORT/pub/manifest.json"
public_keys = ["$(tail -1 "$WORK/k.pub")"]
EOF
mkdir -p "$WORK/data2"
"$VETRINA" sync --config "$WORK/signed.toml" --once >"$WORK/out" 2>&1
why=""
grep -q "HTTP 404" "$WORK/out" || why="no HTTP 404 in: $(head -c 300 "$WORK/out")"
grep -q "oversize" "$WORK/out" && why="$why reported as oversize"
result object-404-not-oversize "$why"

echo "faults tried $tried, survived $survived"
[ "$tried" = "$survived" ]
