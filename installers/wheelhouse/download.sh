#!/usr/bin/env bash
# Download every wheel Clue Workstation needs, for Windows x86-64 and Linux x86-64, into
# one folder to carry to offline PCs that keep their own Python (3.11 by default).
#
#   installers/wheelhouse/download.sh [OUT_DIR]        # default: dist/wheelhouse
#   PY_VERSION=3.12 installers/wheelhouse/download.sh  # for offices on Python 3.12
#
# Run on a PC with internet access. Makes OUT_DIR/win_amd64/ and OUT_DIR/linux_x86_64/,
# each with the program's own wheel (clueworks-*.whl) and all its dependencies as
# binary wheels only (--only-binary=:all:, so nothing is compiled on the target PC),
# plus the install scripts. Copy OUT_DIR to the USB stick.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$(mkdir -p "${1:-$ROOT/dist/wheelhouse}" && cd "${1:-$ROOT/dist/wheelhouse}" && pwd)"
PYTHON="${PYTHON:-python3}"
PY_VERSION="${PY_VERSION:-3.11}"

# Linux wheels of the Qt binding need glibc 2.34+ (PySide6 6.8+); list the manylinux
# tags from old to new so pip accepts any of them.
LINUX_TAGS=(manylinux2014_x86_64 manylinux_2_17_x86_64 manylinux_2_28_x86_64
            manylinux_2_31_x86_64 manylinux_2_34_x86_64 manylinux_2_35_x86_64)
WINDOWS_TAGS=(win_amd64)

echo "== the program's own wheel"
SELF="$OUT/.self"
rm -rf "$SELF" && mkdir -p "$SELF"
"$PYTHON" -m pip wheel --no-deps --wheel-dir "$SELF" "$ROOT"
WHEEL="$(ls "$SELF"/clueworks-*.whl)"

fetch() {  # fetch NAME TAG...
    local name="$1"; shift
    local dest="$OUT/$name"
    local platforms=()
    for tag in "$@"; do platforms+=(--platform "$tag"); done
    mkdir -p "$dest"
    echo "== $name (Python $PY_VERSION)"
    "$PYTHON" -m pip download --only-binary=:all: --implementation cp \
        --python-version "$PY_VERSION" "${platforms[@]}" --dest "$dest" "$WHEEL"
    cp "$HERE/install.sh" "$HERE/install.ps1" "$dest/"
    echo "$name: $(ls "$dest"/*.whl | wc -l) wheels, $(du -sh "$dest" | cut -f1)"
}

fetch win_amd64 "${WINDOWS_TAGS[@]}"
fetch linux_x86_64 "${LINUX_TAGS[@]}"
rm -rf "$SELF"
echo "wheelhouse ready: $OUT ($(du -sh "$OUT" | cut -f1))"
