"""The hostile-input corpus: generated (never downloaded) files that try to break the program.

Every entry says what kind of input it is (a spreadsheet to import, a model file, a Word
template) and what must happen: ``refused`` (a Chinese message, nothing changed) or
``imported`` (legal but nasty content that must come in safely and in bounded time).
The foundation's refusals (tests/core/ingest/badfiles.py) are part of it.
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.core.ingest.badfiles import CORPUS as FOUNDATION
from tests.hostile.xlsxparts import (
    case_rows,
    entity_bomb,
    shared_strings_xml,
    sheet_xml,
    understate_member_size,
    write_xlsx_parts,
)

MB = 1024 * 1024


@dataclass(frozen=True)
class Hostile:
    name: str
    kind: str  # "sheet" | "model" | "template"
    make: Callable[[Path], Path]
    expect: str  # "refused" | "imported"
    imported_rows: int = 0  # rows that must land when expect == "imported"
    drop_privileges: bool = False  # run without root's power to read any file


# ---- spreadsheets -------------------------------------------------------------------


def xml_bomb_shared_strings(folder: Path) -> Path:
    rows = case_rows(3)
    sheet = sheet_xml(rows).replace(
        '<c r="B2" t="inlineStr"><is><t>张三</t></is></c>', '<c r="B2" t="s"><v>0</v></c>'
    )
    sst = shared_strings_xml("<si><t>&b9;</t></si>", prolog=entity_bomb("sst"))
    return write_xlsx_parts(folder / "实体炸弹_共享字符串.xlsx", sheet, shared_strings=sst)


def xml_bomb_sheet(folder: Path) -> Path:
    sheet = sheet_xml(case_rows(3), prolog=entity_bomb("worksheet")).replace(
        "<t>张三</t>", "<t>&b9;</t>"
    )
    return write_xlsx_parts(folder / "实体炸弹_工作表.xlsx", sheet)


def xml_external_entity(folder: Path) -> Path:
    prolog = '<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    sheet = sheet_xml(case_rows(3), prolog=prolog).replace("<t>张三</t>", "<t>&x;</t>")
    return write_xlsx_parts(folder / "外部实体.xlsx", sheet)


def _padded_sheet(pad_mb: int) -> str:
    return sheet_xml(case_rows(3)).replace("<sheetData>", "<sheetData>" + " " * (pad_mb * MB))


def zip_bomb_member(folder: Path) -> Path:
    """A 128 MB sheet part stored in under 1 MB (honest headers)."""
    return write_xlsx_parts(folder / "压缩炸弹.xlsx", _padded_sheet(128), level=1)


def zip_bomb_lying_header(folder: Path) -> Path:
    """A sheet part whose zip headers claim 1,000 bytes but which unpacks to 60 MB."""
    path = write_xlsx_parts(folder / "压缩炸弹_虚报大小.xlsx", _padded_sheet(60), level=1)
    return understate_member_size(path, "xl/worksheets/sheet1.xml")


def zip_bomb_many_parts(folder: Path) -> Path:
    """Forty extra parts of 16 MB of zeros: each under the per-part limit, together 640 MB."""
    path = folder / "压缩炸弹_多部件.xlsx"
    zeros = b"\0" * (16 * MB)
    write_xlsx_parts(path, sheet_xml(case_rows(3)))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for i in range(40):
            zf.writestr(f"xl/media/image{i}.bin", zeros)
    return path


def zip_many_entries(folder: Path) -> Path:
    """Thirty thousand empty parts: the central directory alone is the attack."""
    path = folder / "海量条目.xlsx"
    write_xlsx_parts(path, sheet_xml(case_rows(3)))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as zf:
        for i in range(30_000):
            zf.writestr(f"customXml/item{i}.xml", b"")
    return path


def _csv_bytes(rows: list[list[object]]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return buf.getvalue().encode("utf-8")


def huge_cell_csv(folder: Path) -> Path:
    rows = case_rows(3)
    rows[0].append("判决书内容")
    for r in rows[1:]:
        r.append("本院认为。")
    rows[2][-1] = "本院认为" * 750_000  # three million characters in one cell
    path = folder / "超大单元格.csv"
    path.write_bytes(_csv_bytes(rows))
    return path


def huge_cell_xlsx(folder: Path) -> Path:
    rows = case_rows(3)
    sheet = sheet_xml(rows).replace(
        '<c r="B3" t="inlineStr"><is><t>张三</t></is></c>', '<c r="B3" t="s"><v>0</v></c>'
    )
    sst = shared_strings_xml("<si><t>" + "张" * 3_000_000 + "</t></si>")
    return write_xlsx_parts(folder / "超大单元格.xlsx", sheet, shared_strings=sst)


def one_line_no_newline(folder: Path) -> Path:
    path = folder / "没有换行.csv"
    path.write_bytes(("案号" + "甲" * (20 * MB)).encode("utf-8"))
    return path


def million_empty_rows_xlsx(folder: Path) -> Path:
    """Three case rows, then a stray empty cell in Excel's last row (1,048,576)."""
    tail = '<row r="1048576"><c r="F1048576" t="inlineStr"><is><t> </t></is></c></row>'
    sheet = sheet_xml(case_rows(3), dimension="A1:F1048576", tail=tail)
    return write_xlsx_parts(folder / "百万空行.xlsx", sheet)


