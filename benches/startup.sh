#!/usr/bin/env bash
# Start-up time: from launch to the first frame on screen (the default lesson's cards),
# against an empty eframe window on the same display. Each program closes itself once its
# first frame has been presented (CONCORD_STARTUP_PROBE for Concord); the runs alternate,
# 20 each by default, and the medians and their ratio are printed.
#
#   DISPLAY=:99 benches/startup.sh [RUNS]
#
# Needs a display (Xvfb with a window manager is enough, see README).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
cargo build --release --bin concord --example startup_empty >/dev/null 2>&1
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT

time_ms() {
  local start end
  start=$(date +%s%N)
  HOME="$home" XDG_DATA_HOME="$home/data" "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

: > "$home/concord.txt"
: > "$home/empty.txt"
for _ in $(seq "$runs"); do
  time_ms env CONCORD_STARTUP_PROBE=1 target/release/concord >> "$home/concord.txt"
  time_ms target/release/examples/startup_empty >> "$home/empty.txt"
done
c=$(median < "$home/concord.txt")
e=$(median < "$home/empty.txt")
echo "concord: median ${c} ms over ${runs} runs"
echo "empty eframe window: median ${e} ms over ${runs} runs"
awk -v c="$c" -v e="$e" 'BEGIN { printf "ratio: %.2f\n", c / e }'
