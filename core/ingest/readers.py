"""Reading spreadsheets and delimited text as streams of rows of cell values.

Format is decided by the file's bytes, not its extension. Excel/ODS go through
python-calamine (no XML parser of ours touches untrusted workbooks); CSV/TXT are decoded
strictly as UTF-8, then GB18030, then by detection as a last resort.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.errors import RefusedInput
from core.security.archives import check_archive

EXCEL_EXTS = {".xlsx", ".xlsm", ".xls", ".ods"}
HTML_EXTS = {".htm", ".html"}
TEXT_EXTS = {".csv", ".txt", ".tsv"}
# Bounds on what one file may hold. Excel itself stops at 32,767 characters per cell and
# 16,384 columns; court exports have tens of columns and judgments of tens of thousands
# of characters. Beyond these the file is broken or built to exhaust memory or time.
MAX_CELL_CHARS = 1_000_000
MAX_COLUMNS = 1_024
_CHUNK = 8 * 1024 * 1024


@dataclass(frozen=True)
class SheetInfo:
    name: str
    rows: int
    cols: int


def sniff_format(path: Path) -> str:
    """Return "xlsx", "ods", "xls", "html" or "text" from the file's content; refuse what is none."""
    ext = path.suffix.lower()
    if path.exists() and not path.is_file():
        # A pipe or device named like a spreadsheet: opening it could block forever.
        raise RefusedInput(f"“{path.name}”不是普通文件（可能是管道或设备），无法导入。")
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(4096)  # the magic bytes, or the start of a web page
    except PermissionError as exc:
        raise RefusedInput(
            f"无法读取文件“{path.name}”：没有读取权限或文件被其他程序占用。"
        ) from exc
    except OSError as exc:
        raise RefusedInput(f"无法读取文件“{path.name}”。", str(exc)) from exc
    if size == 0:
        raise RefusedInput(f"文件“{path.name}”是空文件（0 字节），没有可导入的内容。")
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(path)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "xls"
    if ext in EXCEL_EXTS | HTML_EXTS:
        from core.ingest.html_tables import looks_like_html_table

        if looks_like_html_table(head):
            return "html"
    if ext in EXCEL_EXTS:
        raise RefusedInput(
            f"文件“{path.name}”的扩展名是 {ext}，但内容不是电子表格（可能是改了扩展名的文本或其他文件）。",
            "请用 Excel 或 WPS 打开确认后另存为 .xlsx，或将文本数据保存为 .csv 后再导入。",
        )
    if b"\x00" in head[:8] and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise RefusedInput(f"文件“{path.name}”不是表格或文本文件，无法导入。")
    return "text"


def _zip_kind(path: Path) -> str:
    try:
        names = check_archive(path).names
        if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
            return "xlsx"
        if "mimetype" in names:
            with zipfile.ZipFile(path) as zf:
                mime = zf.read("mimetype")[:100]
            if b"spreadsheet" in mime:
                return "ods"
    except zipfile.BadZipFile as exc:
        raise RefusedInput(
            f"文件“{path.name}”已损坏或不完整（可能复制或下载时中断），无法读取。",
            "请重新获取原始文件后再导入。",
        ) from exc
    except (OSError, EOFError) as exc:
        raise RefusedInput(f"文件“{path.name}”已损坏或不完整，无法读取。", str(exc)) from exc
    raise RefusedInput(f"文件“{path.name}”是压缩包，但不是 Excel 或 ODS 电子表格。")


def _too_wide(name: str, columns: int) -> RefusedInput:
    return RefusedInput(
        f"文件“{name}”的表格有 {columns:,} 列，超过本程序支持的 {MAX_COLUMNS:,} 列，已拒绝导入。",
        "请删除多余的空列或无关的列后另存，再导入。",
    )


def checked_rows(name: str, rows: Iterator[list[Any]]) -> Iterator[list[Any]]:
    """Yield ``rows`` unchanged, refusing over-long cells, NUL characters and too many columns."""
    for number, row in enumerate(rows, start=1):
        if len(row) > MAX_COLUMNS:
            raise _too_wide(name, len(row))
        for value in row:
            if type(value) is str and (len(value) > MAX_CELL_CHARS or "\x00" in value):
                raise _bad_cell(name, number, row)
        yield row


