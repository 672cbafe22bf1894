"""Build the bundled draft templates (resources/templates/*.docx) reproducibly.

    /work/venv/bin/python -m tools.make_templates [OUT_DIR]

python-docx lays the document out per GB/T 9704 (the same code that lays out every
rendered draft) and writes docxtpl Jinja tags, one tag per paragraph or table cell.
Zip entries get a fixed timestamp so running this twice gives the same files.
"""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
import yaml
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from core.drafting.docx_layout import apply_layout
from core.drafting.fonts import choose_fonts
from core.drafting.layout import A4_MM, LayoutSettings, mm_to_twips
from core.drafting.templates import bundled_dir, kinds

FIXED_TIME = datetime(2026, 1, 1, 0, 0, 0)
# Columns of the annex table (附件：案件清单) and their share of the 156 mm line.
ANNEX_COLUMNS = (
    ("序号", "{{ loop.index }}", 0.08),
    ("案号", "{{ c.case_no }}", 0.25),
    ("案由", "{{ c.cause }}", 0.15),
    ("当事人", "{{ c.parties }}", 0.19),
    ("结案方式", "{{ c.closing_method }}", 0.14),
    ("问题", "{{ c.problem }}", 0.19),
)
FACTS = "{% if loop.first %}经审查查明：{% endif %}{{ para }}"
PROBLEMS = "{% if loop.first %}本院认为，{% endif %}{{ para }}"
CONCLUSION = (
    "综上所述，{{ conclusion }}{% if legal_basis %}根据{{ legal_basis }}之规定，{% endif %}"
    "特提出如下检察建议："
)
OBJECTION_AGENCY = (
    '{{ objection or "你单位如对本检察建议书有异议，可以在收到之日起七日内书面向本院提出。" }}'
)
OBJECTION_COURT = (
    '{{ objection or "你院如对本检察建议书有异议，可以在收到之日起七日内书面向本院提出。" }}'
)


@dataclass(frozen=True)
class TemplateSpec:
    """What one bundled template says between the recipient line and 此致."""

    name: str
    kind: str
    title: str
    body: tuple[tuple[str, str], ...]  # (style id, paragraph text); "loop:x" repeats x
    closing: bool = True  # 此致 + recipient


SPECS = (
    TemplateSpec(
        name="社会治理检察建议书",
        kind="social_governance",
        title="检察建议书",
        body=(
            ("loop:origin_paragraphs", "{{ para }}"),
            ("loop:facts_paragraphs", FACTS),
            ("loop:problems_paragraphs", PROBLEMS),
            ("CwBody", CONCLUSION),
            ("loop:suggestions", "{{ loop.index|cn }}、{{ para }}"),
            (
                "CwBody",
                "请你单位在收到本检察建议书之日起{{ reply_limit }}内，"
                "将采纳检察建议及整改落实情况书面回复本院。",
            ),
            ("CwBody", OBJECTION_AGENCY),
        ),
    ),
    TemplateSpec(
        name="再审检察建议书",
        kind="retrial",
        title="检察建议书",
        body=(
            ("loop:origin_paragraphs", "{{ para }}"),
            ("loop:facts_paragraphs", FACTS),
            ("loop:problems_paragraphs", PROBLEMS),
            ("CwBody", CONCLUSION),
            ("loop:suggestions", "{{ loop.index|cn }}、{{ para }}"),
            (
                "CwBody",
                "请你院在收到本检察建议书之日起{{ reply_limit }}内进行审查，"
                "并将审查处理结果书面回复本院。",
            ),
            ("CwBody", OBJECTION_COURT),
        ),
    ),
    TemplateSpec(
        name="纠正违法检察建议书",
        kind="correction",
        title="检察建议书",
        body=(
            ("loop:origin_paragraphs", "{{ para }}"),
            ("loop:facts_paragraphs", FACTS),
            ("loop:problems_paragraphs", PROBLEMS),
            ("CwBody", CONCLUSION),
            ("loop:suggestions", "{{ loop.index|cn }}、{{ para }}"),
            (
                "CwBody",
                "请你院在收到本检察建议书之日起{{ reply_limit }}内依法纠正，"
                "并将纠正情况书面回复本院。",
            ),
            ("CwBody", OBJECTION_COURT),
        ),
    ),
    TemplateSpec(
        name="线索移送函",
        kind="transfer",
        title="线索移送函",
        closing=False,
        body=(
            ("loop:origin_paragraphs", "{{ para }}"),
            ("loop:facts_paragraphs", FACTS),
            ("loop:problems_paragraphs", PROBLEMS),
            (
                "CwBody",
                "{% if legal_basis %}根据{{ legal_basis }}之规定，{% endif %}"
                "现将上述线索移送你单位依法处理。",
            ),
            (
                "CwBody",
                "请你单位在收到本函之日起{{ reply_limit }}内，将处理结果函告本院。",
            ),
            ("CwBody", "特此函告。"),
        ),
    ),
)


