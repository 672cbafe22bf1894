"""Two-row headers: group labels merged across columns over a row of their parts.

    序号 | 案号 | 当事人（merged）| 日期（merged）
         |      | 原告   | 被告   | 立案   | 结案

reads as 序号, 案号, 当事人（原告）, 当事人（被告）, 日期（立案）, 日期（结案）. A merged
cell keeps its text in its first column; the columns it covers arrive empty.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.ingest.headers import LOW_CONFIDENCE, field_scores

MAX_LABEL = 12
_DATA_LIKE = re.compile(r"\d{3,}|[（(〔\[]\s*\d{4}|^\s*[\d.,\-/:\s]+\s*$")


def _spans(top: Sequence[str]) -> list[int | None]:
    """Return, per column, the column of the label above it (itself or a merged label to its left)."""
    owner: list[int | None] = []
    current: int | None = None
    for col, cell in enumerate(top):
        if cell:
            current = col
        owner.append(current)
    return owner


def _label_like(cell: str) -> bool:
    return len(cell) <= MAX_LABEL and not _DATA_LIKE.search(cell)


def combine_sub_header(top: Sequence[str], below: Sequence[str]) -> list[str] | None:
    """Return the combined header when ``below`` holds the parts of ``top``'s merged groups.

    ``None`` when ``below`` is not such a row: a part under a single-column label, a cell
    that looks like data, or no group with two parts.
    """
    width = max(len(top), len(below))
    top = [*top, *[""] * (width - len(top))]
    below = [*below, *[""] * (width - len(below))]
    owner = _spans(top)
    parts: dict[int, int] = {}
    for col, cell in enumerate(below):
        if not cell or cell == top[col]:
            continue  # empty, or a vertically merged label repeated
        group = owner[col]
        wide = group is not None and (col != group or (col + 1 < width and owner[col + 1] == group))
        if group is None or not wide or not _label_like(cell):
            return None
        parts[group] = parts.get(group, 0) + 1
    if not any(n >= 2 for n in parts.values()):
        return None
    out: list[str] = []
    combined: list[str] = []
    for col, group in enumerate(owner):
        if group is not None and group in parts and below[col] and below[col] != top[col]:
            combined.append(f"{top[group]}（{below[col]}）")
            out.append(combined[-1])
        else:
            out.append(top[col] or (top[group] if group is not None and group in parts else ""))
    # A data row with its first cells empty also fits the layout; header parts name fields.
    known = any(
        max(scores.values()) >= LOW_CONFIDENCE
        for family in ("cases", "lists")
        for scores in field_scores(combined, family)
    )
    return out if known else None
