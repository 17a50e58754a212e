#!/usr/bin/env bash
# Installs Concord from this folder for one user (into ~/.local), or under --prefix DIR:
# the program, its menu entry and icons, and "Open with Concord" for .ron scenario files.
# Run ./install.sh --uninstall (with the same --prefix) to remove exactly what it put there.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
prefix="$HOME/.local"
uninstall=false
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --uninstall) uninstall=true; shift ;;
    *) echo "usage: $0 [--prefix DIR] [--uninstall]"; exit 2 ;;
  esac
done
files=$(cd "$here" && find bin share -type f)
if $uninstall; then
  for f in $files; do rm -f "$prefix/$f"; done
  echo "Concord removed from $prefix"
else
  for f in $files; do
    mkdir -p "$(dirname "$prefix/$f")"
    cp "$here/$f" "$prefix/$f"
  done
  echo "Concord installed in $prefix (run $prefix/bin/concord)"
fi
# Let the desktop know, where it has the tools.
command -v update-mime-database >/dev/null && update-mime-database "$prefix/share/mime" >/dev/null 2>&1 || true
command -v update-desktop-database >/dev/null && update-desktop-database "$prefix/share/applications" >/dev/null 2>&1 || true
