#!/usr/bin/env bash
# Builds the web version into dist/: index.html, concord.js and concord_bg.wasm (the
# fonts are inside the wasm), for any static host; and dist-file/concord.html, the same in
# one file that opens by double-click, without a server. Needs the wasm32 target and wasm-bindgen-cli at the version
# Cargo.lock pins (both installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
rustup target list --installed | grep -q '^wasm32-unknown-unknown$' || rustup target add wasm32-unknown-unknown
version=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$version" ]; then
  cargo install wasm-bindgen-cli --version "$version"
fi
cargo build --profile web --target wasm32-unknown-unknown --bin concord
rm -rf dist dist-file
mkdir -p dist
wasm-bindgen --target web --no-typescript --remove-producers-section \
  --out-dir dist target/wasm32-unknown-unknown/web/concord.wasm
cp web/index.html web/manifest.webmanifest dist/
# The installable app: its icons, and a service worker whose cache is named after this build.
mkdir -p dist/icons
cp assets/icons/192x192.png assets/icons/512x512.png assets/icons/concord.svg dist/icons/
build=$(sha256sum dist/concord_bg.wasm | cut -c1-12)
sed "s/concord-BUILD/concord-$build/" web/sw.js >dist/sw.js
# One file that needs no server (a USB stick, a shared drive, an e-mail): the page with the
# script inline and the wasm as a data: address, which a page opened from file:// may fetch.
python3 - <<'PY'
import base64, pathlib
dist = pathlib.Path("dist")
js = (dist / "concord.js").read_text()
js = js.replace("export { initSync, __wbg_init as default };", "")
wasm = base64.b64encode((dist / "concord_bg.wasm").read_bytes()).decode()
page = (pathlib.Path("web") / "index.html").read_text()
# A file opened from disk has no manifest or icons beside it, and no service worker.
page = page.replace('<link rel="icon" href="icons/192x192.png">\n', '<link rel="icon" href="data:,">\n')
page = page.replace('<link rel="manifest" href="manifest.webmanifest">\n', '')
start = page.index('<script type="module">')
end = page.index("</script>", start) + len("</script>")
inline = (
    '<script type="module">\n' + js +
    '\n__wbg_init({ module_or_path: fetch("data:application/wasm;base64,' + wasm + '") })'
    '.catch((e) => { document.getElementById("loading").textContent = '
    '"Concord could not start in this browser: " + e; });\n</script>'
)
single = pathlib.Path("dist-file")
single.mkdir(exist_ok=True)
(single / "concord.html").write_text(page[:start] + inline + page[end:])
PY
gz=$(( $(gzip -9 -c dist/concord_bg.wasm | wc -c) + $(gzip -9 -c dist/concord.js | wc -c) ))
echo "built dist/ ($(du -sh dist | cut -f1); wasm and JS gzipped: $gz bytes) and dist-file/concord.html ($(du -sh dist-file/concord.html | cut -f1))"