def _bad_cell(name: str, number: int, row: list[Any]) -> RefusedInput:
    """Return the refusal for the first over-long or NUL-holding cell of ``row``."""
    for col, value in enumerate(row, start=1):
        if type(value) is not str:
            continue
        if "\x00" in value:
            return RefusedInput(
                f"文件“{name}”第 {number} 行第 {col} 列含有空字符（\\0），"
                "文件可能已损坏或不是文本表格，已拒绝导入。",
                "请用 Excel/WPS 打开后另存为 .xlsx 或“CSV UTF-8”再导入。",
            )
        if len(value) > MAX_CELL_CHARS:
            return RefusedInput(
                f"文件“{name}”第 {number} 行第 {col} 列的单元格有 {len(value):,} 个字符，"
                f"超过上限 {MAX_CELL_CHARS:,}，已拒绝导入。",
                "文件可能已损坏或被恶意构造；Excel 单元格最多只能存 32,767 个字符。",
            )
    return RefusedInput(f"文件“{name}”第 {number} 行有无法读取的单元格，已拒绝导入。")


_EXTS_OF = {"xlsx": ("xlsx", "xlsm"), "xls": ("xls",), "ods": ("ods",)}


class WorkbookReader:
    """Rows of one sheet of an .xlsx/.xlsm/.xls/.ods workbook, through calamine."""

    def __init__(self, path: Path, file_format: str | None = None) -> None:
        from python_calamine import CalamineWorkbook

        self.path = path
        self._alias: tempfile.TemporaryDirectory[str] | None = None
        source = path
        if file_format and path.suffix.lower().lstrip(".") not in _EXTS_OF[file_format]:
            # calamine picks its parser by extension: show it the file under its real one.
            self._alias = tempfile.TemporaryDirectory(prefix="clueworks-")
            source = Path(self._alias.name) / f"book.{file_format}"
            try:
                os.link(path, source)
            except OSError:
                shutil.copyfile(path, source)
        try:
            self._wb = CalamineWorkbook.from_path(str(source))
        except Exception as exc:  # calamine raises its own error types for broken files
            raise RefusedInput(
                f"文件“{path.name}”已损坏或格式无法识别，无法读取。", str(exc)[:300]
            ) from exc
        self._cache: dict[str, Any] = {}

    def _sheet(self, name: str) -> Any:
        if name not in self._cache:
            try:
                sheet = self._wb.get_sheet_by_name(name)
            except Exception as exc:
                raise RefusedInput(
                    f"工作表“{name}”无法读取（文件可能已损坏）。", str(exc)[:300]
                ) from exc
            if int(sheet.width) > MAX_COLUMNS:
                raise _too_wide(self.path.name, int(sheet.width))
            self._cache[name] = sheet
        return self._cache[name]

    def sheets(self) -> list[SheetInfo]:
        out = []
        for meta in self._wb.sheets_metadata:
            if str(getattr(meta, "visible", "Visible")).lower().endswith("hidden"):
                continue
            sheet = self._sheet(meta.name)
            out.append(SheetInfo(meta.name, int(sheet.height), int(sheet.width)))
        return out

    def default_sheet(self) -> str:
        sheets = self.sheets()
        if not sheets:
            raise RefusedInput(f"文件“{self.path.name}”中没有工作表。")
        return max(sheets, key=lambda s: (s.rows * max(s.cols, 1), -sheets.index(s))).name

    def total_rows(self, sheet: str) -> int:
        return int(self._sheet(sheet).height)

    def keep_only(self, sheet: str) -> None:
        """Forget the loaded sheets other than ``sheet``."""
        self._cache = {k: v for k, v in self._cache.items() if k == sheet}

    def merged_down(self, sheet: str) -> list[tuple[int, int, int, int]]:
        """Return the sheet's merged ranges that span rows, as (first row, last row, first
        column, last column) in the coordinates of ``rows`` (0-based, columns counted from
        the sheet's first used column); only the first row of such a range holds its value."""
        try:
            data = self._sheet(sheet)
            ranges = data.merged_cell_ranges or []
            first_col = int(data.start[1]) if data.start is not None else 0
        except Exception:
            return []  # merges are a help for reading, never a reason to refuse a file
        return [(int(r0), int(r1), int(c0) - first_col, int(c1) - first_col)
                for (r0, c0), (r1, c1) in ranges if r1 > r0 and c0 >= first_col]

    def rows(self, sheet: str) -> Iterator[list[Any]]:
        names = list(self._wb.sheet_names)
        if sheet not in names:
            raise RefusedInput(
                f"文件中没有名为“{sheet}”的工作表。", "现有工作表：" + "、".join(names)
            )
        yield from checked_rows(self.path.name, self._sheet(sheet).iter_rows())


