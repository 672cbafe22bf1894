"""Which court column belongs to the case: the one of the case number's instance.

An appeal sheet may list 一审法院 and 二审法院; the case number (民终 or 民初, or a
header such as 二审案号) says which of the two tried the case the row is about.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.ingest.normalise.case_numbers import parse_case_number

FIRST = ("一审", "初审", "原审")
SECOND = ("二审", "终审", "上诉")


def header_instance(header: str) -> str | None:
    """Return "first" or "second" when the header names an instance, else None."""
    if any(w in header for w in SECOND):
        return "second"
    if any(w in header for w in FIRST):
        return "first"
    return None


def numbers_instance(values: Sequence[str]) -> str | None:
    """Return the instance most case numbers in ``values`` belong to (民初 first, 民终 second)."""
    types = [p.case_type for v in values if (p := parse_case_number(v)) and p.case_type]
    for mark, instance in (("初", "first"), ("终", "second")):
        if types and sum(1 for t in types if mark in t) * 2 > len(types):
            return instance
    return None


def court_of_instance(
    headers: Sequence[str],
    samples: Sequence[Sequence[str]],
    case_col: int,
    court_col: int,
    candidates: Sequence[int],
) -> int:
    """Return the court column to use: ``court_col`` unless it names the other instance
    and one of the ``candidates`` (free columns that read as a court) names the right one."""
    named = header_instance(headers[court_col])
    if named is None:
        return court_col  # 审理法院: the court that tried this case, whatever its instance
    wanted = header_instance(headers[case_col]) or numbers_instance(
        [r[case_col] for r in samples if case_col < len(r) and r[case_col]]
    )
    if wanted is None or wanted == named:
        return court_col
    for col in candidates:
        if header_instance(headers[col]) == wanted:
            return col
    return court_col
