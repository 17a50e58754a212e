#!/usr/bin/env bash
# Prints the default lesson's handout to docs/handout-example.pdf with headless Chromium
# (Debian: chromium, poppler-utils) and its first page to docs/handout-example.png.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cargo run --release -q -- export seeds/gaza-ceasefire-2023.ron --to html -o "$out/handout.html"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$out/profile" --no-pdf-header-footer \
  --print-to-pdf=docs/handout-example.pdf "file://$out/handout.html" 2>/dev/null
pdftoppm -png -r 80 -f 1 -l 1 -singlefile docs/handout-example.pdf docs/handout-example
echo "wrote docs/handout-example.pdf and docs/handout-example.png"