class HtmlTableReader(WorkbookReader):
    """The tables of a web page saved as .xls, read as sheets 表格1, 表格2, …"""

    def __init__(self, path: Path) -> None:  # no calamine workbook behind it
        from core.ingest.html_tables import read_tables

        self.path = path
        self._tables = {f"表格{i}": t for i, t in enumerate(read_tables(path), start=1)}

    def sheets(self) -> list[SheetInfo]:
        return [SheetInfo(name, len(t), max((len(r) for r in t), default=0))
                for name, t in self._tables.items()]

    def total_rows(self, sheet: str) -> int:
        return len(self._tables.get(sheet, []))

    def keep_only(self, sheet: str) -> None:
        self._tables = {k: v for k, v in self._tables.items() if k == sheet}

    def merged_down(self, sheet: str) -> list[tuple[int, int, int, int]]:
        return []  # rowspans are filled while the page is read

    def rows(self, sheet: str) -> Iterator[list[Any]]:
        if sheet not in self._tables:
            raise RefusedInput(f"网页表格中没有“{sheet}”。", "现有：" + "、".join(self._tables))
        yield from checked_rows(self.path.name, (list(row) for row in self._tables[sheet]))


class EncodingMismatch(Exception):
    """The text stopped decoding in the encoding chosen from the file's head."""

    def __init__(self, encoding: str) -> None:
        super().__init__(encoding)
        self.encoding = encoding


def _decodes(path: Path, encoding: str, limit: int | None) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    read = 0
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(_CHUNK):
                decoder.decode(chunk)
                read += len(chunk)
                if limit is not None and read >= limit:
                    return True  # a character cut at the sample's end is not an error
        decoder.decode(b"", final=True)
        return True
    except UnicodeDecodeError:
        return False


def detect_encoding(path: Path, *, whole: bool = False) -> str:
    """Return the text encoding: strict utf-8-sig, then gb18030, then detection.

    Only the first 8 MB are checked unless ``whole``; the import decodes strictly and
    starts over in the next encoding if a later part does not decode (EncodingMismatch).
    """
    limit = None if whole else _CHUNK
    for enc in ("utf-8-sig", "gb18030"):
        if _decodes(path, enc, limit):
            return enc
    from charset_normalizer import from_path

    best = from_path(path).best()
    if best is None or best.encoding is None:
        raise RefusedInput(
            f"无法识别文件“{path.name}”的文字编码。",
            "请用 Excel/WPS 另存为“CSV UTF-8”或 .xlsx 后再导入。",
        )
    return str(best.encoding)


def next_encoding(path: Path, failed: str) -> str:
    """Return the encoding to try after ``failed`` broke part-way through the file."""
    order = ["utf-8-sig", "gb18030"]
    for enc in order[order.index(failed) + 1 :] if failed in order else []:
        if _decodes(path, enc, None):
            return enc
    raise RefusedInput(
        f"文件“{path.name}”中混有不同的文字编码，无法可靠读取。",
        "请用 Excel/WPS 打开后另存为“CSV UTF-8”或 .xlsx 再导入。",
    )


