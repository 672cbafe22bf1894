"""Two-row headers: merged group labels (当事人, 日期) over their parts (原告/被告, 立案/结案)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import text

from core.ingest.pipeline import import_file
from core.ingest.plan import inspect_file
from core.ingest.subheaders import combine_sub_header
from tests.conftest import write_csv

TOP = ["序号", "案号", "案由", "当事人", "", "日期", "", "标的额"]
SUB = ["", "", "", "原告", "被告", "立案", "结案", ""]


def _row(i: int) -> list[Any]:
    return [i, f"（2023）浙0782民初{300 + i}号", "买卖合同纠纷", f"原告{i}", f"被告{i}",
            f"2023/4/{i}", f"2023/6/{i}", f"{i}0,000.00"]


def _merged_book(path: Path, n: int = 8) -> Path:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    ws = wb.add_worksheet("Sheet1")
    ws.merge_range(0, 0, 0, 7, "2023年度收结案明细")
    for col in (0, 1, 2, 7):  # single labels merged down over both header rows
        ws.merge_range(1, col, 2, col, TOP[col])
    ws.merge_range(1, 3, 1, 4, "当事人")
    ws.merge_range(1, 5, 1, 6, "日期")
    ws.write_row(2, 3, SUB[3:7])
    for i in range(1, n + 1):
        ws.write_row(2 + i, 0, _row(i))
    wb.close()
    return path


def test_merged_two_row_header_is_combined(tmp_path: Path) -> None:
    plan = inspect_file(_merged_book(tmp_path / "收结案.xlsx"))
    assert plan.header_row == 2 and plan.total_rows == 8
    got = {f: m.header for f, m in plan.mapping.items()}
    assert got["plaintiffs"] == "当事人（原告）" and got["defendants"] == "当事人（被告）"
    assert got["filing_date"] == "日期（立案）" and got["closing_date"] == "日期（结案）"
    assert all(plan.mapping[f].confidence >= 0.8 for f in got)
    assert plan.samples[0][1] == "（2023）浙0782民初301号"


def test_two_row_header_imports_the_data_below(tmp_path: Path, workspace: Any) -> None:
    report = import_file(workspace, _merged_book(tmp_path / "收结案.xlsx", n=3))
    assert report.rows_read == 3 and report.rows_imported == 3 and not report.quarantined
    with workspace.read() as conn:
        first = conn.execute(text(
            "SELECT plaintiffs, defendants, filing_date, closing_date FROM cases ORDER BY id")).first()
    assert first is not None
    assert tuple(first) == ("原告1", "被告1", "2023-04-01", "2023-06-01")


def test_two_row_header_in_csv(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "收结案.csv", TOP, [SUB, *(_row(i) for i in range(1, 6))])
    plan = inspect_file(path)
    assert plan.header_row == 1 and plan.mapping["plaintiffs"].header == "当事人（原告）"


def test_a_sparse_first_data_row_is_not_a_header() -> None:
    top = ["案号", "原告", "被告", "备注", ""]
    assert combine_sub_header(top, ["（2023）浙0782民初1号", "张三", "", "", ""]) is None
    assert combine_sub_header(top, ["", "", "", "张三", "李四"]) is None  # no field named
    assert combine_sub_header(["案号", "当事人", ""], ["", "张三", "2023/4/1"]) is None
    assert combine_sub_header(["案号", "当事人", ""], ["", "原告", "被告"]) == [
        "案号", "当事人（原告）", "当事人（被告）"]
