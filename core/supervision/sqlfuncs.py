"""Date arithmetic as SQL constructs compiled per database, so model queries stay portable.

The engine only builds ``DateShift``, ``DayDiff`` and ``MonthStart``; how each database
spells them lives here (SQLite for the desktop; PostgreSQL and MySQL for a server).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Date, Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement


class DateShift(FunctionElement[Any]):
    """``expr`` moved by whole months and days (both may be negative)."""

    type = Date()
    # months/days are not part of SQLAlchemy's cache key, so statements with a shift
    # must not be cached (else a 6-month shift could reuse a 24-month statement)
    inherit_cache = False

    def __init__(self, expr: ColumnElement[Any], months: int = 0, days: int = 0) -> None:
        self.months = int(months)
        self.days = int(days)
        super().__init__(expr)


class DayDiff(FunctionElement[Any]):
    """Whole days from the first date to the second (second minus first)."""

    type = Integer()
    inherit_cache = True


class MonthStart(FunctionElement[Any]):
    """The first day of the date's month."""

    type = Date()
    inherit_cache = True


def _arg(element: FunctionElement[Any], compiler: Any, index: int = 0, **kw: Any) -> str:
    clauses = list(element.clauses)
    return str(compiler.process(clauses[index], **kw))


@compiles(DateShift, "sqlite")
def _shift_sqlite(element: DateShift, compiler: Any, **kw: Any) -> str:
    mods = ""
    if element.months:
        mods += f", '{element.months:+d} months'"
    if element.days:
        mods += f", '{element.days:+d} days'"
    return f"date({_arg(element, compiler, **kw)}{mods})"


@compiles(DateShift, "postgresql")
def _shift_pg(element: DateShift, compiler: Any, **kw: Any) -> str:
    return (
        f"CAST({_arg(element, compiler, **kw)} + INTERVAL '{element.months} months' "
        f"+ INTERVAL '{element.days} days' AS DATE)"
    )


@compiles(DateShift)
def _shift_default(element: DateShift, compiler: Any, **kw: Any) -> str:
    # MySQL and most others accept DATE_ADD with INTERVAL units.
    inner = _arg(element, compiler, **kw)
    return (
        f"DATE_ADD(DATE_ADD({inner}, INTERVAL {element.months} MONTH), INTERVAL {element.days} DAY)"
    )


@compiles(DayDiff, "sqlite")
def _diff_sqlite(element: DayDiff, compiler: Any, **kw: Any) -> str:
    a, b = _arg(element, compiler, 0, **kw), _arg(element, compiler, 1, **kw)
    return f"CAST(julianday({b}) - julianday({a}) AS INTEGER)"


@compiles(DayDiff, "postgresql")
def _diff_pg(element: DayDiff, compiler: Any, **kw: Any) -> str:
    a, b = _arg(element, compiler, 0, **kw), _arg(element, compiler, 1, **kw)
    return f"(CAST({b} AS DATE) - CAST({a} AS DATE))"


@compiles(DayDiff)
def _diff_default(element: DayDiff, compiler: Any, **kw: Any) -> str:
    a, b = _arg(element, compiler, 0, **kw), _arg(element, compiler, 1, **kw)
    return f"DATEDIFF({b}, {a})"


@compiles(MonthStart, "sqlite")
def _month_sqlite(element: MonthStart, compiler: Any, **kw: Any) -> str:
    return f"date({_arg(element, compiler, **kw)}, 'start of month')"


@compiles(MonthStart, "postgresql")
def _month_pg(element: MonthStart, compiler: Any, **kw: Any) -> str:
    return f"CAST(date_trunc('month', {_arg(element, compiler, **kw)}) AS DATE)"


@compiles(MonthStart)
def _month_default(element: MonthStart, compiler: Any, **kw: Any) -> str:
    return f"CAST(DATE_FORMAT({_arg(element, compiler, **kw)}, '%Y-%m-01') AS DATE)"
