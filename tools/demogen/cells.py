"""How offices type values into cells: dates, amounts, parties, agents, case numbers."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from tools.demogen.numerals import upper_amount, wan_amount
from tools.demogen.records import Party

_EXCEL_EPOCH = date(1899, 12, 30).toordinal()
_FULLWIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
_HALF_BRACKETS = str.maketrans("（）", "()")


def render_date(d: date | None, fmt: str) -> str | int | date:
    """Return a date as typed: cn 2023年5月6日, slash 2023/5/6, dash 2023-05-06, compact
    20230506, serial 45052 (an Excel serial number), or the date itself ("excel": a
    real date cell)."""
    if d is None:
        return ""
    if fmt == "cn":
        return f"{d.year}年{d.month}月{d.day}日"
    if fmt == "slash":
        return f"{d.year}/{d.month}/{d.day}"
    if fmt == "dash":
        return d.isoformat()
    if fmt == "compact":
        return f"{d.year}{d.month:02d}{d.day:02d}"
    if fmt == "serial":
        return d.toordinal() - _EXCEL_EPOCH
    return d


def render_amount(x: Decimal | None, fmt: str) -> str | float:
    """Return an amount as typed: plain 50000, comma 50,000.00元, wan 5万元, upper
    伍万元整, or the number itself ("number": a numeric cell)."""
    if x is None:
        return ""
    if fmt == "plain":
        return f"{x.normalize():f}" if x == x.to_integral() else f"{x:.2f}"
    if fmt == "comma":
        return f"{x:,.2f}元"
    if fmt == "wan":
        return wan_amount(x)
    if fmt == "upper":
        return upper_amount(x)
    return float(x)


def render_parties(
    rng: random.Random,
    parties: Sequence[Party],
    *,
    sep: str,
    prefix: str = "",
    with_id: float = 0.0,
    with_address: float = 0.0,
) -> str:
    """Return parties in one cell: separated by ``sep``, each maybe with ID or address."""
    out = []
    for p in parties:
        text = p.name
        if p.id_number and rng.random() < with_id:
            text += f"（{p.id_number}）" if rng.random() < 0.7 else f"({p.id_number})"
        if p.address and rng.random() < with_address:
            text += f"，住{p.address}"
        out.append(prefix + text)
    return sep.join(out)


def render_agents(rng: random.Random, agents: Sequence[Party], *, sep: str, style: int) -> str:
    """Return the agents of a case in one cell, with law firm or relation where known."""
    out = []
    for a in agents:
        if style == 0:
            out.append(a.name)
        elif a.law_firm:
            out.append(
                f"{a.name}（{a.law_firm}）"
                if style == 1
                else f"{a.name}，{a.law_firm}律师"
                if a.kind == "lawyer"
                else f"{a.name}，{a.law_firm}法律工作者"
            )
        elif a.kind == "relative":
            out.append(f"{a.name}（{a.principal}{a.relation}）")
        elif a.kind == "employee":
            out.append(f"{a.name}（{a.principal}员工）" if style == 1 else f"{a.name}，员工")
        else:
            out.append(f"{a.name}（公民代理）")
    return sep.join(out)


def render_case_no(rng: random.Random, case_no: str, messy: float) -> str:
    """Return a case number, sometimes with half-width brackets or full-width digits."""
    if messy and rng.random() < messy:
        if rng.random() < 0.8:
            return case_no.translate(_HALF_BRACKETS)
        return case_no.translate(_FULLWIDTH_DIGITS)
    return case_no
