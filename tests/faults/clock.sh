#!/bin/bash
# Issue 14, points 2 and 3, against the real binary: servers on 127.0.0.1 whose Date header lies.
#   unsigned-feed-date-2040     an unsigned feed says 2040: the albo keeps every act, status says
#                               the clock is unconfirmed
#   expired-manifest-past-date  an expired manifest served with a Date in the past: refused at every
#                               sync, not only the first
#   wrong-purge-restored        a board clock that jumped to 2040 purged the albo: back at the right
#                               time, the acts come back from the cached revision, server down
# Usage: tests/faults/clock.sh BUILD_DIR. Everything lives in a mktemp folder; the board clock is
# pinned (VETRINA_BOARD_CLOCK) and so are the servers' Dates, so it passes on any day.
set -u
BUILD=$(cd "${1:?usage: clock.sh BUILD_DIR}" && pwd)
BIN="$BUILD/vetrina"
SRC=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d)
cleanup() {
    # The servers this script started (start_server runs in a subshell: their ids are in a file).
    [ -f "$T/pids" ] && while read -r p; do kill "$p" 2>/dev/null; done <"$T/pids"
    rm -rf "$T"
}
trap cleanup EXIT

TRIED=0
SURVIVED=0
verdict() {  # name, empty or the reason it failed
    TRIED=$((TRIED + 1))
    if [ -z "$2" ]; then
        SURVIVED=$((SURVIVED + 1))
        echo "FAULT $1: survived"
    else
        echo "FAULT $1: FAILED $2"
    fi
}

