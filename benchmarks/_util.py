"""Small helpers shared by the benchmark scripts: timing children and printing tables."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_child(code: str, *args: str) -> dict[str, float]:
    """Run ``code`` in a fresh interpreter; it must set ``result`` (a dict). Adds peak RSS.

    The code runs from a file, so helper processes it spawns import it again as their
    ``__mp_main__``: its top level runs there too (code under ``if __name__ ==
    "__main__"`` does not).
    """
    wrapper = (
        "import json, resource, sys, time\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "t0 = time.perf_counter()\n"
        + code
        + "\nif __name__ == '__main__':\n"
        "    res = dict(result)\n"
        "    res.setdefault('seconds', time.perf_counter() - t0)\n"
        "    res['peak_rss_mb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "    print(json.dumps(res))\n"
    )
    with tempfile.TemporaryDirectory(prefix="bench-child-") as tmp:
        script = Path(tmp) / "child.py"
        script.write_text(wrapper, encoding="utf-8")
        out = subprocess.run(
            [sys.executable, str(script), *args], capture_output=True, text=True, cwd=ROOT
        )
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-3000:])
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    widths = [max(len(str(h)), *(len(str(r[i])) for r in rows)) for i, h in enumerate(headers)]
    line = " | ".join(str(h).ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line)
    print("-|-".join("-" * w for w in widths))
    for r in rows:
        print(" | ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)))
