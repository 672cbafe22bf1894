"""Every hostile file gets a clear Chinese message in bounded time and memory; refusals change nothing."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from tests.hostile.corpus import CORPUS, Hostile
from tests.hostile.runner import Zygote

CJK = re.compile(r"[\u4e00-\u9fff]")
SECONDS = 30.0  # per file, generous for CI; most take well under a second
PEAK_MB = 1200.0  # resident memory of the child, including the ~100 MB interpreter
TABLES = (
    "datasets",
    "source_rows",
    "cases",
    "case_texts",
    "parties",
    "quarantined_rows",
    "audit_log",
)


def counts(ws_dir: Path) -> dict[str, int]:
    con = sqlite3.connect(ws_dir / "workspace.db")
    try:
        out = {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
        out["integrity"] = con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return out
    finally:
        con.close()


def models_dir_files(ws_dir: Path) -> list[str]:
    folder = ws_dir / "models"
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


@pytest.mark.parametrize("item", CORPUS, ids=[h.name for h in CORPUS])
def test_hostile_file(
    item: Hostile, hostile_files: dict[str, Path], seeded_ws: Path, zygote: Zygote
) -> None:
    before = counts(seeded_ws)
    models_before = models_dir_files(seeded_ws)
    outcome = zygote.run(item, hostile_files[item.name], seeded_ws)

    assert outcome.outcome == item.expect, outcome.message
    assert outcome.seconds < SECONDS, outcome
    assert outcome.peak_mb < PEAK_MB, outcome
    assert "Traceback" not in outcome.message
    after = counts(seeded_ws)
    assert after["integrity"]
    if item.expect == "refused":
        assert CJK.search(outcome.message), outcome.message
        assert after == before
        assert models_dir_files(seeded_ws) == models_before
    else:
        assert outcome.rows == item.imported_rows
        assert after["cases"] == before["cases"] + item.imported_rows
        assert after["audit_log"] == before["audit_log"] + 1  # the import, nothing else


def test_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 30
    assert {h.kind for h in CORPUS} == {"sheet", "model", "template"}
    assert len({h.name for h in CORPUS}) == len(CORPUS)


def test_python_tag_in_a_model_runs_nothing(
    hostile_files: dict[str, Path], seeded_ws: Path, zygote: Zygote
) -> None:
    marker = Path("/tmp/clueworks-pwned")
    marker.unlink(missing_ok=True)
    item = next(h for h in CORPUS if h.name == "yaml_python_tag")
    assert zygote.run(item, hostile_files[item.name], seeded_ws).outcome == "refused"
    assert not marker.exists()


def test_formula_text_is_stored_as_text(
    hostile_files: dict[str, Path], seeded_ws: Path, zygote: Zygote
) -> None:
    item = next(h for h in CORPUS if h.name == "formulas")
    assert zygote.run(item, hostile_files[item.name], seeded_ws).outcome == "imported"
    con = sqlite3.connect(seeded_ws / "workspace.db")
    plaintiffs = {r[0] for r in con.execute("SELECT plaintiffs FROM cases")}
    causes = {r[0] for r in con.execute("SELECT cause FROM cases")}
    con.close()
    joined = " ".join(str(p) for p in plaintiffs)
    assert "HYPERLINK" in joined and "cmd|" in joined  # kept verbatim, never evaluated
    assert "民间借贷纠纷" in causes  # the cached value of a real formula


def test_external_entity_never_reads_local_files(
    hostile_files: dict[str, Path], seeded_ws: Path, zygote: Zygote
) -> None:
    item = next(h for h in CORPUS if h.name == "xml_external_entity")
    outcome = zygote.run(item, hostile_files[item.name], seeded_ws)
    assert outcome.outcome == "refused"
    assert "root:" not in outcome.message


def test_out_of_range_dates_are_flagged_not_invented(
    hostile_files: dict[str, Path], seeded_ws: Path, zygote: Zygote
) -> None:
    item = next(h for h in CORPUS if h.name == "dates_out_of_range")
    assert zygote.run(item, hostile_files[item.name], seeded_ws).outcome == "imported"
    con = sqlite3.connect(seeded_ws / "workspace.db")
    rows = con.execute(
        "SELECT filing_date, extra FROM cases WHERE case_no LIKE '（2024）浙0783%'"
    ).fetchall()
    con.close()
    assert len(rows) == 6
    assert all(date is None and "无法识别" in extra for date, extra in rows)