def million_empty_rows_csv(folder: Path) -> Path:
    path = folder / "百万空行.csv"
    path.write_bytes(_csv_bytes(case_rows(3)) + b",,,,,\r\n" * 1_000_000)
    return path


def columns_16384(folder: Path) -> Path:
    """Every one of Excel's 16,384 columns (A..XFD) in use, six of them meaningful."""
    rows = case_rows(3)
    for i, row in enumerate(rows):
        row.extend(f"备注{j}" if i == 0 else "" for j in range(len(row), 16_384))
    rows[1][-1] = "最后一列"
    return write_xlsx_parts(folder / "一万六千列.xlsx", sheet_xml(rows))


def formulas(folder: Path) -> Path:
    """Real formulas with cached values, and text that looks like formulas (CSV injection)."""
    rows = case_rows(4)
    rows[1][1] = '=HYPERLINK("http://example.invalid/x","点击")'
    rows[2][1] = "+cmd|' /C calc'!A0"
    rows[3][1] = "@SUM(1+1)"
    rows[4][3] = ("f", 'CONCATENATE("民间借贷","纠纷")', "民间借贷纠纷")
    rows[4][2] = ("f", "1/0", "#DIV/0!")
    return write_xlsx_parts(folder / "公式.xlsx", sheet_xml(rows))


def external_links(folder: Path) -> Path:
    """A workbook linking to a file share and a web address; only cached values may be used."""
    rows = case_rows(3)
    rows[1][2] = ("f", "[1]Sheet1!A1", "李四")
    link = (
        '<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns='
        '"http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1">'
        '<sheetNames><sheetName val="Sheet1"/></sheetNames></externalBook></externalLink>'
    )
    link_rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns='
        '"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" '
        'Target="file:///\\\\fileserver\\share\\secret.xlsx" TargetMode="External"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/hyperlink" Target="http://example.invalid/track" TargetMode="External"/>'
        "</Relationships>"
    )
    extra = {
        "xl/externalLinks/externalLink1.xml": link,
        "xl/externalLinks/_rels/externalLink1.xml.rels": link_rels,
    }
    return write_xlsx_parts(folder / "外部链接.xlsx", sheet_xml(rows), extra=extra)


def dates_out_of_range(folder: Path) -> Path:
    rows = case_rows(6)
    for row, value in zip(
        rows[1:], [2_958_466, -5, "0000-00-00", "2023-02-30", "9999-99-99", 1e300], strict=True
    ):
        row[5] = value
    return write_xlsx_parts(folder / "日期越界.xlsx", sheet_xml(rows))


def mixed_types(folder: Path) -> Path:
    """Case numbers as numbers, booleans, errors and dates, next to good ones."""
    rows = case_rows(6)
    rows[1][0] = 20230001
    rows[2][0] = True
    rows[3][0] = ("raw", '<c r="A4" t="e"><v>#N/A</v></c>')
    rows[4][0] = 45000.5
    rows[5][1] = 3.14
    return write_xlsx_parts(folder / "混合类型.xlsx", sheet_xml(rows))


def deep_nesting(folder: Path) -> Path:
    """Half a million nested unknown elements inside a cell."""
    depth = 500_000
    raw = '<c r="B2" t="inlineStr"><is><t>张三</t></is>' + "<x>" * depth + "</x>" * depth + "</c>"
    sheet = sheet_xml(case_rows(3)).replace('<c r="B2" t="inlineStr"><is><t>张三</t></is></c>', raw)
    return write_xlsx_parts(folder / "深层嵌套.xlsx", sheet)


