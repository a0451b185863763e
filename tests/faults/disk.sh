#!/usr/bin/env bash
# Disk faults against the real kiosk (issue 14, points 4 and 8): a full disk, a read-only data
# folder, the store locked by another process, a damaged store and a deleted one. A running
# `vetrina run`, and one started under the read-only folder or the lock, must keep running (and
# drawing), say why in `vetrina status`, and recover; a
# damaged or lost store comes back from the cached objects and an older signed manifest stays
# refused.
#
# Usage: tests/faults/disk.sh BUILD_DIR
# Uses only files under a mktemp folder and no network. The full disk and the read-only folder
# are real mounts (a tiny tmpfs, a read-only bind mount) in a private mount namespace when
# `unshare -m` is allowed, and always also the LD_PRELOAD shim of tests/support/fault_fs.c.
set -u

BUILD=$(cd "${1:?usage: disk.sh BUILD_DIR}" && pwd)
VETRINA=$BUILD/vetrina
SHIM=$BUILD/tests/fault_fs.so
REPO=$(cd "$(dirname "$0")/../.." && pwd)
[ -x "$VETRINA" ] || { echo "no $VETRINA" >&2; exit 2; }
[ -f "$SHIM" ] || { echo "no $SHIM (build the vetrina_fault_fs target)" >&2; exit 2; }

ROOT=$(mktemp -d /tmp/vetrina-disk-faults.XXXXXX)
KIOSK_PID=
cleanup() {
    [ -n "$KIOSK_PID" ] && kill -KILL "$KIOSK_PID" 2>/dev/null
    rm -rf "$ROOT"
}
trap cleanup EXIT

# Every instant the kiosk uses is pinned: the run does not depend on the day.
export VETRINA_BOARD_CLOCK=2026-11-23T10:00:00+01:00
export SDL_AUDIODRIVER=dummy
tried=0
survived=0

report() {  # name, "" or why it failed
    tried=$((tried + 1))
    if [ -z "$2" ]; then
        survived=$((survived + 1))
        echo "FAULT $1: survived"
    else
        echo "FAULT $1: FAILED $2"
    fi
}

# Polls a command up to ~60 s while the kiosk runs; 1 when the kiosk died first.
wait_for() {
    local i
    for i in $(seq 1 300); do
        if eval "$1" >/dev/null 2>&1; then return 0; fi
        if [ -n "$KIOSK_PID" ] && ! kill -0 "$KIOSK_PID" 2>/dev/null; then return 1; fi
        sleep 0.2
    done
    eval "$1" >/dev/null 2>&1
}

# A kiosk folder: signing key, content published as revision 1 (kept in www-r1 for the replay),
# a config polling every 5 s with a 1 s back-off cap, and the store synced once.
setup() {
    D=$ROOT/$1
    mkdir -p "$D/data" "$D/www"
    cp -a "$REPO/content" "$D/content"
    "$VETRINA" keygen --secret "$D/key.sec" --public "$D/key.pub" >/dev/null 2>&1 || return 1
    "$VETRINA" publish --content "$D/content" --out "$D/www" --key "$D/key.sec" --quiet >/dev/null 2>&1 || return 1
    cp -a "$D/www" "$D/www-r1"
    write_config "$D/www/manifest.json"
    "$VETRINA" sync --once --config "$D/kiosk.toml" >/dev/null 2>&1
}

write_config() {
    cat >"$D/kiosk.toml" <<EOF
[town]
name = "Comune di Prova"
[paths]
data_dir = "$D/data"
[sync]
max_backoff_seconds = 1
min_free_mb = 1
[[source]]
name = "comune"
kind = "manifest"
url = "$1"
poll_seconds = 5
public_keys = ["$(grep -v '^untrusted' "$D/key.pub" | tail -1)"]
EOF
}

