"""The read-only queries behind the tables (core.views): order, filters, dense ids."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from core.views import CaseQuery, ClueQuery, case_ids, case_rows, clue_ids


def sql_ids(ws: Any, sql: str) -> list[int]:
    with ws.read() as conn:
        return [int(r[0]) for r in conn.execute(text(sql))]


@pytest.mark.parametrize(
    "sort, descending, order",
    [
        ("id", False, "id"),
        ("id", True, "id DESC"),
        ("cause", False, "cause, id"),
        ("claim_amount", True, "claim_amount DESC, id DESC"),
        ("filing_date", False, "filing_date, id"),
        ("case_no", False, "case_no_key, id"),
    ],
)
def test_case_ids_follow_the_sql_order(
    seeded: Any, sort: str, descending: bool, order: str
) -> None:
    got = list(case_ids(seeded, CaseQuery(sort=sort, descending=descending)))
    assert got == sql_ids(seeded, f"SELECT id FROM cases ORDER BY {order}")


def test_unfiltered_ids_without_gaps_need_no_fetch(seeded: Any) -> None:
    assert isinstance(case_ids(seeded, CaseQuery()), range)
    first = sql_ids(seeded, "SELECT MIN(id) FROM cases")[0]
    with seeded.write() as conn:
        for table in ("case_features", "case_flags", "case_texts", "clue_cases"):
            conn.execute(text(f"DELETE FROM {table} WHERE case_id = :i"), {"i": first + 3})
        conn.execute(text("DELETE FROM case_parties WHERE case_id = :i"), {"i": first + 3})
        conn.execute(text("DELETE FROM cases WHERE id = :i"), {"i": first + 3})
    ids = case_ids(seeded, CaseQuery())
    assert not isinstance(ids, range) and first + 3 not in ids
    assert list(ids) == sql_ids(seeded, "SELECT id FROM cases ORDER BY id")


def test_filters_and_rows(seeded: Any) -> None:
    q = CaseQuery(cause="民间借贷纠纷", flags=("mediation",), sort="filing_date")
    ids = list(case_ids(seeded, q))
    assert ids == sql_ids(
        seeded,
        "SELECT c.id FROM cases c JOIN case_flags f ON f.case_id = c.id "
        "WHERE c.cause = '民间借贷纠纷' AND f.mediation = 1 ORDER BY c.filing_date, c.id",
    )
    rows = case_rows(seeded, ids[:5])
    assert all(rows[i][2] == "民间借贷纠纷" for i in ids[:5])
    with pytest.raises(ValueError):
        case_ids(seeded, CaseQuery(flags=("nonsense",)))


def test_clue_ids_in_risk_order_and_by_text(seeded: Any) -> None:
    ids = list(clue_ids(seeded, ClueQuery()))
    assert ids == sql_ids(seeded, "SELECT id FROM clues ORDER BY stale, score DESC, id")
    lender = list(clue_ids(seeded, ClueQuery(text="李强")))
    assert lender and set(lender) <= set(ids)
    with seeded.read() as conn:
        titles = [
            conn.execute(
                text("SELECT title, persons, cases FROM clues WHERE id = :i"), {"i": i}
            ).one()
            for i in lender
        ]
    assert all("李强" in t[0] or "\\u674e\\u5f3a" in t[1] or "李强" in t[1] for t in titles)
