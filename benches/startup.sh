#!/usr/bin/env bash
# Start-up time: from launch to the first frame on screen (the default lesson's cards),
# against an empty eframe window on the same display (with eframe's default renderer, and
# with OpenGL, which Concord uses on Linux). Each program is given its launch
# time (CONCORD_STARTUP_PROBE, ms since the Unix epoch), prints the time to its first frame
# on screen and closes; the runs alternate, 20 each by default, and the medians and their
# ratio are printed.
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

# Runs a program with its launch time and prints what it measured (ms).
first_frame_ms() {
  local launched
  launched=$(date +%s%3N)
  HOME="$home" XDG_DATA_HOME="$home/data" CONCORD_STARTUP_PROBE="$launched" "$@" 2>/dev/null |
    sed -n 's/^first frame on screen after \([0-9.]*\) ms$/\1/p'
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

: > "$home/concord.txt"
: > "$home/empty.txt"
: > "$home/empty-glow.txt"
for _ in $(seq "$runs"); do
  first_frame_ms target/release/concord >> "$home/concord.txt"
  first_frame_ms target/release/examples/startup_empty >> "$home/empty.txt"
  STARTUP_RENDERER=glow first_frame_ms target/release/examples/startup_empty >> "$home/empty-glow.txt"
done
c=$(median < "$home/concord.txt")
e=$(median < "$home/empty.txt")
g=$(median < "$home/empty-glow.txt")
echo "concord: median ${c} ms to the first frame on screen, ${runs} runs"
echo "empty eframe window (default renderer): median ${e} ms"
echo "empty eframe window (OpenGL): median ${g} ms"
awk -v c="$c" -v e="$e" -v g="$g" 'BEGIN { printf "ratio: %.2f (%.2f against the OpenGL empty window)\n", c / e, c / g }'
