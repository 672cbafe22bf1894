#!/usr/bin/env bash
# Build the Linux one-folder bundle (dist/clueworks/) and package it as a .tar.gz.
#
#   installers/build_linux.sh            # uses $PYTHON or the python3 on PATH
#   PYTHON=/work/venv/bin/python installers/build_linux.sh
#
# Needs the program's dependencies and pyinstaller installed in that Python
# (`python -m pip install . pyinstaller`). Prints the bundle and archive sizes.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
DIST="${DIST:-$ROOT/dist}"
WORK="${WORK:-$ROOT/build/pyinstaller}"
cd "$ROOT"

VERSION="$("$PYTHON" -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')"
ARCH="$(uname -m)"

started=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" installers/clueworks.spec
echo "PyInstaller took $(( $(date +%s) - started )) s"

BUNDLE="$DIST/clueworks"
test -x "$BUNDLE/clueworks" && test -x "$BUNDLE/clueworks-gui"

ARCHIVE="$DIST/clueworks-$VERSION-linux-$ARCH.tar.gz"
tar -C "$DIST" -czf "$ARCHIVE" clueworks

echo "bundle:  $BUNDLE  $(du -sh "$BUNDLE" | cut -f1)  ($(find "$BUNDLE" -type f | wc -l) files)"
echo "archive: $ARCHIVE  $(du -h "$ARCHIVE" | cut -f1)"
