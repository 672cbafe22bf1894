"""What the home, data, audit and statistics pages read: counts, summaries, logs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from core.cases import DatasetInfo, list_datasets
from core.views.common import CountSeries, load_json, table_exists
from core.workspace import Workspace


@dataclass(frozen=True)
class WorkspaceSummary:
    """What the home page shows about the data in a workspace."""

    cases: int
    list_records: int
    datasets: int
    quarantined: int
    cases_without_features: int
    entities: int
    last_import: DatasetInfo | None
    audit_entries: int


def workspace_summary(ws: Workspace) -> WorkspaceSummary:
    """Return the counts and the newest import for the home page."""
    with ws.read() as conn:

        def count(sql: str) -> int:
            return int(conn.execute(text(sql)).scalar_one())

        cases = count("SELECT COUNT(*) FROM cases")
        lists = count("SELECT COUNT(*) FROM list_records")
        datasets = count("SELECT COUNT(*) FROM datasets")
        quarantined = count("SELECT COALESCE(SUM(quarantined), 0) FROM datasets")
        pending = count(
            "SELECT COUNT(*) FROM cases c LEFT JOIN case_flags f ON f.case_id = c.id "
            "WHERE f.case_id IS NULL"
        )
        entities = count("SELECT COUNT(*) FROM entities")
        audit_entries = count("SELECT COUNT(*) FROM audit_log")
    last = list_datasets(ws)[-1] if datasets else None
    return WorkspaceSummary(
        cases, lists, datasets, quarantined, pending, entities, last, audit_entries
    )


@dataclass(frozen=True)
class QuarantinedRow:
    row_number: int
    reason: str
    cells: dict[str, Any]


def quarantined_rows(ws: Workspace, dataset_id: int, limit: int = 1000) -> list[QuarantinedRow]:
    """Return the rows of a dataset that were kept out of the import, with their reasons."""
    with ws.read() as conn:
        rows = conn.execute(
            text(
                "SELECT row_number, reason, cells FROM quarantined_rows WHERE dataset_id = :d "
                "ORDER BY row_number LIMIT :l"
            ),
            {"d": dataset_id, "l": limit},
        ).all()
    return [QuarantinedRow(int(r[0]), str(r[1]), load_json(r[2])) for r in rows]


def dataset_mapping(ws: Workspace, dataset_id: int) -> dict[str, dict[str, Any]]:
    """Return the header mapping a dataset was imported with (field -> header, confidence, by)."""
    with ws.read() as conn:
        raw = conn.execute(
            text("SELECT mapping FROM datasets WHERE id = :d"), {"d": dataset_id}
        ).scalar()
    value = load_json(raw)
    return value if isinstance(value, dict) else {}


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: str
    actor: str
    action: str
    details: str


def audit_rows(ws: Workspace, limit: int = 500, offset: int = 0) -> list[AuditRow]:
    """Return audit entries, newest first."""
    with ws.read() as conn:
        rows = conn.execute(
            text(
                "SELECT id, at, actor, action, details FROM audit_log ORDER BY id DESC "
                "LIMIT :l OFFSET :o"
            ),
            {"l": limit, "o": offset},
        ).all()
    return [AuditRow(int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4])) for r in rows]


def audit_count(ws: Workspace) -> int:
    with ws.read() as conn:
        return int(conn.execute(text("SELECT COUNT(*) FROM audit_log")).scalar_one())


@dataclass(frozen=True)
class Attention:
    """What needs attention on the home page: clue counts, replies due, the last model run."""

    clues: int
    new_clues: int
    reviewing: int
    confirmed: int
    suggestions: int
    awaiting: int
    overdue: int
    last_run_at: str | None
    last_run_models: int
    last_run_clues: int
    last_run_by: str | None


def attention(ws: Workspace, today: dt.date | None = None) -> Attention | None:
    """Return the clue and suggestion figures, or None while the workspace has no clues table."""
    day = (today or dt.date.today()).isoformat()
    with ws.read() as conn:
        if not table_exists(conn, "clues"):
            return None
        by_status = {
            str(k): int(v)
            for k, v in conn.execute(text("SELECT status, COUNT(*) FROM clues GROUP BY status"))
        }
        suggestions = awaiting = overdue = 0
        if table_exists(conn, "suggestions"):
            suggestions, awaiting, overdue = (
                int(v or 0)
                for v in conn.execute(
                    text(
                        "SELECT COUNT(*), SUM(status = 'issued'), "
                        "SUM(status = 'issued' AND due_on < :d) FROM suggestions"
                    ),
                    {"d": day},
                ).one()
            )
        run = None
        if table_exists(conn, "model_runs"):
            run = conn.execute(
                text(
                    "SELECT started_at, models, clues_new, actor FROM model_runs "
                    "WHERE status = 'done' ORDER BY id DESC LIMIT 1"
                )
            ).first()
    models = load_json(run[1]) if run else []
    return Attention(
        clues=sum(by_status.values()),
        new_clues=by_status.get("new", 0),
        reviewing=by_status.get("reviewing", 0),
        confirmed=by_status.get("confirmed", 0),
        suggestions=suggestions,
        awaiting=awaiting,
        overdue=overdue,
        last_run_at=str(run[0]) if run else None,
        last_run_models=len(models) if isinstance(models, list) else 0,
        last_run_clues=int(run[2] or 0) if run else 0,
        last_run_by=str(run[3]) if run else None,
    )


@dataclass(frozen=True)
class ClueStatistics:
    """Figures for the statistics page."""

    # (model name, status, clues) for active hits
    by_model_status: list[tuple[str, str, int]]
    # (stage label, clues): all → confirmed → suggestion issued → replied
    funnel: list[tuple[str, int]]
    per_month: CountSeries


CONFIRMED_LIKE = ("confirmed", "transferred", "suggestion_issued", "closed")


def clue_statistics(ws: Workspace, months: int = 24) -> ClueStatistics | None:
    """Return clue counts by model and status, the funnel and clues raised per month."""
    with ws.read() as conn:
        if not table_exists(conn, "clues"):
            return None
        by_model = [
            (str(r[0]), str(r[1]), int(r[2]))
            for r in conn.execute(
                text(
                    "SELECT h.model_name, c.status, COUNT(DISTINCT c.id) FROM clue_hits h "
                    "JOIN clues c ON c.id = h.clue_id WHERE h.active = 1 "
                    "GROUP BY h.model_name, c.status ORDER BY h.model_name, c.status"
                )
            )
        ]
        total = int(conn.execute(text("SELECT COUNT(*) FROM clues")).scalar_one())
        marks = ",".join(f"'{s}'" for s in CONFIRMED_LIKE)
        confirmed = int(
            conn.execute(text(f"SELECT COUNT(*) FROM clues WHERE status IN ({marks})")).scalar_one()
        )
        issued: set[int] = set()
        replied: set[int] = set()
        if table_exists(conn, "suggestions"):
            for clue_ids, status in conn.execute(text("SELECT clue_ids, status FROM suggestions")):
                ids = {int(i) for i in load_json(clue_ids) or []}
                issued |= ids
                if status == "replied":
                    replied |= ids
        issued |= {
            int(r[0])
            for r in conn.execute(text("SELECT id FROM clues WHERE status = 'suggestion_issued'"))
        }
        rows = conn.execute(
            text(
                "SELECT substr(created_at, 1, 7) AS m, COUNT(*) FROM clues GROUP BY m "
                "ORDER BY m DESC LIMIT :n"
            ),
            {"n": months},
        ).all()
    rows = list(reversed(rows))
    funnel = [
        ("线索", total),
        ("已核实", confirmed),
        ("已制发检察建议", len(issued)),
        ("已回复", len(replied)),
    ]
    per_month = CountSeries([str(r[0]) for r in rows], [int(r[1]) for r in rows])
    return ClueStatistics(by_model, funnel, per_month)


def cases_per_month(ws: Workspace, last: int = 24) -> CountSeries:
    """Return cases filed per month (YYYY-MM), the last ``last`` months that have cases."""
    with ws.read() as conn:
        rows = conn.execute(
            text(
                "SELECT substr(filing_date, 1, 7) AS m, COUNT(*) FROM cases "
                "WHERE filing_date IS NOT NULL GROUP BY m ORDER BY m DESC LIMIT :n"
            ),
            {"n": last},
        ).all()
    rows = list(reversed(rows))
    return CountSeries([str(r[0]) for r in rows], [int(r[1]) for r in rows])


def cases_by_cause(ws: Workspace, top: int = 8) -> CountSeries:
    """Return the most frequent causes with their case counts; the rest summed as 其他."""
    with ws.read() as conn:
        rows = conn.execute(
            text(
                "SELECT COALESCE(cause, '（未填）'), COUNT(*) FROM cases GROUP BY cause "
                "ORDER BY COUNT(*) DESC"
            )
        ).all()
    labels = [str(r[0]) for r in rows[:top]]
    values = [int(r[1]) for r in rows[:top]]
    rest = sum(int(r[1]) for r in rows[top:])
    if rest:
        labels.append("其他")
        values.append(rest)
    return CountSeries(labels, values)
