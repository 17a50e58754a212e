#!/usr/bin/env bash
# The whole-process import figures of the README: a table of the PA-X shape (1,868 × 266,
# 2.8 MB, quoted multi-line fields, a BOM) and a 2,000 × 300 one, from start to the written
# RON, timed by hyperfine (Debian: hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cargo build --release -q
cargo run --release -q --example pax_shaped "$dir/pax.csv"
cargo run --release -q --example pax_shaped "$dir/wide.csv" 2000 300
hyperfine --warmup 2 --runs 20 --prepare "rm -f $dir/pax.ron $dir/wide.ron" \
  "target/release/concord import $dir/pax.csv -o $dir/pax.ron" \
  "target/release/concord import $dir/wide.csv -o $dir/wide.ron"
ls -l "$dir"/*.ron
