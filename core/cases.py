"""Reading cases and datasets back for lists, detail views and scripts."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from core.errors import UserError
from core.ingest.lexicon import CASE_FIELDS
from core.ingest.normalise.case_numbers import canonical_case_no
from core.workspace import Workspace

# Every canonical case field except the full text, which lives in case_texts.
CASE_FIELDS_OUT = tuple(f for f in CASE_FIELDS if f != "full_text")


@dataclass(frozen=True)
class DatasetInfo:
    id: int
    name: str
    sheet: str
    kind: str
    list_type: str | None
    rows: int
    quarantined: int
    duplicates: int
    imported_at: str
    imported_by: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "sheet": self.sheet,
            "kind": self.kind,
            "list_type": self.list_type,
            "rows": self.rows,
            "quarantined": self.quarantined,
            "duplicates": self.duplicates,
            "imported_at": self.imported_at,
            "imported_by": self.imported_by,
        }


def list_datasets(ws: Workspace) -> list[DatasetInfo]:
    """Return every imported dataset, oldest first."""
    with ws.read() as conn:
        rows = conn.execute(
            text(
                "SELECT id, file_name, sheet, kind, list_type, rows_imported, quarantined, duplicates, "
                "imported_at, imported_by FROM datasets ORDER BY id"
            )
        ).all()
    return [
        DatasetInfo(
            int(r[0]), r[1], r[2], r[3], r[4], int(r[5]), int(r[6]), int(r[7]), str(r[8]), r[9]
        )
        for r in rows
    ]


def list_cases(ws: Workspace, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Return cases with their canonical fields (dates as ISO strings), in import order."""
    cols = ", ".join(("id", "dataset_id", *CASE_FIELDS_OUT))
    with ws.read() as conn:
        rows = (
            conn.execute(
                text(f"SELECT {cols} FROM cases ORDER BY id LIMIT :l OFFSET :o"),
                {"l": limit, "o": offset},
            )
            .mappings()
            .all()
        )
    return [dict(r) for r in rows]


def count_cases(ws: Workspace) -> int:
    with ws.read() as conn:
        return int(conn.execute(text("SELECT COUNT(*) FROM cases")).scalar_one())


def get_case(ws: Workspace, case_no: str) -> dict[str, Any]:
    """Return one case by its case number (any bracket/width form), with parties and text."""
    key = canonical_case_no(case_no)
    with ws.read() as conn:
        found = conn.execute(text("SELECT id FROM cases WHERE case_no_key = :k"), {"k": key}).first()
        if found is None:
            raise UserError(f"工作区中没有案号为“{case_no}”的案件。")
        return case_detail(ws, int(found[0]))


_BOOL_FLAGS = ("mediation", "default_judgment", "notice_service", "self_admission", "no_defence",
               "iou_only", "cash_delivery", "defendant_appeared", "plaintiff_appeared", "related")


def _flags(row: dict[str, Any]) -> dict[str, Any]:
    for name in _BOOL_FLAGS:
        if row.get(name) is not None:
            row[name] = bool(row[name])
    row["notes"] = json.loads(row["notes"]) if row.get("notes") else []
    return row


def case_detail(ws: Workspace, case_id: int) -> dict[str, Any]:
    """Return one case by id with its parties (and their entities), features, flags and text."""
    cols = ", ".join(("id", "dataset_id", "source_row_id", "case_no_key", "year", "court_code",
                      "case_type", "seq", *CASE_FIELDS_OUT, "extra"))
    with ws.read() as conn:
        row = conn.execute(text(f"SELECT {cols} FROM cases WHERE id = :i"), {"i": case_id}).mappings().first()
        if row is None:
            raise UserError(f"工作区中没有编号为 {case_id} 的案件。")
        case = dict(row)
        case["extra"] = json.loads(case["extra"]) if case["extra"] else {}
        case["parties"] = [dict(p) for p in conn.execute(text(
            "SELECT cp.role, p.id, p.name, p.kind, p.id_number, p.id_problem, p.address, p.law_firm, "
            "p.name_variant, pe.entity_id, pe.reason AS entity_reason FROM case_parties cp "
            "JOIN parties p ON p.id = cp.party_id LEFT JOIN party_entities pe ON pe.party_id = p.id "
            "WHERE cp.case_id = :c ORDER BY cp.role, cp.position"), {"c": case_id}).mappings()]
        case["features"] = [dict(f) for f in conn.execute(text(
            'SELECT name, value, start, "end", cue, party FROM case_features WHERE case_id = :c '
            "ORDER BY start, name"), {"c": case_id}).mappings()]
        flags = conn.execute(text("SELECT * FROM case_flags WHERE case_id = :c"), {"c": case_id}).mappings().first()
        case["flags"] = _flags(dict(flags)) if flags else None
        full = conn.execute(text("SELECT full_text FROM case_texts WHERE case_id = :c"), {"c": case_id}).first()
        case["full_text"] = full[0] if full else None
        ds = conn.execute(text("SELECT file_name, sheet FROM datasets WHERE id = :d"),
                          {"d": case["dataset_id"]}).first()
        case["source"] = {"file": ds[0], "sheet": ds[1]} if ds else None
        if case["source_row_id"] and case["source"]:
            src = conn.execute(text("SELECT row_number FROM source_rows WHERE id = :s"),
                               {"s": case["source_row_id"]}).first()
            if src:
                case["source"]["row"] = src[0]
    return case
