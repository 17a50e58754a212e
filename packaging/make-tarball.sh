#!/usr/bin/env bash
# The Linux tarball: the release binary with its desktop entry, icons and MIME type, and an
# install.sh that puts them under ~/.local (or --prefix DIR) for a machine without dpkg.
# Writes target/packages/concord-<version>-linux-x86_64.tar.gz (builds the binary if needed).
set -euo pipefail
cd "$(dirname "$0")/.."
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)"
name="concord-$version-linux-x86_64"
cargo build --release --bin concord
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
dir="$stage/$name"
mkdir -p "$dir/bin" "$dir/share/applications" "$dir/share/mime/packages"
cp target/release/concord "$dir/bin/"
for size in 32 48 64 128 256 512; do
  mkdir -p "$dir/share/icons/hicolor/${size}x${size}/apps"
  cp "assets/icons/${size}x${size}.png" "$dir/share/icons/hicolor/${size}x${size}/apps/concord.png"
done
mkdir -p "$dir/share/icons/hicolor/scalable/apps"
cp assets/icons/concord.svg "$dir/share/icons/hicolor/scalable/apps/concord.svg"
cp packaging/concord-mime.xml "$dir/share/mime/packages/concord.xml"
# The desktop entry the .deb gets, with its template's fields filled in.
sed -e 's/{{categories}}/Education;/' -e 's/{{exec}}/concord/' -e 's/{{icon}}/concord/' \
  -e 's/{{name}}/Concord/' -e '/{{#if comment}}/d' -e '/{{\/if}}/d' \
  -e 's/^Comment={{comment}}$/Comment=Compare peace-process proposals side by side/' \
  packaging/concord.desktop >"$dir/share/applications/concord.desktop"
cp LICENSE LICENSE-MIT LICENSE-APACHE README.md CHANGELOG.md "$dir/"
cp packaging/install.sh "$dir/install.sh"
chmod +x "$dir/install.sh"
mkdir -p target/packages
tar -czf "target/packages/$name.tar.gz" -C "$stage" "$name"
echo "target/packages/$name.tar.gz"
