"""Rolling windows walked with two pointers equal the windows by their definition."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from core.supervision.rolling import CaseRow, Limits, members, qualifying_windows, shift_months

DATES = st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2024, 12, 31))


@settings(max_examples=300, deadline=None)
@given(DATES, st.integers(min_value=1, max_value=60))
def test_months_move_as_sqlite_moves_them(day: dt.date, months: int) -> None:
    with sqlite3.connect(":memory:") as db:
        expected = db.execute("SELECT date(?, ?)", (day.isoformat(), f"+{months} months")).fetchone()[0]
    assert shift_months(day.isoformat(), months) == expected


def test_month_end_overflows_like_sqlite() -> None:
    assert shift_months("2023-01-31", 1) == "2023-03-03"
    assert shift_months("2024-01-31", 1) == "2024-03-02"
    assert shift_months("2023-12-15", 12) == "2024-12-15"


ROW = st.tuples(
    DATES,
    st.one_of(st.none(), st.integers(min_value=0, max_value=500).map(lambda n: n * 100.5)),
    st.tuples(st.integers(0, 1), st.integers(0, 1)),
    st.lists(st.integers(min_value=1, max_value=6), max_size=3),
)


def _rows(raw: list[tuple[dt.date, float | None, tuple[int, int], list[int]]]) -> tuple[
    list[CaseRow], dict[int, list[int]]
]:
    ordered = sorted(enumerate(raw), key=lambda t: (t[1][0], t[0]))
    rows = [CaseRow(i, d.isoformat(), None, amount, cues) for i, (d, amount, cues, _) in ordered]
    others = {i: list(o) for i, (_, _, _, o) in enumerate(raw)}
    return rows, others


def _by_definition(rows: list[CaseRow], limits: Limits, others: dict[int, list[int]]) -> list[tuple]:
    out = []
    for a in rows:
        end = shift_months(a.filed, limits.window_months)
        inside = [b for b in rows if a.filed <= b.filed < end]
        amounts = [b.amount for b in inside if b.amount is not None]
        amount = round(sum(amounts), 2) if amounts else None
        cues = sum(1 for k in range(2) if any(b.cues[k] for b in inside))
        distinct = len(Counter(o for b in inside for o in others[b.case_id]))
        if len(inside) < limits.min_cases:
            continue
        if limits.min_amount is not None and (amount or 0) < limits.min_amount:
            continue
        if limits.min_cues and cues < limits.min_cues:
            continue
        if limits.min_distinct is not None and distinct < limits.min_distinct:
            continue
        out.append((a.case_id, len(inside), amount, cues,
                    distinct if limits.min_distinct is not None else None,
                    sorted(b.case_id for b in inside)))
    return out


@settings(max_examples=300, deadline=None)
@given(
    st.lists(ROW, max_size=40),
    st.integers(min_value=1, max_value=24),
    st.integers(min_value=1, max_value=6),
    st.one_of(st.none(), st.integers(min_value=0, max_value=3000)),
    st.one_of(st.none(), st.integers(min_value=1, max_value=2)),
    st.one_of(st.none(), st.integers(min_value=1, max_value=5)),
)
def test_two_pointers_equal_the_definition(raw, months, min_cases, min_amount, min_cues, min_distinct) -> None:
    rows, others = _rows(raw)
    limits = Limits(months, min_cases, min_amount, min_cues, min_distinct)
    found = qualifying_windows(rows, limits, others)
    got = [(w.anchor, w.cases, w.amount, w.cues, w.distinct,
            sorted(r.case_id for r in rows[w.first:w.end])) for w in found]
    assert got == _by_definition(rows, limits, others)
    expected_members = {c for *_, inside in got for c in inside}
    assert set(members(rows, found)) == expected_members


def test_cases_filed_the_same_day_count_both_ways() -> None:
    rows = [CaseRow(i, "2023-05-06", None, 10.0, ()) for i in range(3)]
    found = qualifying_windows(rows, Limits(1, 3))
    assert [(w.anchor, w.cases) for w in found] == [(0, 3), (1, 3), (2, 3)]
