"""Clues handed down by a superior procuratorate: import, origin, linking, report back."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from core.clues.handed import import_handed, map_headers, write_handed_report
from core.clues.queries import clue_detail
from core.clues.service import add_note, set_status
from core.errors import RefusedInput
from core.workspace import Workspace
from tests.conftest import table_counts, write_csv, write_xlsx

HEADER = ["序号", "关联案号", "被反映人", "身份证号码", "反映问题", "办理期限"]


def _a_case_no(ws: Workspace) -> str:
    with ws.read() as conn:
        return str(conn.execute(text("SELECT case_no FROM cases ORDER BY id LIMIT 1")).scalar_one())


def _sheet(path: Path, case_no: str) -> Path:
    rows = [
        ["1", case_no, "张某某", "11010519491231002x", "原告在本院一年内起诉二十余件借贷案件，疑为职业放贷", "2026-12-31"],
        ["2", "", "李某", "", "=HYPERLINK(\"x\") 反映其以虚假债务参与分配", "2027年1月15日"],
        ["", "", "", "", "", ""],
        ["3", "（2025）某0000民初999999号", "", "", "", ""],
        ["4", "", "", "", "", "2027-01-01"],
    ]
    return write_xlsx(path, HEADER, rows, title="某市人民检察院交办线索清单")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (["交办编号", "案号", "当事人", "线索内容"], {"handed_no": 0, "case_no": 1, "name": 2, "content": 3}),
        (["序号", "案件编号", "相关人员", "证件号码", "主要问题", "反馈期限"],
         {"handed_no": 0, "case_no": 1, "name": 2, "id_number": 3, "content": 4, "due": 5}),
        (["线 索 编 号", "涉及案号（一审）", "线索摘要"], {"handed_no": 0, "case_no": 1, "content": 2}),
        (["交办单位名称", "编号", "当事人", "问题描述"], {"handed_no": 1, "name": 2, "content": 3}),
    ],
)
def test_headers_of_different_offices(header: list[str], expected: dict[str, int]) -> None:
    assert map_headers(header) == expected


def test_import_link_work_and_report_back(planted: Workspace, tmp_path: Path) -> None:
    case_no = _a_case_no(planted)
    path = _sheet(tmp_path / "交办.xlsx", case_no)
    rep = import_handed(planted, path, "某市人民检察院", "某检交〔2026〕3号", actor="张检察官")
    assert (rep.created, rep.already, rep.linked_cases) == (3, 0, 1)
    assert rep.problems == [{"row": 7, "reason": "没有线索内容、案号或当事人"}]
    again = import_handed(planted, path, "某市人民检察院", "某检交〔2026〕3号")
    assert (again.created, again.already) == (0, 3)
    with planted.read() as conn:
        clues = conn.execute(text(
            "SELECT id, origin, score, subject_type FROM clues WHERE subject_key LIKE 'handed:%' ORDER BY id"
        )).all()
    assert [c.origin for c in clues] == ["交办：某市人民检察院（某检交〔2026〕3号）"] * 3
    assert [c.subject_type for c in clues] == ["case", "person", "case"] and clues[0].score == 100
    first = clue_detail(planted, clues[0].id)
    assert [c["case_no"] for c in first.row.cases] == [case_no]
    assert first.hits[0]["reasons"][0]["values"]["办理期限"] == "2026-12-31"
    set_status(planted, clues[0].id, "reviewing", actor="张检察官")
    set_status(planted, clues[0].id, "dismissed", "经调取流水，借款均有真实交付", actor="张检察官")
    add_note(planted, clues[1].id, "已调取执行卷宗", actor="王检察官")
    out = tmp_path / "反馈.xlsx"
    assert write_handed_report(planted, out, "某检交〔2026〕3号") == 3
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c.value for c in r), strict=True)) for r in sheet.iter_rows(min_row=2)]
    assert [r["交办编号"] for r in rows] == ["1", "2", "3"]
    assert rows[0]["办理状态"] == "已排除" and "真实交付" in rows[0]["核查结论及理由"]
    assert "已调取执行卷宗" in rows[1]["办理情况"] and rows[1]["办理期限"] == "2027-01-15"
    assert rows[1]["线索内容"].startswith("'=HYPERLINK")  # shown as text, never a formula
    assert rows[2]["案号"] == "（2025）某0000民初999999号" and rows[2]["办理状态"] == "待核查"


def test_a_sheet_without_handed_headers_changes_nothing(planted: Workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", ["甲", "乙", "丙"], [["1", "2", "3"]])
    before = table_counts(planted)
    with pytest.raises(RefusedInput, match="找不到交办线索表的表头"):
        import_handed(planted, path, "某市人民检察院")
    assert table_counts(planted) == before


def test_cli_handed_import_and_report(planted: Workspace, tmp_path: Path) -> None:
    path = _sheet(tmp_path / "交办.xlsx", _a_case_no(planted))

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "core.cli", "--workspace", str(planted.root), *args],
                              capture_output=True, text=True, check=False)

    done = cli("clues", "handed-import", str(path), "--from", "某市人民检察院", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["created"] == 3
    report = cli("clues", "handed-report", "-o", str(tmp_path / "r.xlsx"))
    assert report.returncode == 0 and "3 条" in report.stdout
    refused = cli("clues", "handed-import", str(tmp_path / "missing.xlsx"), "--from", "某院")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
