"""Render a draft (检察建议书, 线索移送函) from a template and the user's fields to a .docx."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.drafting.fields import AnnexCase, DraftFields, build_context, chinese_number
from core.drafting.fonts import choose_fonts
from core.drafting.layout import LayoutSettings, Margins
from core.drafting.templates import TemplateInfo
from core.errors import UserError

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from jinja2 import Environment

__all__ = [
    "AnnexCase",
    "DraftFields",
    "LayoutSettings",
    "Margins",
    "render_document",
    "render_draft",
]

_UNDEFINED = re.compile(r"'([^']+)' is undefined")
_NO_ATTRIBUTE = re.compile(r"has no attribute '([^']+)'")
_NO_FILTER = re.compile(r"No filter named '([^']+)'")


def _cn_filter(value: Any) -> str:
    """Jinja filter ``cn``: 3 → 三 (numbers from 100 on stay Arabic)."""
    number = int(value)
    return chinese_number(number) if 0 <= number < 100 else str(number)


def jinja_environment() -> Environment:
    """Return the sandboxed, strict, auto-escaping Jinja environment templates render in."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    # Sandboxed: a template is a file anyone could hand the user.
    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=True)
    env.filters["cn"] = _cn_filter
    return env


def template_error_message(exc: Exception, label: str) -> UserError:
    """Return the UserError that explains why the template ``label`` failed to render."""
    from jinja2 import TemplateSyntaxError, UndefinedError

    text = str(exc)
    if isinstance(exc, UndefinedError):
        match = _UNDEFINED.search(text) or _NO_ATTRIBUTE.search(text)
        name = match.group(1) if match else text
        return UserError(f"模板“{label}”使用了未知的字段“{name}”，请对照可用字段修改模板。", text)
    if isinstance(exc, TemplateSyntaxError):
        near = [line.strip() for line in getattr(exc, "docx_context", []) if line.strip()]
        details = "出错位置附近：" + " / ".join(near)[:300] if near else None
        unknown_filter = _NO_FILTER.search(exc.message or "")
        if unknown_filter:
            return UserError(
                f"模板“{label}”使用了未知的过滤器“{unknown_filter.group(1)}”。", details
            )
        return UserError(f"模板“{label}”中的标签写法有误：{exc.message}", details)
    return UserError(f"无法使用模板“{label}”生成文稿：文件已损坏或不是 Word 文档。", text)


def render_document(path: Path, context: dict[str, Any], *, label: str) -> DocumentObject:
    """Return the python-docx document made by filling the template at ``path``."""
    from docxtpl import DocxTemplate

    try:
        template = DocxTemplate(path)
        template.render(context, jinja_environment(), autoescape=True)
    except FileNotFoundError as exc:
        raise UserError(f"找不到模板文件：{path}") from exc
    # A template is user data: whatever goes wrong inside it must reach the user as a
    # message, never as a crash.
    except Exception as exc:
        raise template_error_message(exc, label) from exc
    document: DocumentObject = template.docx
    # docxtpl swaps in re-rendered header/footer parts through the relationship only;
    # python-docx resolves parts through a separate map that still points at the old
    # ones, so section.footer would edit a part that is no longer saved.
    rels = document.part.rels
    for rel_id, rel in rels.items():
        if not rel.is_external:
            rels.related_parts[rel_id] = rel.target_part
    return document


def _save_atomically(document: DocumentObject, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=".tmp", dir=out.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        document.save(str(temp))
        os.replace(temp, out)
    except PermissionError as exc:
        raise UserError(f"无法写入“{out.name}”：文件可能正在 Word 中打开，请关闭后重试。") from exc
    except OSError as exc:
        raise UserError(f"无法写入“{out}”：{exc.strerror or exc}") from exc
    finally:
        temp.unlink(missing_ok=True)


def render_draft(
    template: TemplateInfo,
    fields: DraftFields,
    out: Path,
    *,
    settings: LayoutSettings | None = None,
    installed_fonts: Iterable[str] | None = None,
) -> Path:
    """Fill ``template`` with ``fields``, lay it out per GB/T 9704 and write ``out``.

    The file appears complete or not at all (written beside ``out``, then renamed).
    ``installed_fonts`` overrides font detection (for tests and previews).
    """
    from core.drafting.docx_layout import apply_layout

    settings = settings or LayoutSettings()
    context = build_context(
        fields,
        reply_months=template.reply_months,
        legal_basis=template.legal_basis,
        kind=template.kind,
    )
    document = render_document(template.path, context, label=template.name)
    apply_layout(document, settings, choose_fonts(settings, installed_fonts))
    properties = document.core_properties
    properties.title = f"{context['procuratorate']}{template.name}"
    properties.subject = context["doc_number"]
    properties.author = context["procuratorate"]
    properties.last_modified_by = context["procuratorate"]
    properties.category = template.kind
    properties.comments = ""
    properties.modified = datetime.now().replace(microsecond=0)
    _save_atomically(document, out)
    return out
