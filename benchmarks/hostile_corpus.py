"""Feed every file of the hostile-input corpus to the program and print what happened.

    python benchmarks/hostile_corpus.py [--markdown]

Each file runs in a forked child under a 60 s alarm and a 3 GB address-space cap (see
tests/hostile/zygote.py), against a copy of a workspace holding 20 cases. The table
shows the outcome, the first line of the message, the wall time and the child's peak
resident memory (which includes the ~100 MB interpreter every child starts with).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._util import print_table
from tests.hostile.corpus import CORPUS
from tests.hostile.runner import Zygote

OUTCOME = {
    "refused": "拒绝",
    "imported": "已导入",
    "accepted": "接受",
    "error": "错误",
    "killed": "被终止",
}


def seeded_workspace(folder: Path) -> Path:
    from sqlalchemy import text

    from core.ingest.pipeline import import_file
    from core.workspace import open_workspace
    from tests.conftest import write_xlsx
    from tests.core.ingest.casedata import HEADERS_A, case_rows

    ws = open_workspace(folder / "ws")
    import_file(ws, write_xlsx(folder / "种子.xlsx", HEADERS_A, case_rows(20)))
    with ws.write() as conn:
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('backup.keep', '0')"))
    ws.close()
    return folder / "ws"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args()
    rows: list[list[object]] = []
    with tempfile.TemporaryDirectory() as tmp, Zygote() as zygote:
        root = Path(tmp)
        template = seeded_workspace(root)
        for item in CORPUS:
            folder = root / item.name
            folder.mkdir()
            path = item.make(folder)
            ws = root / f"ws-{item.name}"
            shutil.copytree(template, ws)
            result = zygote.run(item, path, ws)
            first = result.message.replace("错误：", "").splitlines()[0] if result.message else ""
            ok = "✓" if result.outcome == item.expect else "✗"
            rows.append(
                [
                    f"{item.name} ({path.name})",
                    item.kind,
                    f"{ok} {OUTCOME.get(result.outcome, result.outcome)}",
                    f"{result.seconds:.2f}",
                    f"{result.peak_mb:.0f}",
                    first[:70],
                ]
            )
            shutil.rmtree(folder, ignore_errors=True)
            shutil.rmtree(ws, ignore_errors=True)
    headers = ["file", "kind", "outcome", "seconds", "peak MB", "message"]
    if args.markdown:
        print("| " + " | ".join(headers) + " |")
        print("|" + "---|" * len(headers))
        for row in rows:
            print("| " + " | ".join(str(c).replace("|", "/") for c in row) + " |")
    else:
        print_table(headers, rows)
    failures = sum(1 for r in rows if str(r[2]).startswith("✗"))
    print(f"\n{len(rows)} files, {failures} with an unexpected outcome.")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
