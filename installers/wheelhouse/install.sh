#!/usr/bin/env bash
# Install Clue Workstation from this wheel folder with no network, into a new virtual
# environment (default: ~/clueworks-venv), then run its self-test.
#
#   ./install.sh [VENV_DIR]
#   PYTHON=/usr/bin/python3.11 ./install.sh /opt/clueworks
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PYTHON="${PYTHON:-python3}"
VENV="${1:-$HOME/clueworks-venv}"

"$PYTHON" -m venv "$VENV"
# --no-index: never look at the internet or a configured mirror, only this folder
PIP_CONFIG_FILE=/dev/null "$VENV/bin/python" -m pip install --no-index --find-links "$HERE" \
    --disable-pip-version-check clueworks
"$VENV/bin/clueworks" --self-test
echo "已安装：命令行 $VENV/bin/clueworks，窗口程序 $VENV/bin/clueworks-gui"