def xlsx_named_csv(folder: Path) -> Path:
    """A real workbook saved with a .csv name: read by content, imported."""
    path = write_xlsx_parts(folder / "x.xlsx", sheet_xml(case_rows(3)))
    return path.rename(folder / "其实是表格.csv")


def text_named_xls(folder: Path) -> Path:
    path = folder / "其实是文本.xls"
    path.write_text("案号,原告\n（2023）浙0782民初1号,张三\n", encoding="utf-8")
    return path


def pdf_named_xlsx(folder: Path) -> Path:
    path = folder / "其实是PDF.xlsx"
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n" + b"\0" * 4096)
    return path


def ole_garbage_xls(folder: Path) -> Path:
    path = folder / "损坏的旧版表格.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 64)
    return path


def ods_entity_bomb(folder: Path) -> Path:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>' + entity_bomb("office:document-content") + "<"
        'office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
        '<office:spreadsheet><table:table table:name="Sheet1"><table:table-row>'
        "<table:table-cell><text:p>&b9;</text:p></table:table-cell></table:table-row>"
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    path = folder / "实体炸弹.ods"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content)
        zf.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
            '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
        )
    return path


def utf16_csv(folder: Path) -> Path:
    path = folder / "UTF16编码.csv"
    path.write_bytes(b"\xff\xfe" + _csv_bytes(case_rows(3)).decode("utf-8").encode("utf-16-le"))
    return path


def locked_file(folder: Path) -> Path:
    """A file nobody may read (mode 000), as when another program holds it open exclusively."""
    path = write_xlsx_parts(folder / "被占用.xlsx", sheet_xml(case_rows(3)))
    path.chmod(0)
    return path


def named_pipe(folder: Path) -> Path:
    """A FIFO named like a workbook: opening it for reading would wait for a writer forever."""
    path = folder / "管道.xlsx"
    os.mkfifo(path)
    return path


def folder_named_xlsx(folder: Path) -> Path:
    path = folder / "文件夹.xlsx"
    path.mkdir()
    return path


def nul_bytes_csv(folder: Path) -> Path:
    path = folder / "含空字符.csv"
    data = _csv_bytes(case_rows(3))
    path.write_bytes(data[:60] + b"\0\0\0" + data[60:])
    return path


# ---- model files (YAML) ---------------------------------------------------------------


def yaml_syntax_error(folder: Path) -> Path:
    path = folder / "语法错误.yaml"
    path.write_text("id: lending.x\nname: [未闭合\n  indicators: {a: 1\n", encoding="utf-8")
    return path


def yaml_alias_bomb(folder: Path) -> Path:
    lines = ['a0: &a0 ["哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈"]']
    for i in range(1, 10):
        refs = ", ".join(f"*a{i - 1}" for _ in range(9))
        lines.append(f"a{i}: &a{i} [{refs}]")
    lines += ["id: bomb.model", "name: 别名炸弹", "inputs: *a9", "rule: *a9"]
    path = folder / "别名炸弹.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def yaml_python_tag(folder: Path) -> Path:
    path = folder / "代码标签.yaml"
    path.write_text(
        "id: evil.model\nname: !!python/object/apply:os.system ['touch /tmp/clueworks-pwned']\n",
        encoding="utf-8",
    )
    return path


def yaml_wrong_types(folder: Path) -> Path:
    path = folder / "类型错误.yaml"
    path.write_text(
        "id: 123\nname: [1, 2]\nversion: 新版\nkind: case_screen\nparameters: 七\nrule: 无\n",
        encoding="utf-8",
    )
    return path


def yaml_not_mapping(folder: Path) -> Path:
    path = folder / "不是映射.yaml"
    path.write_text("- 一\n- 二\n", encoding="utf-8")
    return path


def yaml_binary(folder: Path) -> Path:
    path = folder / "二进制.yaml"
    path.write_bytes(b"\xff\xfe\x00\x01" + bytes(range(256)) * 16)
    return path


def yaml_gbk(folder: Path) -> Path:
    path = folder / "GBK编码.yaml"
    path.write_bytes("id: gbk.model\nname: 国标编码的模型\n".encode("gbk"))
    return path


