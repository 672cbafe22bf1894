"""The regression corpus of files that must be refused, generated (never downloaded)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from tests.conftest import write_csv, write_xlsx
from tests.core.ingest.casedata import HEADERS_A, case_rows


def empty_file(folder: Path) -> Path:
    path = folder / "空文件.xlsx"
    path.write_bytes(b"")
    return path


def empty_csv(folder: Path) -> Path:
    path = folder / "空文件.csv"
    path.write_bytes(b"")
    return path


def truncated_xlsx(folder: Path) -> Path:
    good = write_xlsx(folder / "good.xlsx", HEADERS_A, case_rows(50))
    data = good.read_bytes()
    good.unlink()
    path = folder / "截断.xlsx"
    path.write_bytes(data[: len(data) // 2])
    return path


def text_named_xlsx(folder: Path) -> Path:
    path = folder / "其实是文本.xlsx"
    path.write_text("案号,原告,被告\n（2023）浙0782民初1号,张三,李四\n", encoding="utf-8")
    return path


def zip_not_spreadsheet(folder: Path) -> Path:
    path = folder / "压缩包.xlsx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "这不是表格")
        zf.writestr("data/a.csv", "a,b\n1,2\n")
    path.write_bytes(buf.getvalue())
    return path


def header_only_csv(folder: Path) -> Path:
    return write_csv(folder / "只有表头.csv", ["案号", "原告", "被告", "案由"], [])


def no_key_column(folder: Path) -> Path:
    rows = [["张三", "买卖", "2023-01-01"], ["李四", "借贷", "2023-02-01"]]
    return write_xlsx(folder / "无案号列.xlsx", ["联系人", "备注", "日期"], rows)


def binary_garbage(folder: Path) -> Path:
    path = folder / "乱码.csv"
    path.write_bytes(bytes(range(256)) * 40)
    return path


def docx_renamed(folder: Path) -> Path:
    path = folder / "文书.xlsx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    path.write_bytes(buf.getvalue())
    return path


def blank_sheet_xlsx(folder: Path) -> Path:
    return write_xlsx(folder / "空表.xlsx", [], [])


CORPUS: dict[str, Callable[[Path], Path]] = {
    "empty_file": empty_file,
    "empty_csv": empty_csv,
    "truncated_xlsx": truncated_xlsx,
    "text_named_xlsx": text_named_xlsx,
    "zip_not_spreadsheet": zip_not_spreadsheet,
    "header_only_csv": header_only_csv,
    "no_key_column": no_key_column,
    "binary_garbage": binary_garbage,
    "docx_renamed": docx_renamed,
    "blank_sheet_xlsx": blank_sheet_xlsx,
}
