"""Writers for legacy .xls (xlwt, test-only) and a minimal hand-built .ods, for reader tests."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""
CONTENT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet><table:table table:name="Sheet1">"""
CONTENT_TAIL = "</table:table></office:spreadsheet></office:body></office:document-content>"


def write_ods(path: Path, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> Path:
    """Write a minimal but valid OpenDocument spreadsheet with string cells."""
    def row_xml(values: Sequence[Any]) -> str:
        cells = "".join(
            f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p></table:table-cell>'
            for v in values)
        return f"<table:table-row>{cells}</table:table-row>"

    body = "".join(row_xml(r) for r in [header, *rows])
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("META-INF/manifest.xml", MANIFEST)
        zf.writestr("content.xml", CONTENT_HEAD + body + CONTENT_TAIL)
    return path


def write_xls(path: Path, header: Sequence[str], rows: Sequence[Sequence[Any]], title: str | None = None) -> Path:
    """Write a BIFF8 .xls workbook (as old court systems export) with xlwt."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    r = 0
    if title:
        sheet.write_merge(0, 0, 0, len(header) - 1, title)
        r = 1
    for j, h in enumerate(header):
        sheet.write(r, j, h)
    for i, row in enumerate(rows, start=r + 1):
        for j, v in enumerate(row):
            sheet.write(i, j, v[:32000] if isinstance(v, str) else v)
    book.save(str(path))
    return path