def _el(tag: str, **attrs: str | int) -> Any:
    element = OxmlElement("w:" + tag)
    for name, value in attrs.items():
        element.set(qn("w:" + name), str(value))
    return element


def _add_style(
    document: DocumentObject,
    style_id: str,
    name: str,
    *,
    based_on: str = "Normal",
    jc: str | None = None,
    ind: dict[str, int] | None = None,
    line_twips: int | None = None,
    after_twips: int | None = None,
    no_grid: bool = False,
    keep_next: bool = False,
) -> None:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.element.set(qn("w:styleId"), style_id)
    style.base_style = document.styles[based_on]
    style.quick_style = True
    ppr = style.element.get_or_add_pPr()
    if keep_next:
        ppr.append(_el("keepNext"))
    if no_grid:
        ppr.append(_el("snapToGrid", val=0))
    spacing: dict[str, str | int] = {}
    if after_twips is not None:
        spacing["after"] = after_twips
    if line_twips is not None:
        spacing.update(line=line_twips, lineRule="exact")
    if spacing:
        ppr.append(_el("spacing", **spacing))
    ppr.append(_el("ind", **{"firstLine": 0, "left": 0, "right": 0, **(ind or {})}))
    if jc:
        ppr.append(_el("jc", val=jc))


def define_styles(document: DocumentObject, settings: LayoutSettings) -> None:
    """Add the paragraph styles the bundled templates use (ids start with ``Cw``)."""
    char = round(settings.body_size_pt * 20)
    table_line = round(settings.table_line_pt * 20)
    # Off the grid: LibreOffice gives a 22 pt line two grid rows.
    _add_style(document, "CwTitle", "公文标题", jc="center", keep_next=True, no_grid=True)
    _add_style(document, "CwDocNumber", "发文字号", jc="right", keep_next=True)
    _add_style(document, "CwBody", "公文正文", jc="both", ind={"firstLine": 2 * char})
    _add_style(document, "CwHeading1", "一级标题", based_on="公文正文", keep_next=True)
    _add_style(document, "CwHeading2", "二级标题", based_on="公文正文")
    _add_style(document, "CwSignature", "发文机关署名", jc="right", keep_next=True)
    _add_style(document, "CwDate", "成文日期", jc="right", ind={"right": 4 * char})
    _add_style(document, "CwCc", "抄送", jc="both", ind={"left": char, "right": char})
    _add_style(document, "CwAnnexLabel", "附件标识", jc="left", keep_next=True)
    _add_style(
        document,
        "CwAnnexTitle",
        "附件标题",
        jc="center",
        keep_next=True,
        no_grid=True,
        after_twips=round(settings.line_pitch_pt * 20),
    )
    _add_style(document, "CwTable", "表格文字", jc="left", line_twips=table_line, no_grid=True)
    _add_style(
        document, "CwTableHead", "表格标题", based_on="表格文字", jc="center", keep_next=True
    )
    _add_style(document, "CwFooter", "页码", line_twips=table_line, no_grid=True)


