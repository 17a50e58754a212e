#!/usr/bin/env bash
# Renders every icon Concord ships from the one SVG: PNGs in the sizes Linux, Windows and
# macOS ask for, and a multi-size .ico for Windows (cargo-packager makes the .icns for
# macOS from the PNGs). Needs ImageMagick. The PNGs are committed, so a build needs none of it.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 32 48 64 128 192 256 512; do
  convert -background none -density 384 concord.svg -resize "${size}x${size}" -define png:exclude-chunks=date,time "PNG32:${size}x${size}.png"
done
convert 16x16.png 32x32.png 48x48.png 64x64.png 128x128.png 256x256.png concord.ico
