"""Recall and precision of the bundled supervision models on generated data with planted patterns.

    python -m benchmarks.eval_models [--cases 3000] [--seed 7] [--workdir DIR]

Builds a scenario (background cases and lists, plus the planted positives and near-miss
decoys of tools/demogen/plant.py), writes it as the offices' spreadsheets, imports them
through core, runs the analysis and every bundled model, and prints per model: planted
positives found (recall), clues that are planted positives (precision), decoys raised.
Then checks that two models hitting one case give one clue with both models' reasons.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from core.analysis import analyse_workspace
from core.clues.queries import ClueFilter, ClueRow, clue_detail, list_clues
from core.ingest.pipeline import import_file
from core.ingest.plan import ImportOptions
from core.supervision.catalogue import save_user_model
from core.supervision.runner import run_models
from core.workspace import Workspace, open_workspace
from tools.demogen.plant import MODELS, clue_matches, write_planted

EXTRA_MODEL = {
    "id": "user.cash_iou_lending",
    "version": 1,
    "name": "现金交付且仅有借条的民间借贷",
    "category": "民事",
    "kind": "case_screen",
    "summary": "用于检验“多个模型命中同一案件只生成一条线索”。",
    "description": "民间借贷案件中，借款以现金交付且仅有借条等凭证的。",
    "inputs": [{"role": "cases", "kind": "cases", "label": "民事案件"}],
    "rule": {
        "where": [
            {"field": "cause", "contains": ["民间借贷"]},
            {"flag": "cash_delivery"},
            {"flag": "iou_only"},
        ]
    },
    "clue": {"title": "{case_no}：现金交付且仅有借条"},
}


def load(ws: Workspace, folder: Path) -> None:
    """Import every file (case exports as cases) and analyse."""
    for path in sorted(folder.iterdir()):
        kind = "cases" if "案件" in path.name else None
        import_file(ws, path, ImportOptions(kind=kind))
    analyse_workspace(ws)


def matches(item: dict[str, Any], clue: ClueRow) -> bool:
    """Return whether a clue is the one a truth item expects."""
    return clue_matches(item, clue.subject_type, clue.case_nos, clue.persons)


def evaluate(ws: Workspace, truth: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for model in MODELS:
        clues = list_clues(ws, ClueFilter(model_ids=[model], include_stale=False))
        t = truth[model]
        found = [p for p in t["positives"] if any(matches(p, c) for c in clues)]
        decoys = [d for d in t["decoys"] if any(matches(d, c) for c in clues)]
        true_clues = [c for c in clues if any(matches(p, c) for p in t["positives"])]
        rows.append(
            {
                "model": model,
                "planted": len(t["positives"]),
                "found": len(found),
                "clues": len(clues),
                "true": len(true_clues),
                "decoys": len(t["decoys"]),
                "decoys_raised": len(decoys),
                "missed": [p for p in t["positives"] if p not in found],
                "false": [c.title for c in clues if c not in true_clues],
            }
        )
    return rows


def check_one_clue(ws: Workspace, truth: dict[str, Any]) -> tuple[int, int]:
    """Return (cases hit by both case screens, of them given one clue with both reasons)."""
    save_user_model(ws, EXTRA_MODEL)
    run_models(ws, ["lending.false_litigation", EXTRA_MODEL["id"]])
    both = ok = 0
    for item in truth["lending.false_litigation"]["positives"]:
        clues = [
            c for c in list_clues(ws) if c.subject_type == "case" and item["case"] in c.case_nos
        ]
        if clues and len(clues[0].model_ids) == 2:
            both += 1
            detail = clue_detail(ws, clues[0].id)
            models = {r["model_id"] for r in detail.reasons()}
            ok += int(len(clues) == 1 and models == {"lending.false_litigation", EXTRA_MODEL["id"]})
    return both, ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", help="keep files and workspace here (default: a temp dir)")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.workdir or tmp)
        files = work / "files"
        files.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        truth = write_planted(files, args.cases, args.seed)
        ws = open_workspace(work / f"ws-{int(time.time())}")
        load(ws, files)
        t1 = time.perf_counter()
        report = run_models(ws)
        t2 = time.perf_counter()
        rows = evaluate(ws, truth)
        both, ok = check_one_clue(ws, truth)
        ws.close()
    print(
        f"data: {args.cases} background cases (+{max(100, args.cases // 5)} neighbour), "
        f"seed {args.seed}; build+import+analyse {t1 - t0:.1f} s; all models {t2 - t1:.2f} s"
    )
    print(
        f"{'model':36} {'planted':>7} {'found':>5} {'recall':>6} {'clues':>5} "
        f"{'precision':>9} {'decoys':>6} {'raised':>6}"
    )
    ok_all = True
    for r in rows:
        recall = r["found"] / r["planted"] if r["planted"] else 1.0
        precision = r["true"] / r["clues"] if r["clues"] else 1.0
        print(
            f"{r['model']:36} {r['planted']:7} {r['found']:5} {recall:6.2f} {r['clues']:5} "
            f"{precision:9.2f} {r['decoys']:6} {r['decoys_raised']:6}"
        )
        if args.verbose or recall < 1 or r["decoys_raised"] or precision < 1:
            for m in r["missed"]:
                print(f"    missed: {m}")
            for f in r["false"][:10]:
                print(f"    not planted: {f}")
        ok_all &= recall == 1.0 and r["decoys_raised"] == 0 and precision == 1.0
    timing = {o.model_id: o.seconds for o in report.outcomes}
    print("per-model seconds: " + ", ".join(f"{k} {v:.2f}" for k, v in timing.items()))
    print(
        f"several models on one case: {both} cases hit by both case screens, "
        f"{ok} of them one clue with both models' reasons"
    )
    ok_all &= both > 0 and ok == both
    print("RESULT:", "ok" if ok_all else "FAILED")
    return 0 if ok_all else 1


if __name__ == "__main__":
    sys.exit(main())
