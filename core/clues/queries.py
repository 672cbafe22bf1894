"""Reading clues: filtered lists in risk order, one clue in full, counts per status."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, exists, func, select, true

from core.clues.lifecycle import STATUS_LABELS, parse_status
from core.errors import UserError
from core.store.clue_models import table
from core.supervision.vocabulary import SUBJECTS
from core.workspace import Workspace

CLUES = table("clues")
HITS = table("clue_hits")
CLUE_CASES = table("clue_cases")
NOTES = table("clue_notes")


@dataclass(frozen=True)
class ClueFilter:
    """What to list: every field optional; ``text`` searches titles, case numbers and names."""

    model_ids: Sequence[str] = ()
    statuses: Sequence[str] = ()
    subject_type: str | None = None
    assignee: str | None = None
    tag: str | None = None
    text: str | None = None
    case_id: int | None = None
    include_stale: bool = True
    min_score: float | None = None


@dataclass(frozen=True)
class ClueRow:
    """One clue as a list shows it."""

    id: int
    subject_type: str
    title: str
    score: float
    status: str
    stale: bool
    assignee: str | None
    tags: list[str]
    model_ids: list[str]
    model_names: list[str]
    cases: list[dict[str, Any]]
    persons: list[dict[str, Any]]
    created_at: str
    updated_at: str

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def case_nos(self) -> list[str]:
        return [c["case_no"] for c in self.cases]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "subject_type": self.subject_type,
            "subject_label": SUBJECTS.get(self.subject_type, self.subject_type),
            "title": self.title,
            "score": self.score,
            "status": self.status,
            "status_label": self.status_label,
            "stale": self.stale,
            "assignee": self.assignee,
            "tags": self.tags,
            "model_ids": self.model_ids,
            "model_names": self.model_names,
            "case_nos": self.case_nos,
            "persons": [
                {"name": p.get("name"), "id_number": p.get("id_number")} for p in self.persons
            ],
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }


@dataclass(frozen=True)
class ClueDetail:
    """One clue in full: its row, every model's hit with reasons and spans, notes."""

    row: ClueRow
    hits: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)

    def reasons(self) -> list[dict[str, Any]]:
        """Return every reason of the active hits, each tagged with its model."""
        out = []
        for h in self.hits:
            if h["active"]:
                for r in h["reasons"]:
                    out.append({"model_id": h["model_id"], "model_name": h["model_name"], **r})
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            **self.row.to_json(),
            "cases": self.row.cases,
            "persons": self.row.persons,
            "hits": self.hits,
            "reasons": self.reasons(),
            "notes": self.notes,
        }


def _where(f: ClueFilter) -> list[Any]:
    conds: list[Any] = []
    if f.model_ids:
        conds.append(
            exists(
                select(HITS.c.id).where(
                    HITS.c.clue_id == CLUES.c.id, HITS.c.model_id.in_(list(f.model_ids))
                )
            )
        )
    if f.statuses:
        conds.append(CLUES.c.status.in_([parse_status(s) for s in f.statuses]))
    if f.subject_type:
        if f.subject_type not in SUBJECTS:
            raise UserError(f"不认识的线索对象类型“{f.subject_type}”。")
        conds.append(CLUES.c.subject_type == f.subject_type)
    if f.assignee:
        conds.append(CLUES.c.assignee == f.assignee)
    if f.case_id is not None:
        conds.append(
            exists(
                select(CLUE_CASES.c.clue_id).where(
                    CLUE_CASES.c.clue_id == CLUES.c.id, CLUE_CASES.c.case_id == f.case_id
                )
            )
        )
    if not f.include_stale:
        conds.append(CLUES.c.stale.is_(False))
    if f.min_score is not None:
        conds.append(CLUES.c.score >= f.min_score)
    return conds


def _matches(row: ClueRow, f: ClueFilter) -> bool:
    # tags, case numbers and names sit in JSON columns: checked here on the (few) clues
    if f.tag and f.tag not in row.tags:
        return False
    if f.text:
        t = f.text.strip()
        hay = [
            row.title,
            *row.case_nos,
            *(str(p.get("name") or "") for p in row.persons),
            *(str(p.get("id_number") or "") for p in row.persons),
        ]
        if not any(t in h for h in hay):
            return False
    return True


