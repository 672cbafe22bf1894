"""Case conditions compiled to SQLAlchemy Core expressions (and checked again for evidence)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Table, and_, exists, false, func, not_, or_, select, true

from core.store.models import Base
from core.supervision.rules import Condition, ListCondition
from core.supervision.sqlfuncs import DayDiff

T = Base.metadata.tables
CASES: Table = T["cases"]
FLAGS: Table = T["case_flags"]
TEXTS: Table = T["case_texts"]
PARTIES: Table = T["parties"]
CASE_PARTIES: Table = T["case_parties"]
ENTITIES: Table = T["entities"]
PARTY_ENTITIES: Table = T["party_entities"]
LIST_RECORDS: Table = T["list_records"]
DATASETS: Table = T["datasets"]
FEATURES: Table = T["case_features"]


@dataclass(frozen=True)
class CaseFrom:
    """The aliases a condition is compiled against: one case row and its flags row."""

    case: Any  # an alias of cases
    flags: Any  # an alias of case_flags (outer-joined)


def case_from(name: str = "c") -> CaseFrom:
    return CaseFrom(CASES.alias(name), FLAGS.alias(f"{name}_f"))


def joined(src: CaseFrom) -> Any:
    """Return the FROM clause: the case outer-joined to its flags."""
    return src.case.outerjoin(src.flags, src.flags.c.case_id == src.case.c.id)


def _column(src: CaseFrom, name: str) -> ColumnElement[Any]:
    if name == "duration_days":
        return DayDiff(src.case.c.filing_date, src.case.c.closing_date)
    if name == "principal_amount":
        return src.flags.c.principal_amount
    return src.case.c[name]


def _value_test(col: ColumnElement[Any], c: Condition | ListCondition) -> ColumnElement[bool]:
    if c.in_ is not None:
        return col.in_(list(c.in_))
    if c.not_in is not None:
        return and_(col.is_not(None), col.not_in(list(c.not_in)))
    if c.contains is not None:
        return or_(*(col.contains(w, autoescape=True) for w in c.contains))
    if c.not_contains is not None:
        return or_(
            col.is_(None), and_(*(not_(col.contains(w, autoescape=True)) for w in c.not_contains))
        )
    if c.empty is not None:
        blank = or_(col.is_(None), col == "")
        return blank if c.empty else not_(blank)
    parts: list[ColumnElement[bool]] = [col.is_not(None)]
    if c.min is not None:
        parts.append(col >= c.min)
    if c.max is not None:
        parts.append(col <= c.max)
    return and_(*parts)


def compile_condition(c: Condition, src: CaseFrom) -> ColumnElement[bool]:
    """Return the SQL boolean for one case condition."""
    if c.any is not None:
        return or_(*(compile_condition(x, src) for x in c.any))
    if c.all is not None:
        return and_(*(compile_condition(x, src) for x in c.all))
    if c.not_ is not None:
        return not_(compile_condition(c.not_, src))
    if c.flag is not None:
        col = src.flags.c[c.flag]
        return col == (false() if c.is_ is False else true())
    if c.feature is not None:
        found: list[ColumnElement[bool]] = [
            FEATURES.c.case_id == src.case.c.id,
            FEATURES.c.name == c.feature,
        ]
        if c.party is not None:
            found.append(FEATURES.c.party == c.party)
        return exists(select(FEATURES.c.id).where(*found))
    if c.text is not None:
        words = [w for w in c.text if w.strip()]
        return exists(
            select(TEXTS.c.case_id).where(
                TEXTS.c.case_id == src.case.c.id,
                or_(*(TEXTS.c.full_text.contains(w, autoescape=True) for w in words)),
            )
        )
    if c.same_surname_address is not None:
        pair = _same_surname_address(src)
        return pair if c.same_surname_address else not_(pair)
    assert c.field is not None
    return _value_test(_column(src, c.field), c)


def _same_surname_address(src: CaseFrom) -> ColumnElement[bool]:
    """A plaintiff and a defendant (persons) share a surname and an address.

    The address comes from the party cell, or from the judgment's header (the address
    features the text analysis stored for each named party).
    """
    cp1, cp2 = CASE_PARTIES.alias("ss_cp1"), CASE_PARTIES.alias("ss_cp2")
    p1, p2 = PARTIES.alias("ss_p1"), PARTIES.alias("ss_p2")
    pair = (
        cp1.join(p1, p1.c.id == cp1.c.party_id)
        .join(cp2, and_(cp2.c.case_id == cp1.c.case_id, cp2.c.role == "defendant"))
        .join(p2, p2.c.id == cp2.c.party_id)
    )
    same_person_pair = [
        cp1.c.case_id == src.case.c.id,
        cp1.c.role == "plaintiff",
        p1.c.kind == "person",
        p2.c.kind == "person",
        func.substr(p1.c.name, 1, 1) == func.substr(p2.c.name, 1, 1),
    ]
    in_cells = exists(
        select(cp1.c.id)
        .select_from(pair)
        .where(
            *same_person_pair,
            p1.c.address.is_not(None),
            p1.c.address != "",
            p1.c.address == p2.c.address,
        )
    )
    f1, f2 = FEATURES.alias("ss_f1"), FEATURES.alias("ss_f2")
    in_text = exists(
        select(cp1.c.id)
        .select_from(
            pair.join(
                f1,
                and_(
                    f1.c.case_id == cp1.c.case_id, f1.c.name == "address", f1.c.party == p1.c.name
                ),
            ).join(
                f2,
                and_(
                    f2.c.case_id == cp1.c.case_id,
                    f2.c.name == "address",
                    f2.c.party == p2.c.name,
                    f2.c.value == f1.c.value,
                ),
            )
        )
        .where(*same_person_pair)
    )
    return or_(in_cells, in_text)


def compile_all(conds: Sequence[Condition], src: CaseFrom) -> ColumnElement[bool]:
    return and_(true(), *(compile_condition(c, src) for c in conds))


def list_column(table: Any, name: str) -> ColumnElement[Any]:
    """Return a list-record column, or a value kept under ``extra`` as text (extra.原表头)."""
    if name.startswith("extra."):
        return table.c.extra[name[6:]].as_string()
    return table.c[name]


def compile_list_condition(c: ListCondition, table: Any) -> ColumnElement[bool]:
    return _value_test(list_column(table, c.field), c)


# --- the same tests in Python, used only to say which parts of a fired indicator held ---


def leaf_holds(
    c: Condition,
    case: Mapping[str, Any],
    flags: Mapping[str, Any],
    features: Sequence[Mapping[str, Any]] = (),
) -> bool | None:
    """Return whether a field/flag leaf holds for a fetched case, None for other leaves."""
    if c.feature is not None:
        return any(
            f["name"] == c.feature and (c.party is None or f["party"] == c.party) for f in features
        )
    if c.flag is not None:
        value = flags.get(c.flag)
        return value is not None and bool(value) == (c.is_ is not False)
    if c.field is None:
        return None
    if c.field == "duration_days":
        f, cl = case.get("filing_date"), case.get("closing_date")
        found: Any = (cl - f).days if f and cl else None
    elif c.field == "principal_amount":
        found = flags.get("principal_amount")
    else:
        found = case.get(c.field)
    return _python_value_test(found, c)


def _python_value_test(value: Any, c: Condition | ListCondition) -> bool:
    if c.in_ is not None:
        return value in c.in_
    if c.not_in is not None:
        return value is not None and value not in c.not_in
    if c.contains is not None:
        return isinstance(value, str) and any(w in value for w in c.contains)
    if c.not_contains is not None:
        return not (isinstance(value, str) and any(w in value for w in c.not_contains))
    if c.empty is not None:
        return (value in (None, "")) == c.empty
    if value is None:
        return False
    return (c.min is None or value >= c.min) and (c.max is None or value <= c.max)


def leaves(c: Condition) -> list[Condition]:
    """Return the leaf conditions of a (possibly combined) condition, outside any ``not``."""
    if c.any is not None:
        return [leaf for x in c.any for leaf in leaves(x)]
    if c.all is not None:
        return [leaf for x in c.all for leaf in leaves(x)]
    if c.not_ is not None:
        return []
    return [c]
