"""Drafting from clues: gather the annex, take a number, write the .docx, register, mark clues.

The number is taken and the document registered in one write transaction with the file
written inside it, so a failed render leaves no number used and nothing registered.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from core.drafting.fields import AnnexCase, DraftFields
from core.drafting.register import allocate_number, preview_number, record_suggestion
from core.drafting.render import render_draft
from core.drafting.templates import TemplateInfo
from core.errors import UserError
from core.workspace import Workspace

_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')
ROLE_NAMES = {"plaintiff": "原告", "defendant": "被告"}


@dataclass(frozen=True)
class IssuedDraft:
    number: str
    path: Path
    suggestion_id: int
    clues_marked: int


@dataclass(frozen=True)
class ClueMaterial:
    """What the selected clues give a draft: annex rows, a first draft of facts, legal basis."""

    cases: list[AnnexCase]
    facts: str
    clue_ids: list[int]
    courts: list[str]  # the courts of those cases, most cases first
    legal_basis: str


def draft_folder(ws: Workspace) -> Path:
    return ws.exports_dir / "文书"


def clue_material(ws: Workspace, clue_ids: Sequence[int]) -> ClueMaterial:
    """Return the annex cases (parties, the clue's problem), draft facts and models' legal basis."""
    from core.cases import case_detail
    from core.clues.queries import clue_detail
    from core.supervision.catalogue import get_model

    cases: dict[int, AnnexCase] = {}
    facts: list[str] = []
    courts: dict[str, int] = {}
    bases: list[str] = []
    for clue_id in clue_ids:
        detail = clue_detail(ws, clue_id)
        row = detail.row
        problem = "、".join(row.model_names)
        summaries = [h["summary"] for h in detail.hits if h["active"] and h.get("summary")]
        facts.append(f"{row.title}。" + ("".join(summaries[:1]) if summaries else ""))
        for model_id in row.model_ids:
            try:
                model_bases = get_model(ws, model_id).spec.legal_basis
            except UserError:
                continue
            bases.extend(b for b in model_bases if b not in bases)
        for brief in row.cases:
            case_id = brief.get("case_id")
            if case_id is None or int(case_id) in cases:
                continue
            case = case_detail(ws, int(case_id))
            parties = "；".join(
                f"{ROLE_NAMES[p['role']]}：{p['name']}"
                for p in case["parties"]
                if p["role"] in ROLE_NAMES
            )
            if case.get("court"):
                courts[str(case["court"])] = courts.get(str(case["court"]), 0) + 1
            cases[int(case_id)] = AnnexCase(
                case_no=str(case["case_no"]),
                cause=str(case.get("cause") or ""),
                parties=parties,
                closing_method=str(case.get("closing_method") or ""),
                problem=problem,
            )
    ranked = sorted(courts, key=lambda c: -courts[c])
    return ClueMaterial(
        list(cases.values()), "\n".join(facts), list(clue_ids), ranked, "\n".join(bases)
    )


def fields_from_mapping(values: Mapping[str, Any], base: DraftFields) -> DraftFields:
    """Return ``base`` with the known keys of a JSON object of fields applied (unknown keys refused)."""
    known = {f.name for f in fields(DraftFields)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise UserError(
            "字段文件中有未知的字段：" + "、".join(unknown), "可用字段：" + "、".join(sorted(known))
        )
    update = dict(values)
    if "date" in update and isinstance(update["date"], str):
        try:
            update["date"] = dt.date.fromisoformat(update["date"])
        except ValueError as exc:
            raise UserError(
                f"字段 date 应为 YYYY-MM-DD 格式的日期，收到：{update['date']}"
            ) from exc
    if "suggestions" in update and isinstance(update["suggestions"], str):
        update["suggestions"] = [update["suggestions"]]
    if "cases" in update:
        update["cases"] = [
            c if isinstance(c, AnnexCase) else AnnexCase(**c) for c in update["cases"]
        ]
    return replace(base, **update)


def next_number(ws: Workspace, template: TemplateInfo, office_abbr: str, year: int) -> str:
    """Return the number the next document of this kind would get (nothing is reserved)."""
    return preview_number(ws, office_abbr, template.doc_code, year)


def issue_draft(
    ws: Workspace,
    template: TemplateInfo,
    draft: DraftFields,
    office_abbr: str,
    clue_ids: Sequence[int] = (),
    folder: Path | None = None,
    out: Path | None = None,
) -> IssuedDraft:
    """Number, write and register a draft; its confirmed clues become "suggestion issued"."""
    from core.security.guard import require

    require("draft", ws)
    from core.clues.service import set_status

    if not office_abbr:
        raise UserError(
            "未设置本院简称，无法编文号。",
            "请先运行 clueworks settings set procuratorate_abbr 简称（如“示”），或在字段文件中给出 procuratorate_abbr。",
        )
    with ws.write() as conn:
        number = allocate_number(conn, office_abbr, template.doc_code, draft.date.year)
        filled = replace(draft, doc_number=number, procuratorate_abbr=office_abbr)
        target = out or (folder or draft_folder(ws)) / (
            _UNSAFE.sub("_", f"{number}-{draft.recipient}")[:120] + ".docx"
        )
        written = render_draft(template, filled, target)
        try:
            suggestion_id = record_suggestion(
                conn,
                number=number,
                kind=template.kind,
                template=template.name,
                recipient=draft.recipient,
                issued_on=draft.date,
                reply_months=draft.reply_months or template.reply_months,
                clue_ids=list(clue_ids),
                case_nos=[c.case_no for c in draft.cases],
                file_path=str(written),
                file_sha256=hashlib.sha256(written.read_bytes()).hexdigest(),
                fields=_fields_json(filled),
            )
        except BaseException:
            written.unlink(
                missing_ok=True
            )  # the number goes back with the rollback; so does the file
            raise
    marked = 0
    for clue_id in clue_ids:
        if _status(ws, clue_id) == "confirmed":
            set_status(ws, clue_id, "suggestion_issued", f"已制发 {number}")
            marked += 1
    return IssuedDraft(number, written, suggestion_id, marked)


def _status(ws: Workspace, clue_id: int) -> str | None:
    from sqlalchemy import text

    with ws.read() as conn:
        found = conn.execute(text("SELECT status FROM clues WHERE id = :i"), {"i": clue_id}).first()
    return str(found[0]) if found else None


def _fields_json(draft: DraftFields) -> dict[str, Any]:
    out = dict(draft.__dict__)
    out["date"] = draft.date.isoformat()
    out["cases"] = [c.__dict__ for c in draft.cases]
    return out
