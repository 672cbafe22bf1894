"""Find what is wrong with a template file, in words the user can act on."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn
from docxtpl import DocxTemplate

from core.drafting.fields import AnnexCase, DraftFields, build_context, context_names
from core.drafting.render import jinja_environment, render_document, template_error_message
from core.errors import UserError

_PAIRS = (("{{", "}}"), ("{%", "%}"), ("{#", "#}"))
# Block tags written without docxtpl's p/tr/tc/r prefix must open and close in one paragraph.
_BLOCK = re.compile(r"{%-?\s*(p|tr|tc|r)?\s+(if|for|endif|endfor)\b")


def sample_context() -> dict[str, Any]:
    """Return a filled-in context used for a trial render of a template."""
    fields = DraftFields(
        procuratorate="示例县人民检察院",
        procuratorate_abbr="示",
        doc_number="示检民建〔2026〕1号",
        recipient="示例县人民法院",
        date=date(2026, 1, 5),
        origin="本院在履行法律监督职责中发现以下问题。",
        facts="第一段事实。\n第二段事实。",
        problems="存在的问题。",
        suggestions=["第一项建议。", "第二项建议。"],
        cc="示例市人民检察院",
        cases=[AnnexCase("（2025）示0101民初1号", "民间借贷纠纷", "甲；乙", "调解", "问题")],
    )
    return build_context(fields, reply_months=2, legal_basis="《示例法》第一条", kind="sample")


def _paragraph_texts(template: DocxTemplate) -> list[str]:
    document = template.get_docx()
    roots = [document.element.body]
    for section in document.sections:
        for part in (section.header, section.footer, section.even_page_footer):
            if not part.is_linked_to_previous:
                roots.append(part._element)
    texts: list[str] = []
    for root in roots:
        for paragraph in root.iter(qn("w:p")):
            texts.append("".join(t.text or "" for t in paragraph.iter(qn("w:t"))))
    return texts


def _tag_layout_problems(texts: list[str]) -> list[str]:
    problems = []
    for number, text in enumerate(texts, start=1):
        snippet = text if len(text) <= 30 else text[:30] + "…"
        for opening, closing in _PAIRS:
            if text.count(opening) != text.count(closing):
                problems.append(
                    f"第{number}段“{snippet}”中的标签不完整：“{opening}”与“{closing}”个数不同。"
                )
        depth = 0
        for prefix, word in _BLOCK.findall(text):
            if prefix:
                continue
            depth += 1 if word in ("if", "for") else -1
        if depth:
            problems.append(
                f"第{number}段“{snippet}”中的 if/for 标签没有在同一段内结束；"
                "跨段落的条件或循环请用 {%p if … %} 或 {%p for … %} 单独占一段。"
            )
    return problems


def template_problems(path: Path) -> list[str]:
    """Return the Chinese descriptions of every problem found in the template at ``path``."""
    if not path.is_file():
        return [f"找不到模板文件：{path}"]
    label = path.stem
    try:
        template = DocxTemplate(path)
        texts = _paragraph_texts(template)
    # A broken file is user data, not a bug: describe it.
    except Exception as exc:
        return [f"无法打开模板“{label}”：文件已损坏或不是 Word 文档（{exc}）。"]
    problems = _tag_layout_problems(texts)
    try:
        undeclared = template.get_undeclared_template_variables(jinja_environment())
    except Exception as exc:
        error = template_error_message(exc, label)
        return [*problems, str(error)]
    known = context_names()
    for name in sorted(undeclared - known):
        problems.append(f"模板使用了未知的字段“{name}”。可用字段：{'、'.join(sorted(known))}。")
    if problems:
        return problems
    try:
        render_document(path, sample_context(), label=label)
    except UserError as exc:
        problems.append(str(exc))
    return problems