# A new signed revision: one more synonym line.
publish_next() {
    echo "prova$RANDOM = verifica$RANDOM" >>"$D/content/synonyms.txt"
    "$VETRINA" publish --content "$D/content" --out "$D/www" --key "$D/key.sec" --quiet >/dev/null 2>&1 ||
        echo "note: publish failed in $D" >&2
}

revision_is() {  # as `vetrina status` reads it
    "$VETRINA" status --config "$D/kiosk.toml" 2>/dev/null | grep -q "revision $1,"
}

# Starts the kiosk headless; $1: a command prefix (env, nsenter...). Waits for the first frame.
start_kiosk() {
    : >"$D/run.log"
    eval "$1 \"\$VETRINA\" run --headless --size 540x960 --config \"\$D/kiosk.toml\" 2>>\"\$D/run.log\" &"
    KIOSK_PID=$!
    wait_for "grep -q 'first frame' '$D/run.log'"
}

# SIGTERM: a kiosk that survived stops cleanly with status 0; sets STOPPED to why not otherwise.
# (Not in a $(...) subshell: only this shell can wait for the kiosk.)
stop_kiosk() {
    STOPPED=""
    if ! kill -0 "$KIOSK_PID" 2>/dev/null; then
        wait "$KIOSK_PID"
        STOPPED="the kiosk died (status $?)"
    else
        kill -TERM "$KIOSK_PID"
        wait "$KIOSK_PID"
        local st=$?
        [ $st -eq 0 ] || STOPPED="the kiosk stopped with status $st"
    fi
    KIOSK_PID=
}

# Full disk or read-only folder through the shim: $1 name, $2 ENOSPC|EROFS, $3 words in status.
shim_fault() {
    local why=""
    setup "$1" || { report "$1" "setup failed"; return; }
    local data
    data=$(cd "$D/data" && pwd -P)
    # Appended to any preload already there (libfaketime in the moved-clock runs).
    local env="env LD_PRELOAD=$SHIM${LD_PRELOAD:+:$LD_PRELOAD} VETRINA_FAULT_FS_DIR=$data VETRINA_FAULT_FS_TRIGGER=$D/trigger"
    start_kiosk "$env" || { report "$1" "the kiosk did not start: $(tail -3 "$D/run.log")"; return; }
    echo "$2" >"$D/trigger"
    publish_next
    if ! wait_for "grep -q '$3' '$D/run.log'"; then
        why="no \"$3\" in the log: $(tail -2 "$D/run.log" | tr '\n' ' ')"
    elif ! $env "$VETRINA" status --config "$D/kiosk.toml" 2>&1 | grep -q "$3"; then
        why="vetrina status does not say \"$3\""
    elif revision_is 2; then
        why="a revision was written through the fault"
    fi
    rm -f "$D/trigger"
    if [ -z "$why" ] && ! wait_for "revision_is 2"; then why="no recovery after the fault cleared"; fi
    stop_kiosk
    report "$1" "${why:-$STOPPED}"
}

