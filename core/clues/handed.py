"""Clues handed down (交办) by a superior procuratorate: imported from their spreadsheet,
kept with their origin, worked like any clue, and reported back on, one row each.

Each handed clue is its own clue (subject key ``handed:<batch>:<编号>``), so re-importing
the same sheet adds nothing and a model's clue on the same case stays separate; a case
number found in the workspace links the case.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert, select

from core import audit
from core.clues.lifecycle import STATUS_LABELS
from core.errors import RefusedInput, UserError
from core.ingest.headers import normalise_header
from core.ingest.normalise.case_numbers import parse_case_number
from core.ingest.normalise.cells import clean_text
from core.ingest.normalise.dates import parse_date
from core.ingest.normalise.id_numbers import parse_id_number
from core.ingest.normalise.lexicons import load_lexicon
from core.ingest.plan import file_sha256
from core.ingest.readers import open_table
from core.store.clue_models import table
from core.workspace import Workspace

CLUES, HITS, EVENTS = table("clues"), table("clue_hits"), table("clue_events")
NOTES, CLUE_CASES, CASES = table("clue_notes"), table("clue_cases"), table("cases")
MODEL_ID, MODEL_NAME = "handed", "上级院交办"
SCORE = 100.0  # handed clues carry a deadline: worked first
FIELDS = ("handed_no", "case_no", "name", "id_number", "content", "due")
REPORT_COLUMNS = (
    ("handed_no", "交办编号", 12),
    ("doc_no", "交办文号", 20),
    ("case_no", "案号", 26),
    ("persons", "当事人", 16),
    ("content", "线索内容", 50),
    ("status", "办理状态", 12),
    ("finding", "核查结论及理由", 40),
    ("notes", "办理情况", 50),
    ("assignee", "承办人", 10),
    ("due", "办理期限", 12),
    ("updated_at", "最近办理时间", 20),
    ("clue_id", "本院线索编号", 12),
)


@dataclass
class HandedImport:
    file_name: str
    source: str
    doc_no: str
    created: int = 0
    already: int = 0
    linked_cases: int = 0
    problems: list[dict[str, Any]] = field(default_factory=list)


def map_headers(row: Sequence[object]) -> dict[str, int]:
    """Return field -> column for a header row (exact synonym first, then the longest contained)."""
    lexicon = load_lexicon("handed_clues.yaml")
    cells = [normalise_header(clean_text(c)) for c in row]
    found: dict[str, int] = {}
    for exact in (True, False):
        for name in FIELDS:
            if name in found:
                continue
            words = sorted((str(w) for w in lexicon.get(name) or []), key=len, reverse=True)
            for col, cell in enumerate(cells):
                if col in found.values() or not cell:
                    continue
                if any(cell == w if exact else w in cell for w in words):
                    found[name] = col
                    break
    return found


def _header(rows: list[list[Any]], name: str) -> tuple[int, dict[str, int]]:
    for idx, row in enumerate(rows[:15]):
        cols = map_headers(row)
        if len(cols) >= 2 and ("content" in cols or "case_no" in cols):
            return idx, cols
    raise RefusedInput(
        f"“{name}”中找不到交办线索表的表头（需要“线索内容”或“案号”等列）。",
        "可在 resources/lexicons/handed_clues.yaml 中补充本地的表头写法。",
    )


def _cell(row: list[Any], cols: dict[str, int], name: str) -> str:
    col = cols.get(name)
    return clean_text(row[col]) if col is not None and col < len(row) else ""


def import_handed(ws: Workspace, path: Path, source: str, doc_no: str | None = None,
                  actor: str | None = None) -> HandedImport:
    """Import a superior procuratorate's sheet of handed-down clues."""
    from core.security.guard import require

    require("work_clues", ws)
    source = source.strip()
    if not source:
        raise UserError("请写明交办单位，例如“某市人民检察院”。")
    reader = open_table(path)
    rows = [list(r) for r in reader.rows(reader.default_sheet())]
    header, cols = _header(rows, path.name)
    sha256 = file_sha256(path)
    batch = (doc_no or "").strip() or sha256[:12]
    report = HandedImport(path.name, source, batch)
    who = actor or audit.current_actor()
    with ws.write() as conn:
        for number, row in enumerate(rows[header + 1 :], start=header + 2):
            if not any(clean_text(c) for c in row):
                continue
            _add(conn, report, number, row, cols, who)
        audit.append(conn, "clues_handed_import", {
            "file": path.name, "sha256": sha256, "source": source, "doc_no": batch,
            "created": report.created, "already": report.already}, actor=who)
    return report