def _sniff_delimiter(sample: str) -> str:
    """Return the delimiter whose parse of the sample gives the most consistent rows.

    Parsed as CSV (quoted judgment texts hold newlines and commas), not line by line.
    """
    cut = sample[: sample.rfind("\n") + 1] or sample
    best, best_d = 0.0, ","
    for delim in (",", "\t", ";", "|"):
        try:
            rows = [
                r
                for r in csv.reader(io.StringIO(cut), delimiter=delim)
                if any(c.strip() for c in r)
            ][:50]
        except csv.Error:
            continue
        widths = [len(r) for r in rows[:-1] or rows]
        if not widths or max(widths) < 2:
            continue
        common = max(set(widths), key=widths.count)
        score = widths.count(common) / len(widths) * min(common, 30)
        if score > best:
            best, best_d = score, delim
    return best_d


class TextTableReader:
    """Rows of a delimited text file (CSV/TSV/TXT) in its detected encoding."""

    def __init__(self, path: Path, encoding: str | None = None) -> None:
        self.path = path
        self.encoding = encoding or detect_encoding(path)
        with path.open("r", encoding=self.encoding, newline="") as fh:
            sample = fh.read(256 * 1024)
        if not sample.strip():
            raise RefusedInput(f"文件“{path.name}”没有内容。")
        self.delimiter = _sniff_delimiter(sample)
        self.size = path.stat().st_size
        self._fh: io.BufferedReader | None = None

    def sheets(self) -> list[SheetInfo]:
        return [SheetInfo("", -1, -1)]

    def default_sheet(self) -> str:
        return ""

    def total_rows(self, sheet: str) -> int:
        return -1

    def position(self) -> float:
        """Return the fraction of the file read so far (for progress on streams)."""
        if self._fh is None or self._fh.closed or not self.size:
            return 0.0
        return min(self._fh.tell() / self.size, 1.0)

    def rows(self, sheet: str = "") -> Iterator[list[Any]]:
        # The limit bounds memory: csv buffers a whole field before it can be checked.
        csv.field_size_limit(MAX_CELL_CHARS + 1)
        with self.path.open("rb") as raw:
            self._fh = raw
            text = io.TextIOWrapper(raw, encoding=self.encoding, newline="")
            reader = csv.reader(text, delimiter=self.delimiter)
            try:
                yield from checked_rows(self.path.name, reader)
            except UnicodeDecodeError as exc:
                raise EncodingMismatch(self.encoding) from exc
            except csv.Error as exc:
                if "field limit" in str(exc):
                    raise RefusedInput(
                        f"文件“{self.path.name}”第 {reader.line_num} 行附近有一个单元格超过 "
                        f"{MAX_CELL_CHARS:,} 个字符，已拒绝导入。",
                        "文件可能已损坏、缺少换行或引号不成对，或被恶意构造。",
                    ) from exc
                raise RefusedInput(
                    f"文件“{self.path.name}”格式有误，无法按表格读取。", str(exc)
                ) from exc


# calamine loads a whole sheet at once (seconds for 100,000 judgments): the sheet loaded to
# look at a file's head is kept for the import that follows, if the file has not changed.
_KEPT: dict[tuple[str, int, int], WorkbookReader] = {}


def _file_key(path: Path) -> tuple[str, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (str(path.resolve()), st.st_size, st.st_mtime_ns)


def keep_for_import(reader: WorkbookReader, sheet: str) -> None:
    """Keep ``reader`` (only its sheet ``sheet``) for the next ``open_table(..., reuse=True)``."""
    key = _file_key(reader.path)
    _KEPT.clear()
    if key is not None:
        reader.keep_only(sheet)
        _KEPT[key] = reader


def open_table(path: Path, encoding: str | None = None, *,
               reuse: bool = False) -> WorkbookReader | TextTableReader:
    """Return a reader for ``path`` after checking what the file really is.

    ``reuse``: take the workbook kept by ``keep_for_import`` if it is this unchanged file.
    """
    key = _file_key(path) if reuse else None
    kept = _KEPT.pop(key, None) if key is not None else None
    if kept is not None:
        return kept
    if not path.exists():
        raise RefusedInput(f"找不到文件：{path}")
    if path.is_dir():
        raise RefusedInput(f"“{path}”是文件夹，不是文件。")
    kind = sniff_format(path)
    if kind == "text":
        return TextTableReader(path, encoding)
    if kind == "html":
        return HtmlTableReader(path)
    return WorkbookReader(path, kind)
