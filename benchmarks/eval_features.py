"""Print precision and recall of the text features on labelled passages and on real judgments.

    python benchmarks/eval_features.py [--misses]

(a) the project's own passages (tests/core/text/passages.yaml);
(b) real private-lending judgments from ``../shared/real-text/`` (relative to the repo root)
    with the labels in tests/core/text/real_text_labels.yaml, when that folder exists.
    The real texts are read from there only; nothing of them is stored in the project.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.text import CUE_VERSION  # noqa: E402
from core.text.evaluation import (  # noqa: E402
    Evaluation,
    LabelledText,
    evaluate,
    format_table,
    labelled_from_mapping,
)

PASSAGES = ROOT / "tests" / "core" / "text" / "passages.yaml"
REAL_LABELS = ROOT / "tests" / "core" / "text" / "real_text_labels.yaml"
REAL_DIR = ROOT.parent / "shared" / "real-text"
REAL_FILE = "cail2019_scm_loan_facts.jsonl"
# Real items up to this id were labelled in the first two rounds; later ones last (see the
# note at the top of real_text_labels.yaml on which rounds the cues were tuned against).
LAST_TUNING_ID = "scm-131"


def load_passages() -> list[LabelledText]:
    data = yaml.safe_load(PASSAGES.read_text(encoding="utf-8"))
    return [labelled_from_mapping(item) for item in data["passages"]]


def load_real() -> list[LabelledText] | None:
    path = REAL_DIR / REAL_FILE
    if not path.exists():
        return None
    texts = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                texts[row["id"]] = row["text"]
    data = yaml.safe_load(REAL_LABELS.read_text(encoding="utf-8"))
    return [labelled_from_mapping(item, texts[item["id"]]) for item in data["items"]]


def report(title: str, evaluation: Evaluation, n: int, show_misses: bool) -> None:
    print(f"\n## {title} ({n} passages)\n")
    print(format_table(evaluation))
    if show_misses and evaluation.misses:
        print("\nmisses:")
        for miss in evaluation.misses:
            print(f"  {miss.id:<14} {miss.kind:<7} {miss.key:<34} {miss.detail}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every disagreement")
    args = parser.parse_args()
    print(f"cue version {CUE_VERSION}")
    passages = load_passages()
    report("(a) project passages", evaluate(passages), len(passages), args.misses)
    real = load_real()
    if real is None:
        print(f"\n## (b) real texts: {REAL_DIR} not found — skipped")
        return
    report("(b) real texts, all labelled", evaluate(real), len(real), args.misses)
    tuning = [r for r in real if r.id <= LAST_TUNING_ID]
    held_out = [r for r in real if r.id > LAST_TUNING_ID]
    if held_out:
        report(f"(b1) real texts up to {LAST_TUNING_ID}", evaluate(tuning), len(tuning), False)
        report("(b2) real texts labelled last", evaluate(held_out), len(held_out), False)


if __name__ == "__main__":
    main()