def _p(document: DocumentObject, text: str, style_id: str | None = None) -> Any:
    paragraph = document.add_paragraph(text)
    if style_id:
        paragraph._p.get_or_add_pPr().style = style_id
    return paragraph


def _field_runs(instruction: str, shown: str) -> list[Any]:
    """Return the runs of a complex field (e.g. PAGE) showing ``shown`` until updated."""
    runs = []
    for kind in ("begin", "instr", "separate", "text", "end"):
        run = OxmlElement("w:r")
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            instr.text = f" {instruction} "
            run.append(instr)
        elif kind == "text":
            text = OxmlElement("w:t")
            text.text = shown
            run.append(text)
        else:
            run.append(_el("fldChar", fldCharType=kind))
        runs.append(run)
    return runs


def _page_number_footers(document: DocumentObject, settings: LayoutSettings) -> None:
    """Put ``— 1 —`` in the footers: odd pages right, even pages left, one character in."""
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    inset = round(settings.page_number_size_pt * 20)
    for footer, jc, side in (
        (section.footer, "right", "right"),
        (section.even_page_footer, "left", "left"),
    ):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        ppr = paragraph._p.get_or_add_pPr()
        ppr.style = "CwFooter"
        ppr.append(_el("ind", **{side: inset}))
        ppr.append(_el("jc", val=jc))
        paragraph.add_run("— ")
        for run in _field_runs("PAGE", "1"):
            paragraph._p.append(run)
        paragraph.add_run(" —")


def _annex_table(document: DocumentObject, settings: LayoutSettings) -> None:
    """Add the annex table: a header row, then one row per case via docxtpl row tags."""
    from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
    from docx.shared import Twips

    margins = settings.margins_mm
    width = mm_to_twips(A4_MM[0] - margins.left - margins.right)
    widths = [round(width * share) for _, _, share in ANNEX_COLUMNS]
    widths[-1] = width - sum(widths[:-1])
    table = document.add_table(rows=4, cols=len(ANNEX_COLUMNS))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, column_width in zip(table.columns, widths, strict=True):
        column.width = Twips(column_width)
    header, loop_start, data, loop_end = table.rows
    header._tr.get_or_add_trPr().append(_el("tblHeader"))
    data._tr.get_or_add_trPr().append(_el("cantSplit"))
    for index, ((title, tag, _), column_width) in enumerate(
        zip(ANNEX_COLUMNS, widths, strict=True)
    ):
        for row, text, style in (
            (header, title, "CwTableHead"),
            (loop_start, "{%tr for c in cases %}" if index == 0 else "", "CwTable"),
            (data, tag, "CwTable"),
            (loop_end, "{%tr endfor %}" if index == 0 else "", "CwTable"),
        ):
            cell = row.cells[index]
            cell.width = Twips(column_width)
            cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
            paragraph = cell.paragraphs[0]
            ppr = paragraph._p.get_or_add_pPr()
            ppr.style = style
            if index == 0:
                ppr.append(_el("jc", val="center"))
            if text:
                paragraph.add_run(text)


