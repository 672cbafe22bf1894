"""Draft templates: the bundled ones and the user's own ``.docx`` files, and checking them.

A template is a ``.docx`` with docxtpl (Jinja) tags. Its metadata (name, kind, reply
limit, document code, legal basis) comes from a sidecar ``<file>.yaml``; without one, the
kind is read from the document's 类别 property or guessed from the file name, and the rest
comes from ``resources/templates/kinds.yaml``.
"""

from __future__ import annotations

import functools
import re
import zipfile
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from core.errors import UserError

DEFAULT_KIND = "social_governance"
USER_TEMPLATE_DIR = "templates"
_CATEGORY = re.compile(r"<cp:category>([^<]*)</cp:category>")


@dataclass(frozen=True)
class TemplateInfo:
    """One usable template and its defaults; ``problems`` lists sidecar mistakes found."""

    name: str
    kind: str
    path: Path
    reply_months: int
    doc_code: str
    bundled: bool
    legal_basis: str = ""
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class KindDefaults:
    """Defaults for one kind of document (kinds.yaml)."""

    kind: str
    label: str
    reply_months: int
    doc_code: str
    legal_basis: str
    keywords: tuple[str, ...]


@functools.cache
def kinds() -> dict[str, KindDefaults]:
    """Return the document kinds and their defaults, in keyword-matching order."""
    raw = yaml.safe_load((files("resources") / "templates" / "kinds.yaml").read_text("utf-8"))
    return {
        kind: KindDefaults(
            kind=kind,
            label=str(spec["label"]),
            reply_months=int(spec["reply_months"]),
            doc_code=str(spec["doc_code"]),
            legal_basis=str(spec.get("legal_basis") or ""),
            keywords=tuple(spec.get("keywords", ())),
        )
        for kind, spec in raw.items()
    }


def bundled_dir() -> Path:
    """Return the folder holding the bundled templates."""
    return Path(str(files("resources") / "templates"))


def _embedded_kind(path: Path) -> str | None:
    # The bundled templates carry their kind in the 类别 (category) document property,
    # so a copy the user renames keeps it.
    try:
        with zipfile.ZipFile(path) as archive:
            core = archive.read("docProps/core.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return None
    match = _CATEGORY.search(core)
    if match and match.group(1).strip() in kinds():
        return match.group(1).strip()
    return None


def _guess_kind(path: Path) -> str:
    embedded = _embedded_kind(path)
    if embedded:
        return embedded
    for spec in kinds().values():
        if any(word in path.stem for word in spec.keywords):
            return spec.kind
    return DEFAULT_KIND


def _read_sidecar(sidecar: Path) -> tuple[dict[str, Any], list[str]]:
    if not sidecar.is_file():
        return {}, []
    try:
        data = yaml.safe_load(sidecar.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return {}, [f"说明文件“{sidecar.name}”无法读取，已按默认值处理：{exc}"]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [f"说明文件“{sidecar.name}”应为“键: 值”格式，已按默认值处理。"]
    return data, []


def load_template_info(path: Path, *, bundled: bool) -> TemplateInfo:
    """Return the metadata of the template at ``path`` (sidecar, embedded or guessed)."""
    sidecar = path.with_suffix(".yaml")
    data, problems = _read_sidecar(sidecar)
    kind = data.get("kind")
    if kind is not None and kind not in kinds():
        problems.append(
            f"说明文件“{sidecar.name}”中的种类“{kind}”无法识别，"
            f"可选：{'、'.join(kinds())}；已按文件名判断。"
        )
        kind = None
    kind = kind or _guess_kind(path)
    spec = kinds()[kind]
    reply_months = data.get("reply_months", spec.reply_months)
    if (
        not isinstance(reply_months, int)
        or isinstance(reply_months, bool)
        or not 1 <= reply_months <= 24
    ):
        problems.append(
            f"说明文件“{sidecar.name}”中的回复期限“{reply_months}”应为 1 至 24 的整数（月），"
            f"已改用 {spec.reply_months} 个月。"
        )
        reply_months = spec.reply_months
    return TemplateInfo(
        name=str(data.get("name") or path.stem),
        kind=kind,
        path=path,
        reply_months=reply_months,
        doc_code=str(data.get("doc_code") or spec.doc_code),
        bundled=bundled,
        legal_basis=str(data.get("legal_basis", spec.legal_basis) or ""),
        problems=tuple(problems),
    )


def _docx_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    # "~$x.docx" is Word's lock file for an open document, not a template.
    return sorted(
        p for p in folder.iterdir() if p.suffix.lower() == ".docx" and not p.name.startswith("~$")
    )


def list_templates(workspace_dir: Path | None = None) -> list[TemplateInfo]:
    """Return the bundled templates, then the workspace's own (``<workspace>/templates``).

    A workspace template with the same name as a bundled one replaces it.
    """
    bundled = [load_template_info(p, bundled=True) for p in _docx_files(bundled_dir())]
    own: list[TemplateInfo] = []
    if workspace_dir is not None:
        own = [
            load_template_info(p, bundled=False)
            for p in _docx_files(workspace_dir / USER_TEMPLATE_DIR)
        ]
    own_names = {t.name for t in own}
    return [t for t in bundled if t.name not in own_names] + own


def find_template(name_or_kind: str, workspace_dir: Path | None = None) -> TemplateInfo:
    """Return the template with this name (or file name, or kind; the user's first)."""
    available = list_templates(workspace_dir)
    wanted = name_or_kind.strip()
    # Workspace templates first: a user's copy overrides the bundled one.
    preferred = sorted(available, key=lambda t: t.bundled)
    for template in preferred:
        if template.name == wanted:
            return template
    for template in preferred:
        if wanted in (template.path.stem, template.path.name):
            return template
    for template in preferred:
        if wanted in (template.kind, kinds()[template.kind].label):
            return template
    names = "、".join(t.name for t in available) or "（无）"
    raise UserError(f"找不到模板“{wanted}”。可用的模板：{names}。")


def check_template(path: Path) -> list[str]:
    """Return the problems of a template file in Chinese; an empty list means it is usable."""
    # Imported here: docxtpl and python-docx are slow to import and only needed now.
    from core.drafting.template_check import template_problems

    return template_problems(path)
