#!/usr/bin/env bash
# Builds the web version into dist/: index.html, concord.js and concord_bg.wasm (the
# fonts are inside the wasm). Needs the wasm32 target and wasm-bindgen-cli at the version
# Cargo.lock pins (both installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
rustup target list --installed | grep -q '^wasm32-unknown-unknown$' || rustup target add wasm32-unknown-unknown
version=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$version" ]; then
  cargo install wasm-bindgen-cli --version "$version"
fi
cargo build --release --target wasm32-unknown-unknown --bin concord
rm -rf dist
mkdir -p dist
wasm-bindgen --target web --no-typescript --remove-producers-section \
  --out-dir dist target/wasm32-unknown-unknown/release/concord.wasm
cp web/index.html dist/
echo "built dist/: $(du -sh dist | cut -f1) ($(gzip -9 -c dist/concord_bg.wasm | wc -c) bytes of wasm gzipped)"
