"""Tables of a web page saved as .xls: what many case and agency systems export.

Their "Excel" download is an HTML page holding a <table>; Excel and WPS open it, so the
user believes it is a spreadsheet. Each table becomes a sheet ("表格1", …). Merged cells
(rowspan/colspan) are given to every row and column they cover, as the eye reads them.
The standard library's parser fetches nothing and runs no script; character references
are decoded, tags inside cells are dropped (<br> becomes a line break).
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser
from pathlib import Path

from core.errors import RefusedInput
from core.ingest.readers import MAX_COLUMNS

MAX_HTML_BYTES = 200 * 1024 * 1024
_HEAD_BYTES = 4096
_CHARSET_RE = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_BLOCK_TAGS = frozenset({"br", "p", "div", "li"})
_BREAK = "\ue001"  # a <br> inside a cell; the page's own line breaks are only spacing


def looks_like_html_table(head: bytes) -> bool:
    """Return True when a file's first bytes are an HTML page or fragment with a table."""
    text = head.lstrip(codecs.BOM_UTF8).lstrip().lower()
    return text.startswith(b"<") and (b"<table" in text or b"<html" in text)


def read_tables(path: Path) -> list[list[list[str]]]:
    """Return the tables of an HTML file, in page order, as rows of cell texts."""
    size = path.stat().st_size
    if size > MAX_HTML_BYTES:
        raise RefusedInput(f"文件“{path.name}”是网页格式的表格，但有 {size / 2**20:,.0f} MB，过大，无法导入。",
                           "请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。")
    data = path.read_bytes()
    parser = _TableParser()
    parser.feed(_decode(data, path.name))
    parser.close()
    tables = [t for t in parser.tables if any(any(c for c in row) for row in t)]
    if not tables:
        raise RefusedInput(f"文件“{path.name}”是网页格式，但其中没有表格数据。",
                           "请在原系统中导出为 Excel 或 CSV 格式后再导入。")
    return tables


def _decode(data: bytes, name: str) -> str:
    """Return the page's text: BOM, then the declared charset, then UTF-8, then GB18030."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    declared = _CHARSET_RE.search(data[:_HEAD_BYTES])
    candidates = []
    if declared is not None:
        charset = declared.group(1).decode("ascii").lower()
        candidates.append("gb18030" if charset in ("gb2312", "gbk", "gb18030") else charset)
    candidates += ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    raise RefusedInput(f"文件“{name}”是网页格式的表格，但无法识别其文字编码。")


class _TableParser(HTMLParser):
    """Collects every <table>'s rows; nested tables are read as tables of their own."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self._stack: list[_Table] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._stack.append(_Table())
        elif not self._stack:
            return
        elif tag == "tr":
            self._stack[-1].start_row()
        elif tag in ("td", "th"):
            found = dict(attrs)
            self._stack[-1].start_cell(_span(found.get("rowspan")), _span(found.get("colspan")))
        elif tag in _BLOCK_TAGS:
            self._stack[-1].text(_BREAK)

    def handle_endtag(self, tag: str) -> None:
        if not self._stack:
            return
        if tag == "table":
            self.tables.append(self._stack.pop().finish())
        elif tag in ("td", "th"):
            self._stack[-1].end_cell()
        elif tag == "tr":
            self._stack[-1].end_row()

    def handle_data(self, data: str) -> None:
        if self._stack:
            self._stack[-1].text(data)


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), MAX_COLUMNS))
    except ValueError:
        return 1


class _Table:
    """Rows being read, with the cells that rowspans carry down into later rows."""

    def __init__(self) -> None:
        self.rows: list[list[str]] = []
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.spans: list[tuple[int, int, int, str]] = []  # (col, colspan, rows left, value)
        self.pending: tuple[int, int] = (1, 1)

    def start_row(self) -> None:
        self.end_row()
        self.row = []
        self._carry()

    def start_cell(self, rowspan: int, colspan: int) -> None:
        if self.row is None:
            self.start_row()
        self.end_cell()
        self.cell = []
        self.pending = (rowspan, colspan)

    def text(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)

    def end_cell(self) -> None:
        if self.cell is None or self.row is None:
            return
        lines = (" ".join(line.split()) for line in "".join(self.cell).split(_BREAK))
        value = "\n".join(line for line in lines if line)
        rowspan, colspan = self.pending
        col = len(self.row)
        if col + colspan > MAX_COLUMNS:
            raise RefusedInput(f"网页表格的一行超过 {MAX_COLUMNS:,} 列，文件可能已损坏或被恶意构造，已拒绝导入。")
        self.row.extend([value] * colspan)
        if rowspan > 1:
            self.spans.append((col, colspan, rowspan - 1, value))
        self.cell = None
        self._carry()

    def end_row(self) -> None:
        self.end_cell()
        if self.row is None:
            return
        # Rowspans from above that lie past this row's last cell still cover it.
        for i, (col, colspan, left, value) in sorted(enumerate(self.spans), key=lambda s: s[1][0]):
            if left > 0 and col >= len(self.row):
                self.row.extend([""] * (col - len(self.row)) + [value] * colspan)
                self.spans[i] = (col, colspan, left - 1, value)
        self.spans = [s for s in self.spans if s[2] > 0]
        self.rows.append(self.row)
        self.row = None

    def finish(self) -> list[list[str]]:
        self.end_row()
        width = max((len(r) for r in self.rows), default=0)
        return [r + [""] * (width - len(r)) for r in self.rows]

    def _carry(self) -> None:
        """Fill the columns a rowspan from above covers at the row's current end."""
        if self.row is None:
            return
        moved = True
        while moved:
            moved = False
            for i, (col, colspan, left, value) in enumerate(self.spans):
                if left > 0 and col == len(self.row):
                    self.row.extend([value] * colspan)
                    self.spans[i] = (col, colspan, left - 1, value)
                    moved = True
        self.spans = [s for s in self.spans if s[2] > 0]


