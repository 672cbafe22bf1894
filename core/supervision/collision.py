"""List collision: two lists joined on a person key, with a date condition between their rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, and_, false, func, literal, select

from core.supervision.conditions import (
    DATASETS,
    LIST_RECORDS,
    compile_list_condition,
    list_column,
)
from core.supervision.describe import fill, money, show
from core.supervision.hits import Hit, Reason, count_score, person_subject
from core.supervision.rules import ListCollisionRule
from core.supervision.spec import ResolvedModel
from core.supervision.sqlfuncs import DateShift, DayDiff, MonthStart

SOURCE_ROWS = LIST_RECORDS.metadata.tables["source_rows"]
SAMPLE_ROWS = 6


def _side(table: Any, datasets: Sequence[int], where: Sequence[Any]) -> list[Any]:
    return [table.c.dataset_id.in_(list(datasets)), *where]


def reference_date(
    conn: Connection, rule: ListCollisionRule, right: Sequence[int]
) -> dt.date | None:
    """Return the date a still_after rule checks at: the given one, else the right list's latest."""
    if rule.date.reference_date:
        return dt.date.fromisoformat(rule.date.reference_date)
    r = LIST_RECORDS
    value = conn.execute(
        select(func.max(r.c.event_date)).where(r.c.dataset_id.in_(list(right)))
    ).scalar()
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value if isinstance(value, dt.date) else None


def _date_condition(
    rule: ListCollisionRule, left: Any, right: Any, ref: dt.date | None
) -> list[Any]:
    d = rule.date
    ld, rd = left.c.event_date, right.c.event_date
    if d.type == "after":
        base = MonthStart(ld) if d.month_start else ld
        bound = DateShift(base, months=d.months, days=d.days) if (d.months or d.days) else base
        return [
            ld.is_not(None),
            rd.is_not(None),
            rd >= bound if (d.months or d.days) else rd > bound,
        ]
    if d.type == "within":
        # the interval's end is a kept cell (extra.原表头) in the office's own date format:
        # it is read and compared in Python, on the rows that start after the interval opens
        return [ld.is_not(None), rd.is_not(None), rd >= ld]
    if d.type == "apart":
        gap = DayDiff(ld, rd)
        limit = d.days + 30 * d.months
        return [ld.is_not(None), rd.is_not(None), (gap > limit) | (gap < -limit)]
    # still_after: at the reference date the grace period is over and the right row still holds
    if ref is None:
        return [false()]  # nothing to compare with: no hit
    conds = [ld.is_not(None), DateShift(ld, months=d.months, days=d.days) <= ref]
    return conds


def _key_join(rule: ListCollisionRule, left: Any, right: Any) -> list[Any]:
    if rule.match.key == "id_number":
        return [left.c.id_number.is_not(None), left.c.id_number == right.c.id_number]
    same_birth = [left.c.birth_date.is_not(None), left.c.birth_date == right.c.birth_date]
    if rule.match.fuzzy_names:
        # block on birth date and surname; names are compared afterwards
        surname = func.substr(left.c.name_key, 1, 1) == func.substr(right.c.name_key, 1, 1)
        return [*same_birth, surname]
    return [*same_birth, left.c.name_key.is_not(None), left.c.name_key == right.c.name_key]


def pair_query(
    conn: Connection, rule: ListCollisionRule, left_ds: Sequence[int], right_ds: Sequence[int]
) -> Any:
    """Return the SELECT of matching (left row, right row) pairs."""
    left, right = LIST_RECORDS.alias("l"), LIST_RECORDS.alias("r")
    ref = reference_date(conn, rule, right_ds) if rule.date.type == "still_after" else None
    where = (
        _side(left, left_ds, [compile_list_condition(c, left) for c in rule.left.where])
        + _side(right, right_ds, [compile_list_condition(c, right) for c in rule.right.where])
        + _key_join(rule, left, right)
        + _date_condition(rule, left, right, ref)
    )
    if rule.date.type == "still_after" and rule.date.max_months and ref is not None:
        where.append(DateShift(left.c.event_date, months=rule.date.max_months) > ref)
    end = (list_column(left, rule.date.end_field) if rule.date.end_field else literal(None)).label(
        "l_end"
    )
    return select(
        left.c.id.label("l_id"),
        right.c.id.label("r_id"),
        left.c.name_key.label("l_key"),
        right.c.name_key.label("r_key"),
        right.c.event_date.label("r_date"),
        end,
    ).select_from(left.join(right, and_(*where)))


def run_collision(
    conn: Connection,
    model: ResolvedModel,
    left_ds: Sequence[int],
    right_ds: Sequence[int],
    count_only: bool = False,
) -> list[Hit]:
    """Return one hit per person found in both lists with the date condition met."""
    rule = model.rule
    assert isinstance(rule, ListCollisionRule)
    if not left_ds or not right_ds:
        return []
    pairs = conn.execute(pair_query(conn, rule, left_ds, right_ds)).all()
    if rule.match.key == "name_birth" and rule.match.fuzzy_names:
        pairs = _fuzzy_filter(pairs, rule.match.name_similarity)
    if rule.date.type == "within":
        pairs = [p for p in pairs if _inside(p.r_date, p.l_end)]
    rows = _load_rows(conn, {p.l_id for p in pairs} | {p.r_id for p in pairs})
    people: dict[str, dict[str, set[int]]] = {}
    for p in pairs:
        lrow = rows[p.l_id]
        key = person_subject(lrow["id_number"], lrow["name_key"], _iso(lrow["birth_date"]))
        item = people.setdefault(key, {"left": set(), "right": set()})
        item["left"].add(p.l_id)
        item["right"].add(p.r_id)
    if count_only:
        s = model.spec
        return [Hit(s.id, s.version, s.name, "person", k, "", "", 0, 0, (), ()) for k in people]
    ref = reference_date(conn, rule, right_ds) if rule.date.type == "still_after" else None
    return [
        _hit(
            model,
            key,
            [rows[i] for i in sorted(v["left"])],
            [rows[i] for i in sorted(v["right"])],
            ref,
        )
        for key, v in sorted(people.items())
    ]


