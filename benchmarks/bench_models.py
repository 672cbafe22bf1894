"""Time all eight bundled supervision models on 100,000 cases and 200,000 list rows.

    python -m benchmarks.bench_models [--cases 100000] [--list-rows 200000]
                                      [--workdir DIR] [--text 400 800] [--seed 1]

Builds (once, kept in --workdir) a workspace from generated CSV files imported through
core and analysed; then, each in a fresh process, runs (1) every model through the
engine — queries plus writing the clues — printing each model's time and the peak
RSS, and (2) a plain pandas script of the same eight rules over the same tables,
timing loading and computing. Prints both and the ratio. Generated data stays in the
work folder, never in the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._util import print_table, run_child

TARGET_SECONDS = 20.0
TARGET_RSS_MB = 2048.0


def build(work: Path, n_cases: int, list_rows: int, text: tuple[int, int], seed: int) -> Path:
    """Generate, import and analyse the benchmark workspace unless it is there; return it."""
    from core.analysis import analyse_workspace
    from core.ingest.pipeline import import_file
    from core.ingest.plan import ImportOptions
    from core.workspace import open_workspace
    from tools.demogen.plant import plant_cases, plant_lists
    from tools.demogen.scenario import NEIGHBOUR_CODE, NEIGHBOUR_COURT, Scenario, period_of
    from tools.demogen.writers import write_cases_csv, write_list_csv

    stamp = f"{n_cases}-{list_rows}-{text[0]}-{text[1]}-{seed}"
    ws_dir = work / "ws"
    marker = work / "ready.txt"
    if marker.exists() and marker.read_text() == stamp:
        return ws_dir
    files = work / "files"
    files.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    sc = Scenario.new(seed)
    period = period_of(2021, 4)
    sc.add_background_cases(n_cases * 4 // 5, sc.court(), period)
    sc.add_background_cases(
        n_cases - n_cases * 4 // 5, sc.court(NEIGHBOUR_COURT, NEIGHBOUR_CODE), period
    )
    plant_cases(sc, sc.court())
    sc.finish_cases(text, workers=2)
    # Pensions are one row a month. Most of the dead were pensioners paid until their
    # death (about 24 rows each); the living are paid all 48 months.
    deaths = list_rows * 2 // 100
    sc.add_background_lists(
        deaths=deaths,
        pensioners=deaths + list_rows // 200,
        convictions=list_rows * 5 // 100,
        licences_extra=list_rows // 5,
    )
    plant_lists(sc, sc.court())
    print(
        f"generated {len(sc.cases)} cases, {len(sc.deaths) + len(sc.pensions) + len(sc.convictions) + len(sc.licences)} "
        f"list rows in {time.perf_counter() - t:.0f} s",
        flush=True,
    )
    t = time.perf_counter()
    write_cases_csv(
        files / "案件.csv", sc.cases, header_style="court_b", encoding="utf-8-sig", seed=seed
    )
    write_list_csv(
        files / "死亡人员名单.csv",
        sc.deaths,
        header_style="a",
        encoding="utf-8",
        date_format="dash",
    )
    write_list_csv(
        files / "养老金发放明细.csv",
        sc.pensions,
        header_style="a",
        encoding="utf-8",
        date_format="dash",
    )
    write_list_csv(
        files / "危险驾驶罪判决名单.csv",
        sc.convictions,
        header_style="a",
        encoding="utf-8",
        date_format="dash",
    )
    write_list_csv(
        files / "驾驶证状态信息.csv",
        sc.licences,
        header_style="b",
        encoding="utf-8",
        date_format="dash",
    )
    del sc
    print(f"wrote files in {time.perf_counter() - t:.0f} s", flush=True)
    import shutil

    shutil.rmtree(ws_dir, ignore_errors=True)
    ws = open_workspace(ws_dir)
    for path in sorted(files.iterdir()):
        t = time.perf_counter()
        rep = import_file(ws, path, ImportOptions(kind="cases" if "案件" in path.name else "list"))
        print(
            f"imported {path.name}: {rep.rows_imported} rows in {time.perf_counter() - t:.0f} s",
            flush=True,
        )
    t = time.perf_counter()
    analyse_workspace(ws)
    print(f"analysed in {time.perf_counter() - t:.0f} s", flush=True)
    ws.close()
    marker.write_text(stamp)
    return ws_dir


ENGINE = """
from sqlalchemy import text
from core.workspace import open_workspace
from core.supervision.runner import run_models
ws = open_workspace(sys.argv[1])
with ws.write() as conn:
    for t in ("clue_cases", "clue_notes", "clue_events", "clue_hits", "clues", "model_runs"):
        conn.execute(text(f"DELETE FROM {t}"))
t1 = time.perf_counter()
report = run_models(ws)
total = time.perf_counter() - t1
result = {"total": total, "hits": sum(o.hits for o in report.outcomes),
          "clues": report.merge.new}
for o in report.outcomes:
    result["model:" + o.model_id] = o.seconds
    result["hits:" + o.model_id] = o.hits
t2 = time.perf_counter()
again = run_models(ws)
result["rerun"] = time.perf_counter() - t2
result["rerun_unchanged"] = again.merge.unchanged
"""

PANDAS = """
from benchmarks.bench_models_pandas import run_all
result = run_all(sys.argv[1])
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--list-rows", type=int, default=200_000)
    parser.add_argument("--text", type=int, nargs=2, default=(400, 800), metavar=("MIN", "MAX"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", default="/tmp/clueworks-bench-models")
    args = parser.parse_args(argv)
    work = Path(args.workdir)
    ws_dir = build(work, args.cases, args.list_rows, tuple(args.text), args.seed)
    db = ws_dir / "workspace.db"
    print(f"workspace: {db} ({db.stat().st_size / 1e6:.0f} MB)")
    engine = run_child(ENGINE, str(ws_dir))
    baseline = run_child(PANDAS, str(db))
    models = sorted(k.split(":", 1)[1] for k in engine if k.startswith("model:"))
    rows = []
    for m in models:
        rows.append(
            [
                m,
                f"{engine['model:' + m]:.2f}",
                int(engine["hits:" + m]),
                f"{baseline.get('rule:' + m, float('nan')):.2f}",
                int(baseline.get("hits:" + m, -1)),
            ]
        )
    print_table(["model", "engine s", "hits", "pandas s", "pandas hits"], rows)
    total = engine["total"]
    pandas_total = baseline["load"] + baseline["compute"]
    print(
        f"\nengine: all eight models {total:.2f} s (queries {sum(engine['model:' + m] for m in models):.2f} s, "
        f"rest = statistics and writing {int(engine['clues'])} clues); re-run {engine['rerun']:.2f} s; "
        f"peak RSS {engine['peak_rss_mb']:.0f} MB"
    )
    print(
        f"pandas: load {baseline['load']:.2f} s + rules {baseline['compute']:.2f} s = "
        f"{pandas_total:.2f} s; peak RSS {baseline['peak_rss_mb']:.0f} MB"
    )
    print(
        f"ratio pandas / engine: {pandas_total / total:.2f}x "
        f"(rules only: {baseline['compute'] / total:.2f}x)"
    )
    ok = total <= TARGET_SECONDS and engine["peak_rss_mb"] <= TARGET_RSS_MB
    print(
        f"targets: ≤ {TARGET_SECONDS:.0f} s and ≤ {TARGET_RSS_MB:.0f} MB —",
        "met" if ok else "MISSED",
    )
    print(json.dumps({"engine": engine, "pandas": baseline}, ensure_ascii=False))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
