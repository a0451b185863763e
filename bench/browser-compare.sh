#!/usr/bin/env bash
# Side by side: the demo town's albo in Vetrina and as a static web page in Debian's Chromium in
# kiosk mode (what towns use today), on the same machine in the same run.
#
# For both, "start to first paint" is measured the same way: from the process start to the
# process having painted the page, written it as a PNG and exited (`vetrina shoot --cached`,
# `chromium --screenshot`), the median of N runs; both read the same content from local disk. Memory: the resident memory of the whole running kiosk
# after 3 s on the page (all of Chromium's processes summed).
#
# Usage: bench/browser-compare.sh [RUNS]     (after scripts/setup and scripts/demo-content;
#        installs chromium from Debian when missing). Prints a table and JSON.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null; fi
fi
[ -f var/demo/vetrina.toml ] || scripts/demo-content >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"; pkill -f "$work/profile" 2>/dev/null || true' EXIT
build/vetrina sync --config var/demo/vetrina.toml --once >/dev/null
build/vetrina list albo --db var/demo/data/vetrina.db --json > "$work/albo.json"
python3 bench/static_page.py "$work/albo.json" "$(pwd)/fonts" "$work/albo.html"

CHROME_FLAGS=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
              --disable-component-update --disable-sync --hide-scrollbars --window-size=1080,1920
              --user-data-dir="$work/profile")
ms() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for i in $(seq "$RUNS"); do
  t0=$(ms); build/vetrina shoot --cached --config var/demo/vetrina.toml --screen albo --out "$work/v.png" >/dev/null; t1=$(ms)
  echo $(( (t1 - t0) / 1000000 )) >> "$work/vetrina.ms"
  rm -rf "$work/profile"
  t0=$(ms); chromium "${CHROME_FLAGS[@]}" --screenshot="$work/c.png" "file://$work/albo.html" >/dev/null 2>&1; t1=$(ms)
  echo $(( (t1 - t0) / 1000000 )) >> "$work/chromium.ms"
done

# Memory of the running kiosk, 3 s after start.
vmem=$(build/vetrina run --config var/demo/vetrina.toml --headless --run-seconds 3 2>/dev/null | sed -n 's/.*rss_kb=\([0-9]*\).*/\1/p')
rm -rf "$work/profile"
chromium "${CHROME_FLAGS[@]}" --kiosk "file://$work/albo.html" --remote-debugging-port=0 >/dev/null 2>&1 &
sleep 3
cmem=$(ps -eo rss=,args= | grep -F -- "$work/profile" | grep -v grep | awk '{s+=$1} END {print s+0}')
kill %1 2>/dev/null || true; wait 2>/dev/null || true

vms=$(median < "$work/vetrina.ms"); cms=$(median < "$work/chromium.ms")
printf '%-40s %12s %12s %8s\n' "" "Vetrina" "Chromium" "ratio"
printf '%-40s %9s ms %9s ms %7.1fx\n' "start to first paint (median of $RUNS)" "$vms" "$cms" "$(echo "$cms / $vms" | bc -l)"
printf '%-40s %9s MB %9s MB %7.1fx\n' "resident memory on the albo" "$((vmem / 1024))" "$((cmem / 1024))" "$(echo "$cmem / $vmem" | bc -l)"
printf '{"vetrina_first_paint_ms": %s, "chromium_first_paint_ms": %s, "vetrina_rss_kb": %s, "chromium_rss_kb": %s, "runs": %s}\n' \
  "$vms" "$cms" "$vmem" "$cmem" "$RUNS"