def _inside(day: Any, end_cell: Any) -> bool:
    """Return whether ``day`` is on or before the interval's end as the cell writes it."""
    from core.ingest.normalise.dates import parse_date

    end = parse_date(end_cell)
    if end is None or day is None:
        return False
    when = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
    return when <= end


def _fuzzy_filter(pairs: Sequence[Any], similarity: int) -> list[Any]:
    from rapidfuzz import fuzz

    return [p for p in pairs if p.l_key and p.r_key and fuzz.ratio(p.l_key, p.r_key) >= similarity]


def _load_rows(conn: Connection, ids: set[int]) -> dict[int, dict[str, Any]]:
    r, s, d = LIST_RECORDS, SOURCE_ROWS, DATASETS
    out: dict[int, dict[str, Any]] = {}
    ordered = sorted(ids)
    for i in range(0, len(ordered), 500):
        q = (
            select(r, s.c.row_number, d.c.file_name, d.c.event_label)
            .outerjoin(s, s.c.id == r.c.source_row_id)
            .join(d, d.c.id == r.c.dataset_id)
            .where(r.c.id.in_(ordered[i : i + 500]))
        )
        for row in conn.execute(q).mappings():
            out[row["id"]] = dict(row)
    return out


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _row_values(row: dict[str, Any]) -> dict[str, Any]:
    label = row.get("event_label") or "日期"
    out = {
        "姓名": row["name"],
        "公民身份号码": row["id_number"],
        label: _iso(row["event_date"]),
        "来源": f"{row['file_name']} 第{row['row_number']}行"
        if row.get("row_number")
        else row["file_name"],
    }
    if row.get("status"):
        out["状态"] = row["status"]
    if row.get("amount") is not None:
        out["金额"] = row["amount"]
    return out


def _hit(
    model: ResolvedModel,
    key: str,
    left: list[dict[str, Any]],
    right: list[dict[str, Any]],
    ref: dt.date | None,
) -> Hit:
    rule = model.rule
    assert isinstance(rule, ListCollisionRule)
    spec = model.spec
    labels = {i.role: i.label for i in spec.inputs}
    person = left[0]
    right.sort(key=lambda r: (str(r["event_date"]), r["id"]))
    dates = [r["event_date"] for r in right if r["event_date"] is not None]
    total = sum(float(r["amount"]) for r in right if r["amount"] is not None)
    how = (
        "公民身份号码一致"
        if rule.match.key == "id_number"
        else "姓名相近且出生日期一致"
        if rule.match.fuzzy_names
        else "姓名与出生日期一致"
    )
    reasons = [
        Reason(
            "match",
            "同一人员",
            f"{how}：{person['name']} {person['id_number'] or _iso(person['birth_date'])}",
            values={"比对依据": how, "姓名": person["name"], "公民身份号码": person["id_number"]},
        ),
    ]
    for row in left[:SAMPLE_ROWS]:
        v = _row_values(row)
        reasons.append(
            Reason(
                "left",
                labels["left"],
                f"{labels['left']}：" + "，".join(f"{k}{show(x)}" for k, x in v.items()),
                values=v,
            )
        )
    right_label = labels["right"]
    summary_bits = [f"{len(right)}条记录"]
    if dates:
        summary_bits.append(f"日期{_iso(dates[0])}至{_iso(dates[-1])}")
    if total:
        summary_bits.append(f"金额合计{money(total)}")
    if ref is not None:
        summary_bits.append(f"核对基准日{ref.isoformat()}")
    detail = f"{right_label}中符合条件的" + "，".join(summary_bits)
    samples = [_row_values(r) for r in right[:SAMPLE_ROWS]]
    reasons.append(
        Reason(
            "right",
            right_label,
            detail,
            values={
                "记录数": len(right),
                "金额合计": total or None,
                "最早日期": _iso(dates[0]) if dates else None,
                "最晚日期": _iso(dates[-1]) if dates else None,
                "记录示例": samples,
            },
        )
    )
    score = count_score(len(right))
    fields = {
        **{k: show(v) for k, v in model.values.items()},
        "name": person["name"] or "",
        "id_number": person["id_number"] or "",
        "count": len(right),
        "first_date": _iso(dates[0]) if dates else "",
        "last_date": _iso(dates[-1]) if dates else "",
        "left_date": _iso(person["event_date"]) or "",
        "total": money(total) if total else "0元",
        "score": show(score),
    }
    persons = ({"name": person["name"], "id_number": person["id_number"], "role": "list"},)
    return Hit(
        spec.id,
        spec.version,
        spec.name,
        "person",
        key,
        fill(spec.clue.title, fields),
        f"{labels['left']}与{right_label}比对命中：{detail}",
        score,
        float(len(right)),
        tuple(reasons),
        (),
        persons,
    )
