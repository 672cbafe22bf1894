"""Clue exports: the JSON shape scripts rely on, CSV, and an .xlsx where no cell is a formula."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.clues.export import export_clues, safe_text
from core.clues.queries import ClueFilter, list_clues
from core.clues.service import assign, set_tags
from core.errors import UserError
from core.supervision.catalogue import save_user_model
from core.supervision.runner import run_models
from core.workspace import Workspace
from tests.core.clues.test_rerun import SECOND

EVIL = dict(SECOND, id="user.evil", clue={"title": "=1+2 {case_no}"})


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("\nx", "'\nx"),
        ("（2023）浙0799民初1号", "（2023）浙0799民初1号"),
    ],
)
def test_safe_text(value: str, shown: str) -> None:
    assert safe_text(value) == shown


def test_json_export_shape(planted: Workspace, tmp_path: Path) -> None:
    run_models(planted)
    n = export_clues(planted, "json", tmp_path / "clues.json")
    data = json.loads((tmp_path / "clues.json").read_text(encoding="utf-8"))
    assert isinstance(data, list) and len(data) == n == len(list_clues(planted))
    for item in data:
        assert {
            "id",
            "model_ids",
            "subject_type",
            "title",
            "score",
            "status",
            "case_nos",
            "persons",
            "reasons",
        } <= set(item)
        assert item["reasons"] and all(r["detail"] and r["model_id"] for r in item["reasons"])
        assert all(set(p) == {"name", "id_number"} for p in item["persons"])
    cases = [i for i in data if i["subject_type"] == "case"]
    assert cases and all(
        n.startswith("（20") and n.endswith("号") for i in cases for n in i["case_nos"]
    )
    people = [i for i in data if i["subject_type"] == "person"]
    assert people and all(len(p["id_number"]) == 18 for i in people for p in i["persons"])
    scores = [i["score"] for i in data]
    assert scores == sorted(scores, reverse=True)


def test_filtered_csv(planted: Workspace, tmp_path: Path) -> None:
    run_models(planted)
    flt = ClueFilter(model_ids=["social.pension_after_death"])
    n = export_clues(planted, "csv", tmp_path / "c.csv", flt)
    with (tmp_path / "c.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:3] == ["线索编号", "状态", "风险分"] and len(rows) == n + 1 == 4
    assert all("死亡人员冒领养老金" in r[5] for r in rows[1:])


def test_xlsx_is_formatted_and_has_no_formula(planted: Workspace, tmp_path: Path) -> None:
    save_user_model(planted, EVIL)
    run_models(planted, [EVIL["id"]])
    clue = list_clues(planted)[0]
    set_tags(planted, clue.id, add=["+cmd|' /C calc'!A0", "@SUM(1)"])
    assign(planted, clue.id, "-2+3")
    path = tmp_path / "线索.xlsx"
    n = export_clues(planted, "xlsx", path)
    wb = load_workbook(path)
    sheet = wb.active
    assert sheet is not None
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:M{n + 1}"
    assert sheet.column_dimensions["E"].width >= 40
    assert [c.value for c in sheet[1]][:3] == ["线索编号", "状态", "风险分"]
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row]
    assert all(c.data_type != "f" for c in cells)
    texts = [str(c.value) for c in cells if c.value is not None]
    assert any(t.startswith("'=1+2 （") for t in texts)
    assert "'-2+3" in texts
    assert all(not t.startswith(("=", "+", "-", "@")) for t in texts if isinstance(t, str))


def test_unknown_format(planted: Workspace, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="不支持的导出格式"):
        export_clues(planted, "pdf", tmp_path / "x.pdf")
