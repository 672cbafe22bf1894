"""Issuing a draft: take its number, write the .docx, register it, mark its clues (no Qt).

This belongs in ``core/drafting`` (a service the CLI could call too); it lives here only
until the drafting package offers one. It uses only core's public functions: the number
is taken and the suggestion registered in one write transaction, and the file is written
inside it, so a failed render leaves no number used and nothing registered.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from core.drafting.fields import AnnexCase, DraftFields
from core.drafting.register import allocate_number, record_suggestion
from core.drafting.render import render_draft
from core.drafting.templates import TemplateInfo
from core.workspace import Workspace

_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


@dataclass(frozen=True)
class IssuedDraft:
    number: str
    path: Path
    suggestion_id: int
    clues_marked: int


def draft_folder(ws: Workspace) -> Path:
    return ws.exports_dir / "文书"


def issue_draft(
    ws: Workspace,
    template: TemplateInfo,
    fields: DraftFields,
    office_abbr: str,
    clue_ids: Sequence[int] = (),
    folder: Path | None = None,
) -> IssuedDraft:
    """Number, write and register a draft; confirmed clues become "suggestion issued"."""
    from core.clues.service import set_status

    target_dir = folder or draft_folder(ws)
    with ws.write() as conn:
        number = allocate_number(conn, office_abbr, template.doc_code, fields.date.year)
        filled = replace(fields, doc_number=number)
        name = _UNSAFE.sub("_", f"{number}-{fields.recipient}")[:120] + ".docx"
        out = render_draft(template, filled, target_dir / name)
        try:
            suggestion_id = _register(conn, template, filled, clue_ids, out)
        except BaseException:
            out.unlink(missing_ok=True)  # the number goes back with the rollback; so does the file
            raise
    marked = 0
    for clue_id in clue_ids:
        if _status(ws, clue_id) == "confirmed":
            set_status(ws, clue_id, "suggestion_issued", f"已制发检察建议 {number}")
            marked += 1
    return IssuedDraft(number, out, suggestion_id, marked)


def _register(
    conn: Any, template: TemplateInfo, fields: DraftFields, clue_ids: Sequence[int], out: Path
) -> int:
    return record_suggestion(
        conn,
        number=fields.doc_number,
        kind=template.kind,
        template=template.name,
        recipient=fields.recipient,
        issued_on=fields.date,
        reply_months=fields.reply_months or template.reply_months,
        clue_ids=list(clue_ids),
        case_nos=[c.case_no for c in fields.cases],
        file_path=str(out),
        file_sha256=hashlib.sha256(out.read_bytes()).hexdigest(),
        fields=_fields_json(fields),
    )


def _status(ws: Workspace, clue_id: int) -> str | None:
    from sqlalchemy import text

    with ws.read() as conn:
        found = conn.execute(text("SELECT status FROM clues WHERE id = :i"), {"i": clue_id}).first()
    return str(found[0]) if found else None


def _fields_json(fields: DraftFields) -> dict[str, Any]:
    out = dict(fields.__dict__)
    out["date"] = fields.date.isoformat()
    out["cases"] = [c.__dict__ for c in fields.cases]
    return out


@dataclass(frozen=True)
class ClueMaterial:
    """What the selected clues give a draft: its annex rows and a first draft of the facts."""

    cases: list[AnnexCase]
    facts: str
    clue_ids: list[int]
    courts: list[str]  # the courts of those cases, most cases first


def clue_material(ws: Workspace, clue_ids: Sequence[int]) -> ClueMaterial:
    """Return the annex cases (with parties and the clue's problem) and facts from clues."""
    from core.cases import case_detail
    from core.clues.queries import clue_detail

    cases: dict[int, AnnexCase] = {}
    facts: list[str] = []
    courts: dict[str, int] = {}
    for clue_id in clue_ids:
        detail = clue_detail(ws, clue_id)
        row = detail.row
        problem = "、".join(row.model_names)
        summaries = [h["summary"] for h in detail.hits if h["active"] and h.get("summary")]
        facts.append(f"{row.title}。" + ("".join(summaries[:1]) if summaries else ""))
        for brief in row.cases:
            case_id = brief.get("case_id")
            if case_id is None or case_id in cases:
                continue
            case = case_detail(ws, int(case_id))
            parties = "；".join(
                f"{label}：{'、'.join(p['name'] for p in case['parties'] if p['role'] == role)}"
                for role, label in (("plaintiff", "原告"), ("defendant", "被告"))
                if any(p["role"] == role for p in case["parties"])
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
    return ClueMaterial(list(cases.values()), "\n".join(facts), list(clue_ids), ranked)


def today() -> dt.date:
    return dt.date.today()
