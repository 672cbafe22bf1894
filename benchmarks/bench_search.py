"""Time party-name search and full-text substring search on a filled workspace.

    python benchmarks/bench_search.py --workspace DIR [--needles 借条 公告送达 ...]

The workspace should hold ~100,000 imported judgments (see bench_import.py --keep). Each
search is printed beside a naive baseline in the same run: SQL ``LIKE '%…%'``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text

from benchmarks._util import print_table
from core.search import search_parties, search_text
from core.workspace import open_workspace


def timed(fn):  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workspace", required=True)
    parser.add_argument("--needles", nargs="*", default=["借条", "公告送达", "经本院主持调解", "不存在的词语甲乙丙"])
    args = parser.parse_args()
    ws = open_workspace(args.workspace, create=False)
    with ws.read() as conn:
        n_cases = conn.execute(text("SELECT COUNT(*) FROM case_texts")).scalar_one()
        mb = conn.execute(text("SELECT SUM(LENGTH(CAST(full_text AS BLOB))) FROM case_texts")).scalar_one() / 1e6
        name = conn.execute(text("SELECT name FROM parties WHERE kind='person' LIMIT 1 OFFSET 5000")).scalar_one()
    rows = []
    hits, secs = timed(lambda: search_parties(ws, name, limit=200))
    with ws.read() as conn:
        base, bsecs = timed(lambda: conn.execute(text("SELECT COUNT(*) FROM parties WHERE name LIKE :q"),
                                                 {"q": f"%{name}%"}).scalar_one())
    rows.append([f"party name {name}", len(hits), f"{secs:.3f}", f"LIKE %…%: {bsecs:.3f}"])
    for needle in args.needles:
        first: list[float] = []
        t0 = time.perf_counter()

        def note_first(_hit: object, first: list[float] = first, t0: float = t0) -> None:
            if not first:
                first.append(time.perf_counter() - t0)

        found, secs = timed(lambda n=needle, cb=note_first: search_text(ws, n, limit=10**9, on_hit=cb))
        with ws.read() as conn:
            base, bsecs = timed(lambda n=needle: conn.execute(  # type: ignore[misc]
                text("SELECT COUNT(*) FROM case_texts WHERE full_text LIKE :q"), {"q": f"%{n}%"}).scalar_one())
        first_s = f"{first[0]:.3f}" if first else "-"
        rows.append([f"text {needle}", len(found), f"{secs:.2f} (first hit {first_s})",
                     f"LIKE %…%: {bsecs:.2f} ({base} hits)"])
    print(f"workspace: {n_cases} texts, {mb:.0f} MB of UTF-8")
    print_table(["search", "hits", "seconds", "baseline seconds"], rows)


if __name__ == "__main__":
    main()