NOW_ISO=2030-03-11T10:00:00+01:00  # after any build date this suite will see
NOW=$(date -d "$NOW_ISO" +%s)
DAY=86400
Y2040=2208988800
at() { VETRINA_BOARD_CLOCK=$1 "$BIN" "${@:2}"; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# start_server ROOT DATE: a fault server on ROOT whose answers carry DATE (Unix seconds); prints its port
start_server() {
    local port
    port=$(free_port)
    python3 "$SRC/tests/support/fault_server.py" "$port" "$1" >/dev/null 2>&1 &
    echo $! >>"$T/pids"
    for _ in $(seq 100); do
        curl -s -o /dev/null "http://127.0.0.1:$port/__date/$2" && break
        python3 -c 'import select; select.select([], [], [], 0.05)'
    done
    echo "$port"
}
acts() { at "$NOW_ISO" list albo --json --at "$NOW_ISO" --db "$1" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'; }

# The town's content: the demo albo around the pinned day, signed at $1 for $2 days into $3.
at "$NOW_ISO" keygen --secret "$T/town.key" --public "$T/town.pub" >/dev/null || exit 2
PUB=$(tail -n 1 "$T/town.pub")
publish() {
    mkdir -p "$T/content-$3/albo"
    python3 "$SRC/scripts/demo-albo.py" --today "${NOW_ISO%%T*}" --in "$SRC/demo/albo-atti.toml" \
        --out "$T/content-$3/albo/albo.xml" >/dev/null || exit 2
    echo 'name = "Comune di Borgo Vetrina (prova)"' >"$T/content-$3/town.toml"
    at "$1" publish --content "$T/content-$3" --out "$T/$3" --key "$T/town.key" --expires-days "$2" \
        >/dev/null || exit 2
}
kiosk() {  # dir, manifest port, extra sources
    mkdir -p "$1/data"
    cat >"$1/kiosk.toml" <<TOML
[paths]
data_dir = "data"
[sync]
connect_timeout_seconds = 1
timeout_seconds = 6
attachments_per_round = 0
[[source]]
name = "comune"
kind = "manifest"
url = "http://127.0.0.1:$2/manifest.json"
public_keys = ["$PUB"]
$3
TOML
}

publish "$NOW_ISO" 30 good
MAN=$(start_server "$T/good" "$NOW")

# 1. An unsigned feed dating its answers 2040.
fault_2040() {
    k="$T/k1"
    mkdir -p "$T/feed"
    python3 "$SRC/scripts/demo-albo.py" --today "${NOW_ISO%%T*}" --in "$SRC/demo/albo-atti.toml" \
        --out "$T/feed/avvisi.xml" >/dev/null
    FEED=$(start_server "$T/feed" "$Y2040")
    kiosk "$k" "$MAN" "[[source]]
name = \"avvisi\"
kind = \"albopop\"
url = \"http://127.0.0.1:$FEED/avvisi.xml\""
    at "$NOW_ISO" sync --once --config "$k/kiosk.toml" >"$k/sync1.log" 2>&1
    before=$(acts "$k/data/vetrina.db")
    at "$NOW_ISO" sync --once --config "$k/kiosk.toml" >"$k/sync2.log" 2>&1
    after=$(acts "$k/data/vetrina.db")
    disputed=$(at "$NOW_ISO" status --json --config "$k/kiosk.toml" 2>/dev/null |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["operations"]["clock"].get("disputed"))')
    why=""
    [ "${before:-0}" -gt 0 ] || why="nothing synced at first ($(tail -n 2 "$k/sync1.log" | tr '\n' ' '))"
    [ -z "$why" ] && [ "$after" != "$before" ] && why="albo went from $before to $after acts"
    [ -z "$why" ] && [ "$disputed" != "True" ] && why="status does not say the clock is unconfirmed"
    echo "$why"
}
verdict unsigned-feed-date-2040 "$(fault_2040)"

# 2. An expired manifest (signed 40 days ago for 30) served with a Date of 20 days ago.
publish "$(date -u -d "@$((NOW - 40 * DAY))" +%Y-%m-%dT%H:%M:%SZ)" 30 expired
OLD=$(start_server "$T/expired" "$((NOW - 20 * DAY))")
k="$T/k2"
kiosk "$k" "$OLD" ""
why=""
for round in 1 2 3; do
    if at "$NOW_ISO" sync --once --config "$k/kiosk.toml" >"$k/sync$round.log" 2>&1; then
        why="applied at sync $round"
        break
    fi
done
[ -z "$why" ] && ! grep -q "expired" "$k/sync3.log" && why="refused, but not for its expiry: $(tail -n 1 "$k/sync3.log")"
[ -z "$why" ] && [ "$(acts "$k/data/vetrina.db")" != 0 ] && why="acts of the expired revision are shown"
verdict expired-manifest-past-date "$why"

# 3. A board clock that jumped to 2040 purged the albo (an import at that clock); the clock is
#    right again and the server is down: the cached revision brings the acts back.
k="$T/k3"
kiosk "$k" "$MAN" ""
at "$NOW_ISO" sync --once --config "$k/kiosk.toml" >"$k/sync1.log" 2>&1
before=$(acts "$k/data/vetrina.db")
at 2040-01-01T10:00:00+01:00 import --kind albopop --db "$k/data/vetrina.db" "$T/content-good/albo/albo.xml" \
    >"$k/import.log" 2>&1
purged=$(acts "$k/data/vetrina.db")
curl -s -o /dev/null "http://127.0.0.1:$MAN/__fault/500"
at "$NOW_ISO" sync --once --config "$k/kiosk.toml" >"$k/sync2.log" 2>&1
after=$(acts "$k/data/vetrina.db")
why=""
[ "${before:-0}" -gt 0 ] || why="nothing synced at first"
[ -z "$why" ] && [ "$purged" -ge "$before" ] && why="the 2040 import purged nothing: the fault did not happen"
[ -z "$why" ] && [ "$after" != "$before" ] && why="$after acts shown after the clock came back, $before before the purge"
verdict wrong-purge-restored "$why"

echo "faults tried $TRIED, survived $SURVIVED"
[ "$TRIED" = "$SURVIVED" ]
