"""A hand-made .xlsx writer with full control over every part, for hostile workbooks.

Real writers (xlsxwriter, openpyxl) refuse to produce DTDs, lying zip headers or cells
beyond Excel's limits; the hostile corpus needs exactly those, so it writes the parts itself.
"""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'

CONTENT_TYPES = (
    XML_DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    XML_DECL + f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
    f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    XML_DECL + f'<workbook xmlns="{NS}" xmlns:r="{REL}"><sheets>'
    '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    XML_DECL + f'<Relationships xmlns="{PKG}">'
    f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)

HEADER = ["案号", "原告", "被告", "案由", "结案方式", "立案日期"]


def case_rows(n: int) -> list[list[object]]:
    """Return a header and ``n`` plain, valid case rows."""
    rows: list[list[object]] = [list(HEADER)]
    for i in range(1, n + 1):
        rows.append(
            [f"（2024）浙0783民初{i}号", "张三", "李四", "民间借贷纠纷", "判决", "2023-03-01"]
        )
    return rows


def column_name(index: int) -> str:
    """Return the Excel column letters of a 0-based column index (0 -> A, 16383 -> XFD)."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def cell_xml(row: int, col: int, value: object) -> str:
    """Return one <c> element; strings inline, numbers as values, ``("f", ...)`` as formulas."""
    ref = f"{column_name(col)}{row + 1}"
    if isinstance(value, tuple) and value and value[0] == "f":
        formula, cached = value[1], value[2]
        return f'<c r="{ref}" t="str"><f>{escape(str(formula))}</f><v>{escape(str(cached))}</v></c>'
    if isinstance(value, tuple) and value and value[0] == "raw":
        return str(value[1])
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'


def sheet_xml(
    rows: Sequence[Sequence[object]],
    *,
    prolog: str = "",
    dimension: str | None = None,
    tail: str = "",
) -> str:
    """Return a worksheet part holding ``rows``; ``tail`` is raw XML after the last row."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    body = "".join(
        f'<row r="{i + 1}">' + "".join(cell_xml(i, j, v) for j, v in enumerate(r)) + "</row>"
        for i, r in enumerate(rows)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}'
        f'<worksheet xmlns="{NS}" xmlns:r="{REL}">{dim}<sheetData>{body}{tail}</sheetData></worksheet>'
    )


def shared_strings_xml(items: str = "", *, prolog: str = "") -> str:
    """Return a shared-string part whose body is the raw ``items`` XML."""
    return f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<sst xmlns="{NS}">{items}</sst>'


def write_xlsx_parts(
    path: Path,
    sheet: str | bytes,
    *,
    shared_strings: str | None = None,
    extra: Mapping[str, str | bytes] | None = None,
    replace: Mapping[str, str | bytes] | None = None,
    level: int = 6,
) -> Path:
    """Write a workbook from raw parts; ``replace`` swaps a standard part for another.

    ``level`` is the deflate level; bombs use 1, which is fast and still far past any limit.
    """
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": WORKBOOK,
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        "xl/worksheets/sheet1.xml": sheet,
        "xl/sharedStrings.xml": shared_strings or shared_strings_xml(),
    }
    parts.update(replace or {})
    parts.update(extra or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def entity_bomb(root: str, levels: int = 9, fan: int = 10) -> str:
    """Return a DOCTYPE declaring a billion-laughs entity chain; the top entity is &b{levels};."""
    ents = '<!ENTITY b0 "ha!ha!ha!ha!">' + "".join(
        f'<!ENTITY b{i} "{f"&b{i - 1};" * fan}">' for i in range(1, levels + 1)
    )
    return f"<!DOCTYPE {root} [{ents}]>"


def understate_member_size(path: Path, member: str, fake_size: int = 1000) -> Path:
    """Rewrite the zip headers so ``member`` claims to unpack to ``fake_size`` bytes (a lie)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(member)
    local = info.header_offset
    assert data[local : local + 4] == b"PK\x03\x04"
    struct.pack_into("<I", data, local + 22, fake_size)
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if bytes(data[pos + 46 : pos + 46 + name_len]) == member.encode():
            struct.pack_into("<I", data, pos + 24, fake_size)
        pos = data.find(b"PK\x01\x02", pos + 4)
    path.write_bytes(bytes(data))
    return path
