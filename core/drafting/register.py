"""The document register: numbers handed out once, issued suggestions and their replies."""

from __future__ import annotations

import calendar
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from core import audit
from core.drafting.numbering import format_doc_number
from core.errors import UserError
from core.workspace import Workspace


def add_months(day: dt.date, months: int) -> dt.date:
    """Return the same day ``months`` later, clipped to the month's end (1-31 + 1 month = 2-28/29)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def allocate_number(conn: Connection, office: str, code: str, year: int) -> str:
    """Take the next serial for (office, code, year) inside the caller's write transaction."""
    serial = int(
        conn.execute(
            text(
                "SELECT COALESCE(MAX(serial), 0) + 1 FROM doc_numbers WHERE office = :o AND code = :c AND year = :y"
            ),
            {"o": office, "c": code, "y": year},
        ).scalar_one()
    )
    number = format_doc_number(office, code, year, serial)
    conn.execute(
        text(
            "INSERT INTO doc_numbers (office, code, year, serial, number, issued_at, issued_by) "
            "VALUES (:o, :c, :y, :s, :n, :at, :by)"
        ),
        {
            "o": office,
            "c": code,
            "y": year,
            "s": serial,
            "n": number,
            "at": dt.datetime.now().isoformat(timespec="seconds"),
            "by": audit.current_actor(),
        },
    )
    return number


def preview_number(ws: Workspace, office: str, code: str, year: int) -> str:
    """Return the number the next document would get (not reserved)."""
    with ws.read() as conn:
        serial = int(
            conn.execute(
                text(
                    "SELECT COALESCE(MAX(serial), 0) + 1 FROM doc_numbers WHERE office = :o AND code = :c AND year = :y"
                ),
                {"o": office, "c": code, "y": year},
            ).scalar_one()
        )
    return format_doc_number(office, code, year, serial)


@dataclass(frozen=True)
class SuggestionRow:
    id: int
    number: str
    kind: str
    recipient: str
    issued_on: str
    due_on: str
    status: str
    replied_on: str | None
    clue_ids: list[int]
    case_nos: list[str]
    file_path: str
    overdue: bool

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def record_suggestion(
    conn: Connection,
    *,
    number: str,
    kind: str,
    template: str,
    recipient: str,
    issued_on: dt.date,
    reply_months: int,
    clue_ids: list[int],
    case_nos: list[str],
    file_path: str,
    file_sha256: str,
    fields: dict[str, Any],
) -> int:
    """Register an issued document inside the caller's transaction; return its id."""
    due = add_months(issued_on, reply_months)
    result = conn.execute(
        text(
            "INSERT INTO suggestions (number, kind, template, recipient, issued_on, reply_months, due_on, "
            "clue_ids, case_nos, file_path, file_sha256, status, fields, created_at, created_by) VALUES "
            "(:n, :k, :t, :r, :i, :m, :d, :cl, :cn, :fp, :fh, 'issued', :f, :at, :by)"
        ),
        {
            "n": number,
            "k": kind,
            "t": template,
            "r": recipient,
            "i": issued_on.isoformat(),
            "m": reply_months,
            "d": due.isoformat(),
            "cl": json.dumps(clue_ids),
            "cn": json.dumps(case_nos, ensure_ascii=False),
            "fp": file_path,
            "fh": file_sha256,
            "f": json.dumps(fields, ensure_ascii=False, default=str),
            "at": dt.datetime.now().isoformat(timespec="seconds"),
            "by": audit.current_actor(),
        },
    )
    new_id = int(result.lastrowid or 0)
    audit.append(
        conn,
        "suggestion_issue",
        {
            "id": new_id,
            "number": number,
            "kind": kind,
            "recipient": recipient,
            "clues": clue_ids,
            "due_on": due.isoformat(),
            "sha256": file_sha256,
        },
    )
    return new_id


def list_suggestions(
    ws: Workspace, *, overdue_only: bool = False, today: dt.date | None = None
) -> list[SuggestionRow]:
    """Return issued documents, soonest due first; ``overdue_only`` keeps unanswered past-due ones."""
    now = (today or dt.date.today()).isoformat()
    with ws.read() as conn:
        rows = conn.execute(
            text(
                "SELECT id, number, kind, recipient, issued_on, due_on, status, replied_on, clue_ids, case_nos, "
                "file_path FROM suggestions ORDER BY due_on, id"
            )
        ).all()
    out = []
    for r in rows:
        overdue = r[6] == "issued" and r[5] < now
        if overdue_only and not overdue:
            continue
        out.append(
            SuggestionRow(
                int(r[0]),
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                r[6],
                r[7],
                json.loads(r[8]),
                json.loads(r[9]),
                r[10],
                overdue,
            )
        )
    return out


def record_reply(
    ws: Workspace, number_or_id: str, replied_on: dt.date, note: str | None = None
) -> SuggestionRow:
    """Record the recipient's written reply, closing the follow-up loop."""
    from core.security.guard import require

    require("draft", ws)
    with ws.write() as conn:
        row = conn.execute(
            text(
                "SELECT id, status, clue_ids FROM suggestions WHERE number = :n OR CAST(id AS TEXT) = :n"
            ),
            {"n": number_or_id},
        ).first()
        if row is None:
            raise UserError(f"登记簿中没有文号或编号为“{number_or_id}”的文书。")
        if row[1] == "replied":
            raise UserError(f"文书“{number_or_id}”已登记过回复。")
        conn.execute(
            text(
                "UPDATE suggestions SET status='replied', replied_on=:d, reply_note=:n WHERE id=:i"
            ),
            {"d": replied_on.isoformat(), "n": note, "i": row[0]},
        )
        audit.append(
            conn, "suggestion_reply", {"id": int(row[0]), "replied_on": replied_on.isoformat()}
        )
    return next(s for s in list_suggestions(ws) if s.id == int(row[0]))