# The same with real mounts in a private mount namespace ($2: tmpfs-full | readonly-bind).
mount_fault() {
    local why="" ns
    setup "$1" || { report "$1" "setup failed"; return; }
    local data=$D/data
    cp -a "$data" "$D/data-seed"
    local words="memoria piena"
    [ "$2" = readonly-bind ] && words="sola lettura"
    # The kiosk execs in the namespace, so $KIOSK_PID names it for nsenter.
    if [ "$2" = tmpfs-full ]; then
        start_kiosk "unshare -m --propagation private sh -c 'mount -t tmpfs -o size=48m tmpfs $data && cp -a $D/data-seed/. $data && exec \"\$0\" \"\$@\"'" ||
            { report "$1" "the kiosk did not start: $(tail -3 "$D/run.log")"; return; }
    else
        start_kiosk "unshare -m --propagation private sh -c 'mount --bind $data $data && exec \"\$0\" \"\$@\"'" ||
            { report "$1" "the kiosk did not start: $(tail -3 "$D/run.log")"; return; }
    fi
    ns="nsenter --mount=/proc/$KIOSK_PID/ns/mnt"
    if [ "$2" = tmpfs-full ]; then
        $ns dd if=/dev/zero of="$data/filler" bs=1M >/dev/null 2>&1
    else
        # A read-only mount over the folder: the store the kiosk has open keeps the mount below
        # (a remount is refused while it writes), new files (staging, the probe) fail.
        $ns mount --bind -o ro "$data" "$data"
    fi
    publish_next
    if ! wait_for "grep -q '$words' '$D/run.log'"; then
        why="no \"$words\" in the log: $(tail -2 "$D/run.log" | tr '\n' ' ')"
    elif ! $ns "$VETRINA" status --config "$D/kiosk.toml" 2>&1 | grep -q "$words"; then
        why="vetrina status does not say \"$words\""
    fi
    if [ "$2" = tmpfs-full ]; then
        $ns rm -f "$data/filler"
    else
        $ns umount -l "$data"  # lazily: the kiosk may have files open through it
    fi
    if [ -z "$why" ] && ! wait_for "$ns \"$VETRINA\" status --config \"$D/kiosk.toml\" | grep -q 'revision 2,'"; then
        why="no recovery after the fault cleared"
    fi
    stop_kiosk
    report "$1" "${why:-$STOPPED}"
}

locked_store() {
    local why=""
    setup locked-store || { report locked-store "setup failed"; return; }
    start_kiosk "" || { report locked-store "the kiosk did not start"; return; }
    mkfifo "$D/release"
    # Another process holds the write lock (BEGIN EXCLUSIVE) until the fifo is written.
    (echo "BEGIN EXCLUSIVE;"; cat "$D/release"; echo "COMMIT;") | sqlite3 "$D/data/vetrina.db" &
    local holder=$!
    wait_for "! sqlite3 '$D/data/vetrina.db' 'PRAGMA busy_timeout=50; BEGIN IMMEDIATE; ROLLBACK;'"
    publish_next
    if ! wait_for "grep -q 'archivio bloccato' '$D/run.log'"; then
        why="no \"archivio bloccato\" in the log: $(tail -2 "$D/run.log" | tr '\n' ' ')"
    elif ! "$VETRINA" status --config "$D/kiosk.toml" 2>&1 | grep -q "archivio bloccato"; then
        why="vetrina status does not say \"archivio bloccato\""
    fi
    echo >"$D/release"
    wait "$holder"
    if [ -z "$why" ] && ! wait_for "revision_is 2"; then why="no recovery after the lock was released"; fi
    stop_kiosk
    report locked-store "${why:-$STOPPED}"
}

