"""A workbook with several data sheets: the largest is imported and the others are named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.cli import main
from core.ingest.plan import ImportOptions, OtherSheet, inspect_file

HEADER = ["案号", "案由", "原告", "被告"]


def _two_year_book(path: Path) -> Path:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    for year, n in ((2022, 30), (2023, 20)):
        ws = wb.add_worksheet(f"{year}年")
        ws.write_row(0, 0, HEADER)
        for i in range(1, n + 1):
            ws.write_row(i, 0, [f"（{year}）浙0782民初{i}号", "民间借贷纠纷", f"原告{i}", f"被告{i}"])
    notes = wb.add_worksheet("说明")
    notes.write(0, 0, "本表由立案庭导出，仅供内部使用。")
    notes.write(1, 0, "如有疑问请联系信息中心。")
    wb.add_worksheet("空白")
    wb.close()
    return path


def test_plan_names_the_other_sheets_with_data(tmp_path: Path) -> None:
    plan = inspect_file(_two_year_book(tmp_path / "案件.xlsx"))
    assert plan.sheet == "2022年" and plan.total_rows == 30
    assert plan.other_sheets == [OtherSheet("2023年", 20)]
    chosen = inspect_file(tmp_path / "案件.xlsx", ImportOptions(sheet="2023年"))
    assert chosen.total_rows == 20 and chosen.other_sheets == [OtherSheet("2022年", 30)]


def test_single_sheet_files_name_no_other_sheet(tmp_path: Path) -> None:
    from tests.conftest import write_csv, write_xlsx

    rows = [["（2023）浙0782民初1号", "民间借贷纠纷", "张三", "李四"]]
    assert inspect_file(write_xlsx(tmp_path / "a.xlsx", HEADER, rows)).other_sheets == []
    assert inspect_file(write_csv(tmp_path / "a.csv", HEADER, rows)).other_sheets == []


def test_cli_report_tells_how_to_import_the_other_sheets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = str(_two_year_book(tmp_path / "案件.xlsx"))
    ws = str(tmp_path / "ws")
    capsys.readouterr()
    assert main(["--workspace", ws, "import", book, "--no-analyse"]) == 0
    out = capsys.readouterr().out
    assert "“2023年”（约 20 行）" in out and "说明" not in out and "空白" not in out
    assert f'clueworks --workspace "{ws}" import "{book}" --sheet "2023年"' in out
    assert main(["--workspace", ws, "import", book, "--sheet", "2023年", "--json", "--no-analyse"]) == 0
    rep = json.loads(capsys.readouterr().out)
    assert rep["sheet"] == "2023年" and rep["rows_imported"] == 20
    assert rep["other_sheets"] == [{"sheet": "2022年", "rows": 30}]
    for key in ("dataset_id", "kind", "list_type", "rows_read", "mapping", "unmapped", "already_imported"):
        assert key in rep
