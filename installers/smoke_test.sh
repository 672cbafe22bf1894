#!/usr/bin/env bash
# Smoke test of a built one-folder bundle (default dist/clueworks), offscreen, in a
# fresh home folder so no earlier workspace, setting or cache can help it along:
#   1. cold start of the window program on a new, empty workspace (time to the open
#      main window; it quits as soon as its event loop runs);
#   2. `clueworks --self-test`: imports the demo data into a temporary workspace, runs
#      all models, confirms a clue, writes a Word draft, checks them (exit 0);
#   3. the command line on the workspace made in step 1.
#
#   installers/smoke_test.sh [BUNDLE_DIR]
#
# Slow (tens of seconds) and needs a built bundle, so it is not part of pytest.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUNDLE="$(cd "${1:-$ROOT/dist/clueworks}" && pwd)"
CLI="$BUNDLE/clueworks"
GUI="$BUNDLE/clueworks-gui"
test -x "$CLI" && test -x "$GUI" || { echo "FAIL: no bundle at $BUNDLE" >&2; exit 1; }

SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
export HOME="$SCRATCH/home" XDG_DATA_HOME="$SCRATCH/home/data" XDG_CONFIG_HOME="$SCRATCH/home/config"
export XDG_CACHE_HOME="$SCRATCH/home/cache" XDG_STATE_HOME="$SCRATCH/home/state"
export QT_QPA_PLATFORM=offscreen
# no Python of the developer may leak into the bundle
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV
mkdir -p "$HOME"
WS="$SCRATCH/workspace"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# A cold start means the bundle's files are not in the page cache: drop it when allowed
# (root on a real machine), otherwise the figure is a first start after the build.
if sync && (echo 3 > /proc/sys/vm/drop_caches) 2>/dev/null; then
    cache="page cache dropped"
else
    cache="page cache not dropped (no permission)"
fi

t0=$(now)
CLUEWORKS_QUIT_WHEN_SHOWN=1 timeout 120 "$GUI" "$WS" 2> "$SCRATCH/gui.err" || {
    echo "FAIL: the window program did not start" >&2; cat "$SCRATCH/gui.err" >&2; exit 1; }
t1=$(now)
test -f "$WS/workspace.db" || { echo "FAIL: the window program made no workspace" >&2; exit 1; }
if grep -q "Traceback" "$SCRATCH/gui.err"; then cat "$SCRATCH/gui.err" >&2; exit 1; fi
echo "window program: cold start to open main window $(elapsed "$t0" "$t1") s ($cache)"

t0=$(now)
CLUEWORKS_QUIT_WHEN_SHOWN=1 "$GUI" "$WS" 2> /dev/null
t1=$(now)
echo "window program: warm start $(elapsed "$t0" "$t1") s"

t0=$(now)
"$CLI" --self-test | tee "$SCRATCH/selftest.out"
t1=$(now)
grep -q "^自检通过" "$SCRATCH/selftest.out" || { echo "FAIL: self-test summary missing" >&2; exit 1; }
echo "self-test: $(elapsed "$t0" "$t1") s"

"$CLI" --workspace "$WS" templates list --json > "$SCRATCH/templates.json"
grep -q "社会治理检察建议书" "$SCRATCH/templates.json" || { echo "FAIL: templates missing" >&2; exit 1; }

echo "bundle: $BUNDLE $(du -sh "$BUNDLE" | cut -f1)"
echo "SMOKE TEST PASSED"