# The fault is on before the kiosk starts: a read-only data folder (the shim) or the store locked
# by another process. The kiosk must draw what it has, name the cause, and sync once it clears.
start_fault() {  # $1 name, $2 readonly | locked
    local why="" holder="" env="" words="sola lettura"
    setup "$1" || { report "$1" "setup failed"; return; }
    publish_next
    if [ "$2" = readonly ]; then
        local data
        data=$(cd "$D/data" && pwd -P)
        env="env LD_PRELOAD=$SHIM${LD_PRELOAD:+:$LD_PRELOAD} VETRINA_FAULT_FS_DIR=$data VETRINA_FAULT_FS_TRIGGER=$D/trigger"
        echo EROFS >"$D/trigger"
    else
        words="archivio bloccato"
        mkfifo "$D/release"
        # In exclusive locking mode (as a backup or a sqlite3 session may hold it) even a reader
        # waits: the kiosk's own start-up (its WAL pragma, the migrations) meets the lock.
        (echo "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE meta SET value = value WHERE 0;"
            cat "$D/release"; echo "COMMIT;") | sqlite3 "$D/data/vetrina.db" >/dev/null &
        holder=$!
        wait_for "! sqlite3 '$D/data/vetrina.db' 'PRAGMA busy_timeout=50; SELECT count(*) FROM sqlite_master;'"
    fi
    start_kiosk "$env" || why="the kiosk did not start: $(tail -3 "$D/run.log" | tr '\n' ' ')"
    if [ -z "$why" ] && ! wait_for "grep -q '$words' '$D/run.log'"; then
        why="no \"$words\" in the log: $(tail -2 "$D/run.log" | tr '\n' ' ')"
    elif [ -z "$why" ] && ! $env "$VETRINA" status --config "$D/kiosk.toml" 2>&1 | grep -q "$words"; then
        why="vetrina status does not say \"$words\""
    elif [ -z "$why" ] && revision_is 2; then
        why="a revision was written through the fault"
    elif [ -z "$why" ]; then
        sleep 2  # still drawing a while later
        kill -0 "$KIOSK_PID" 2>/dev/null || why="the kiosk died under the fault: $(tail -2 "$D/run.log" | tr '\n' ' ')"
    fi
    if [ "$2" = readonly ]; then
        rm -f "$D/trigger"
    else
        echo >"$D/release"
        wait "$holder"
    fi
    if [ -z "$why" ] && ! wait_for "revision_is 2"; then
        why="no sync after the fault cleared: $(tail -2 "$D/run.log" | tr '\n' ' ')"
    fi
    stop_kiosk
    report "$1" "${why:-$STOPPED}"
}

# $1 name, $2 how the store is lost: garble | delete.
lost_store() {
    local why=""
    setup "$1" || { report "$1" "setup failed"; return; }
    publish_next
    "$VETRINA" sync --once --config "$D/kiosk.toml" >/dev/null 2>&1
    revision_is 2 || { report "$1" "setup: revision 2 not applied"; return; }
    local acts
    acts=$("$VETRINA" status --config "$D/kiosk.toml" | grep '^acts:')
    if [ "$2" = garble ]; then
        local size
        size=$(stat -c %s "$D/data/vetrina.db")
        head -c $((size - 4096)) /dev/urandom | dd of="$D/data/vetrina.db" bs=4096 seek=1 conv=notrunc 2>/dev/null
    else
        rm -f "$D/data/vetrina.db" "$D/data/vetrina.db-wal" "$D/data/vetrina.db-shm"
    fi
    # No server any more: what comes back can only come from the cached objects.
    write_config "$D/gone/manifest.json"
    start_kiosk "" || true
    if ! wait_for "revision_is 2"; then
        why="the store did not come back from the cache: $(tail -2 "$D/run.log" | tr '\n' ' ')"
    elif [ "$("$VETRINA" status --config "$D/kiosk.toml" | grep '^acts:')" != "$acts" ]; then
        why="the content came back different"
    fi
    stop_kiosk
    why=${why:-$STOPPED}
    if [ -z "$why" ]; then
        write_config "$D/www-r1/manifest.json"  # an older signed revision, replayed
        if ! "$VETRINA" sync --once --config "$D/kiosk.toml" 2>&1 | grep -q "rollback to revision 1"; then
            why="the replayed revision 1 was not refused"
        elif ! revision_is 2; then
            why="the replayed revision 1 replaced revision 2"
        fi
    fi
    report "$1" "$why"
}

shim_fault disk-full-shim ENOSPC "memoria piena"
shim_fault read-only-shim EROFS "sola lettura"
if unshare -m --propagation private true 2>/dev/null; then
    mount_fault disk-full-tmpfs tmpfs-full
    mount_fault read-only-mount readonly-bind
else
    echo "note: no private mount namespace here; the full disk and the read-only folder are tried with the shim only" >&2
fi
locked_store
start_fault read-only-at-start readonly
start_fault locked-at-start locked
lost_store corrupt-store garble
lost_store deleted-store delete

echo "faults tried $tried, survived $survived"
[ "$tried" -eq "$survived" ]