def yaml_huge(folder: Path) -> Path:
    path = folder / "超大模型.yaml"
    body = "".join(f"  k{i}: 值{i}\n" for i in range(60_000))
    path.write_text("id: huge.model\nname: 超大\nextra:\n" + body, encoding="utf-8")
    return path


# ---- Word templates (.docx) -----------------------------------------------------------


def _docx_with(document_xml: str | bytes, folder: Path, name: str) -> Path:
    from docx import Document

    base = folder / "base.docx"
    Document().save(str(base))
    path = folder / name
    with (
        zipfile.ZipFile(base) as src,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst,
    ):
        for item in src.infolist():
            data = document_xml if item.filename == "word/document.xml" else src.read(item)
            dst.writestr(item.filename, data)
    base.unlink()
    return path


def _paragraphs(*texts: str) -> str:
    body = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in texts)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
        f'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}'
        "</w:body></w:document>"
    )


def docx_truncated(folder: Path) -> Path:
    good = _docx_with(_paragraphs("检察建议书"), folder, "good.docx")
    data = good.read_bytes()
    good.unlink()
    path = folder / "截断模板.docx"
    path.write_bytes(data[: len(data) // 2])
    return path


def docx_not_zip(folder: Path) -> Path:
    path = folder / "文本模板.docx"
    path.write_text("{{ 被建议单位 }}：\n这是一个纯文本文件。", encoding="utf-8")
    return path


def docx_entity_bomb(folder: Path) -> Path:
    xml = _paragraphs("&b9;").replace("?>", "?>" + entity_bomb("w:document"), 1)
    return _docx_with(xml, folder, "实体炸弹模板.docx")


def docx_broken_tags(folder: Path) -> Path:
    xml = _paragraphs("{% if 线索 %}未结束的条件", "{{ 未闭合的字段", "{% for x in %}")
    return _docx_with(xml, folder, "标签错误模板.docx")


def docx_zip_bomb(folder: Path) -> Path:
    xml = _paragraphs("检察建议书").replace("<w:body>", "<w:body>" + " " * (128 * MB))
    return _docx_with(xml, folder, "压缩炸弹模板.docx")


def docx_unknown_field(folder: Path) -> Path:
    return _docx_with(_paragraphs("{{ 不存在的字段 }}"), folder, "未知字段模板.docx")


def _named(kind: str, expect: str, *makers: Callable[[Path], Path], rows: int = 0) -> list[Hostile]:
    return [Hostile(m.__name__, kind, m, expect, rows) for m in makers]


CORPUS: list[Hostile] = [
    *(Hostile(f"foundation_{n}", "sheet", m, "refused") for n, m in sorted(FOUNDATION.items())),
    *_named(
        "sheet",
        "refused",
        xml_bomb_shared_strings,
        xml_bomb_sheet,
        xml_external_entity,
        zip_bomb_member,
        zip_bomb_lying_header,
        zip_bomb_many_parts,
        zip_many_entries,
        huge_cell_csv,
        huge_cell_xlsx,
        one_line_no_newline,
        text_named_xls,
        pdf_named_xlsx,
        ole_garbage_xls,
        ods_entity_bomb,
        nul_bytes_csv,
        columns_16384,
        deep_nesting,
        named_pipe,
        folder_named_xlsx,
    ),
    Hostile("locked_file", "sheet", locked_file, "refused", drop_privileges=True),
    *_named("sheet", "imported", million_empty_rows_xlsx, million_empty_rows_csv, rows=3),
    *_named("sheet", "imported", xlsx_named_csv, external_links, utf16_csv, rows=3),
    *_named("sheet", "imported", formulas, rows=4),
    *_named("sheet", "imported", dates_out_of_range, rows=6),
    *_named("sheet", "imported", mixed_types, rows=5),
    *_named(
        "model",
        "refused",
        yaml_syntax_error,
        yaml_alias_bomb,
        yaml_python_tag,
        yaml_wrong_types,
        yaml_not_mapping,
        yaml_binary,
        yaml_gbk,
        yaml_huge,
    ),
    *_named(
        "template",
        "refused",
        docx_truncated,
        docx_not_zip,
        docx_entity_bomb,
        docx_broken_tags,
        docx_zip_bomb,
        docx_unknown_field,
    ),
]
BY_NAME = {h.name: h for h in CORPUS}