def _add(conn: Connection, report: HandedImport, number: int, row: list[Any],
         cols: dict[str, int], who: str) -> None:
    content, case_text, name = (_cell(row, cols, f) for f in ("content", "case_no", "name"))
    if not (content or case_text or name):
        report.problems.append({"row": number, "reason": "没有线索内容、案号或当事人"})
        return
    handed_no = _cell(row, cols, "handed_no") or f"第{number}行"
    key = f"handed:{report.doc_no}:{handed_no}"
    if conn.execute(select(CLUES.c.id).where(CLUES.c.subject_key == key)).first() is not None:
        report.already += 1
        return
    case = _find_case(conn, case_text)
    ident = parse_id_number(_cell(row, cols, "id_number"))
    persons = [{"name": name, "id_number": ident.value if ident and ident.valid else None,
                "role": "被反映人"}] if name else []
    due = parse_date(row[cols["due"]]) if "due" in cols and cols["due"] < len(row) else None
    values = {"交办单位": report.source, "交办文号": report.doc_no, "交办编号": handed_no,
              "案号": case_text or None, "办理期限": due.isoformat() if due else None}
    now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    title = f"交办线索 {handed_no}：{content or case_text or name}"[:200]
    inserted = conn.execute(insert(CLUES).values(
        subject_type="case" if case or not name else "person", subject_key=key, title=title,
        score=SCORE, status="new", stale=False, assignee=None, tags=["交办"],
        cases=[case] if case else [], persons=persons,
        origin=f"交办：{report.source}（{report.doc_no}）", created_at=now, updated_at=now,
        first_run_id=None, last_run_id=None)).inserted_primary_key
    assert inserted is not None
    clue_id = int(inserted[0])
    reason: dict[str, Any] = {"indicator": MODEL_ID, "label": "交办内容", "detail": content or "（未写内容）",
              "weight": None, "case_id": case["case_id"] if case else None,
              "case_no": case["case_no"] if case else (case_text or None), "values": values,
              "spans": []}
    conn.execute(insert(HITS).values(
        clue_id=clue_id, model_id=MODEL_ID, model_version=1, model_name=MODEL_NAME, score=SCORE,
        title=title, summary=(content or title)[:500], reasons=[reason],
        case_ids=[case["case_id"]] if case else [], persons=persons, active=True,
        first_run_id=None, last_run_id=None))
    if case:
        conn.execute(insert(CLUE_CASES).values(clue_id=clue_id, case_id=case["case_id"]))
        report.linked_cases += 1
    conn.execute(insert(EVENTS).values(
        clue_id=clue_id, at=now, actor=who, action="created", from_value=None, to_value="new",
        reason=f"{report.source}交办（{report.doc_no}，{handed_no}）", run_id=None))
    report.created += 1


def _find_case(conn: Connection, case_text: str) -> dict[str, Any] | None:
    parsed = parse_case_number(case_text) if case_text else None
    if parsed is None:
        return None
    row = conn.execute(select(CASES.c.id, CASES.c.case_no, CASES.c.cause, CASES.c.court,
                              CASES.c.filing_date).where(CASES.c.case_no_key == parsed.canonical)).first()
    if row is None:
        return None
    return {"case_id": row.id, "case_no": row.case_no, "cause": row.cause, "court": row.court,
            "filing_date": str(row.filing_date) if row.filing_date else None}


def handed_rows(ws: Workspace, doc_no: str | None = None) -> list[dict[str, Any]]:
    """Return one report row per handed clue (of one batch when ``doc_no``), in handed order."""
    prefix = f"handed:{doc_no}:" if doc_no else "handed:"
    with ws.read() as conn:
        clues = conn.execute(select(CLUES).where(CLUES.c.subject_key.startswith(prefix, autoescape=True))
                             .order_by(CLUES.c.id)).mappings().all()
        out = []
        for c in clues:
            hit = conn.execute(select(HITS.c.reasons).where(HITS.c.clue_id == c["id"],
                                                            HITS.c.model_id == MODEL_ID)).scalar()
            reason: dict[str, Any] = (hit or [{}])[0]
            values = reason.get("values") or {}
            notes = conn.execute(select(NOTES.c.at, NOTES.c.actor, NOTES.c.text).where(
                NOTES.c.clue_id == c["id"], NOTES.c.retracted_at.is_(None)).order_by(NOTES.c.id)).all()
            finding = conn.execute(select(EVENTS.c.reason).where(
                EVENTS.c.clue_id == c["id"], EVENTS.c.action.in_(("status", "status_revert")))
                .order_by(EVENTS.c.id.desc()).limit(1)).scalar()
            out.append({
                "handed_no": values.get("交办编号"), "doc_no": values.get("交办文号"),
                "case_no": reason.get("case_no") or "",
                "persons": "、".join(p["name"] for p in c["persons"]),
                "content": reason.get("detail") or "",
                "status": STATUS_LABELS.get(c["status"], c["status"]),
                "finding": finding or "", "assignee": c["assignee"] or "",
                "notes": "\n".join(f"{at[:10]} {who}：{text}" for at, who, text in notes),
                "due": values.get("办理期限") or "", "updated_at": c["updated_at"][:19].replace("T", " "),
                "clue_id": c["id"]})
    return out


def write_handed_report(ws: Workspace, target: Path, doc_no: str | None = None) -> int:
    """Write the report back (反馈表) as .xlsx; return the number of clues in it."""
    from core.clues.export import write_xlsx_table

    rows = handed_rows(ws, doc_no)
    write_xlsx_table(target, "交办线索办理情况", REPORT_COLUMNS, rows)
    with ws.write() as conn:
        audit.append(conn, "clues_handed_report", {"file": target.name, "doc_no": doc_no,
                                                   "clues": len(rows)})
    return len(rows)