def _drop_thumbnail(document: DocumentObject) -> None:
    # python-docx's default template carries a thumbnail of an English page.
    rels = document.part.package.rels
    for rel_id in [k for k, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        del rels[rel_id]


def _normalised_zip(data: bytes) -> bytes:
    """Return the .docx ``data`` re-zipped with fixed timestamps (reproducible bytes)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


def build_template(spec: TemplateSpec, settings: LayoutSettings | None = None) -> bytes:
    """Return the bytes of the .docx template described by ``spec``."""
    settings = settings or LayoutSettings(substitute_missing_fonts=False)
    document = docx.Document()
    _drop_thumbnail(document)
    body = document.element.body
    for paragraph in body.findall(qn("w:p")):
        body.remove(paragraph)
    define_styles(document, settings)
    _page_number_footers(document, settings)

    _p(document, "{{ procuratorate }}", "CwTitle")
    _p(document, spec.title, "CwTitle")
    _p(document, "{{ doc_number }}", "CwDocNumber")
    _p(document, "")
    _p(document, "{{ recipient }}：")
    for style, text in spec.body:
        if style.startswith("loop:"):
            _p(document, f"{{%p for para in {style[5:]} %}}")
            _p(document, text, "CwBody")
            _p(document, "{%p endfor %}")
        else:
            _p(document, text, style)
    closing = [document.paragraphs[-1]]
    if spec.closing:
        closing.append(_p(document, "此致", "CwBody"))
        closing.append(_p(document, "{{ recipient }}"))
    # Room for the seal over the signature and date.
    closing.append(_p(document, ""))
    closing.append(_p(document, ""))
    # GB/T 9704 7.3.5.4: the signature never stands on a page without body text.
    for paragraph in closing:
        paragraph.paragraph_format.keep_with_next = True
    _p(document, "{{ signature }}", "CwSignature")
    _p(document, "{{ date_text }}", "CwDate")
    _p(document, "{%p if cases %}")
    _p(document, "附件：{{ annex_title }}", "CwBody")
    _p(document, "{%p endif %}")
    _p(document, "{%p if cc %}")
    _p(document, "抄送：{{ cc }}", "CwCc")
    _p(document, "{%p endif %}")
    _p(document, "{%p if cases %}")
    label = _p(document, "附件", "CwAnnexLabel")
    label.paragraph_format.page_break_before = True
    _p(document, "{{ annex_title }}", "CwAnnexTitle")
    _annex_table(document, settings)
    _p(document, "{%p endif %}")
    # Word needs a paragraph after a table; keep it tiny so it never makes a blank page.
    tail = _p(document, "", "CwTable")
    tail_ppr = tail._p.get_or_add_pPr()
    tail_ppr.append(_el("spacing", line=20, lineRule="exact"))

    properties = document.core_properties
    properties.title = spec.name
    properties.category = spec.kind
    properties.author = "检察监督线索工作台"
    properties.last_modified_by = ""
    properties.comments = (
        "检察监督线索工作台文稿模板：花括号标签由程序填写，其余文字与格式可以修改。"
    )
    properties.created = FIXED_TIME
    properties.modified = FIXED_TIME
    properties.revision = 1
    apply_layout(document, settings, choose_fonts(settings), runs=False)
    buffer = io.BytesIO()
    document.save(buffer)
    return _normalised_zip(buffer.getvalue())


def sidecar_text(spec: TemplateSpec) -> str:
    """Return the YAML that describes ``spec`` (name, kind, reply limit, document code)."""
    defaults = kinds()[spec.kind]
    data = {
        "name": spec.name,
        "kind": spec.kind,
        "reply_months": defaults.reply_months,
        "doc_code": defaults.doc_code,
    }
    header = (
        "# 模板说明：name 模板名称；kind 种类（social_governance 社会治理、retrial 再审、\n"
        "# correction 纠正违法、transfer 线索移送）；reply_months 回复期限（月）；doc_code 文号代字。\n"
        "# 可另加 legal_basis（法律依据）；不写则用 kinds.yaml 中该种类的默认值。\n"
    )
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def build_all(out_dir: Path) -> list[Path]:
    """Write every bundled template and its sidecar into ``out_dir``; return the .docx paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in SPECS:
        path = out_dir / f"{spec.name}.docx"
        path.write_bytes(build_template(spec))
        path.with_suffix(".yaml").write_text(sidecar_text(spec), encoding="utf-8")
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    out_dir = Path(args[0]) if args else bundled_dir()
    for path in build_all(out_dir):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