def _models(conn: Connection, ids: Sequence[int]) -> dict[int, list[tuple[str, str]]]:
    out: dict[int, list[tuple[str, str]]] = {i: [] for i in ids}
    for i in range(0, len(ids), 500):
        q = (
            select(HITS.c.clue_id, HITS.c.model_id, HITS.c.model_name)
            .where(HITS.c.clue_id.in_(list(ids[i : i + 500])), HITS.c.active.is_(True))
            .order_by(HITS.c.clue_id, HITS.c.score.desc(), HITS.c.model_id)
        )
        for cid, mid, name in conn.execute(q):
            out[cid].append((mid, name))
    return out


def _row(r: Any, models: list[tuple[str, str]]) -> ClueRow:
    return ClueRow(
        r["id"],
        r["subject_type"],
        r["title"],
        float(r["score"]),
        r["status"],
        bool(r["stale"]),
        r["assignee"],
        list(r["tags"] or []),
        [m for m, _ in models],
        [n for _, n in models],
        list(r["cases"] or []),
        list(r["persons"] or []),
        r["created_at"],
        r["updated_at"],
    )


def list_clues(
    ws: Workspace, flt: ClueFilter | None = None, limit: int | None = None, offset: int = 0
) -> list[ClueRow]:
    """Return clues matching the filter, highest risk score first."""
    f = flt or ClueFilter()
    python_side = bool(f.tag or f.text)
    with ws.read() as conn:
        q = (
            select(CLUES)
            .where(and_(true(), *_where(f)))
            .order_by(CLUES.c.stale, CLUES.c.score.desc(), CLUES.c.id)
        )
        if not python_side:
            q = q.offset(offset)
            if limit is not None:
                q = q.limit(limit)
        rows = conn.execute(q).mappings().all()
        models = _models(conn, [r["id"] for r in rows])
    out = [_row(r, models[r["id"]]) for r in rows]
    if python_side:
        out = [r for r in out if _matches(r, f)]
        out = out[offset : None if limit is None else offset + limit]
    return out


def count_clues(ws: Workspace, flt: ClueFilter | None = None) -> int:
    """Return how many clues match the filter (for paging)."""
    f = flt or ClueFilter()
    if f.tag or f.text:
        return len(list_clues(ws, f))
    with ws.read() as conn:
        return int(
            conn.execute(
                select(func.count()).select_from(CLUES).where(and_(true(), *_where(f)))
            ).scalar_one()
        )


def status_counts(ws: Workspace) -> dict[str, int]:
    """Return the number of clues per status (every status listed, zero included)."""
    with ws.read() as conn:
        rows = conn.execute(select(CLUES.c.status, func.count()).group_by(CLUES.c.status)).all()
    counts = {s: 0 for s in STATUS_LABELS}
    counts.update({s: int(n) for s, n in rows})
    return counts


def clue_detail(ws: Workspace, clue_id: int) -> ClueDetail:
    """Return one clue with every model's hit (reasons, values, text spans) and its notes."""
    with ws.read() as conn:
        r = conn.execute(select(CLUES).where(CLUES.c.id == clue_id)).mappings().first()
        if r is None:
            raise UserError(f"没有编号为 {clue_id} 的线索。")
        hits = [
            dict(h)
            for h in conn.execute(
                select(HITS)
                .where(HITS.c.clue_id == clue_id)
                .order_by(HITS.c.active.desc(), HITS.c.score.desc())
            ).mappings()
        ]
        notes = [
            dict(n)
            for n in conn.execute(
                select(NOTES)
                .where(NOTES.c.clue_id == clue_id, NOTES.c.retracted_at.is_(None))
                .order_by(NOTES.c.id)
            ).mappings()
        ]
        models = _models(conn, [clue_id])
    return ClueDetail(_row(r, models[clue_id]), hits, notes)
