"""Turning one source row into canonical case or list-record values (or a quarantine reason)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from core.ingest.normalise.amounts import parse_amount
from core.ingest.normalise.case_numbers import parse_case_number
from core.ingest.normalise.cells import clean_text, to_halfwidth
from core.ingest.normalise.dates import parse_date
from core.ingest.normalise.id_numbers import IdNumber, parse_id_number
from core.ingest.normalise.names import clean_name, company_form_variant, is_organisation, name_key
from core.ingest.normalise.parties import PARTY_CACHE_SIZE, PartyMention, split_parties
from core.ingest.normalise.party_lexicon import party_lexicon
from core.ingest.values import canonical_value, licence_status

PARTY_FIELDS = (
    ("plaintiffs", "plaintiff"),
    ("defendants", "defendant"),
    ("third_parties", "third_party"),
    ("agents", "agent"),
)
DATE_FIELDS = ("filing_date", "closing_date")
_PARTY_ROLES = frozenset(r for _f, r in PARTY_FIELDS)
_UNIT_CHARS = frozenset("元圆万萬亿億千仟")

# Rows under a table that are no data: totals, notes, who made the table.
FOOTER_REASON = "合计、说明或制表落款行，不是数据，未导入"
_FOOTER_RE = re.compile(
    r"(?:合计|总计|小计|共计|本页小计)"  # a total, whatever follows
    r"|(?:说明|备注|注)\s*$"  # a bare note label
    r"|(?:制表人|制表单位|制表|填表人|填报单位|填表|审核人|审核|负责人|统计时间|统计日期|打印时间"
    r"|打印日期|数据来源|说明|备注|注)\s*[:：]"  # a label with its colon
)


@dataclass
class CaseValues:
    case_no: str
    case_no_key: str
    year: int | None
    court_code: str | None
    case_type: str | None
    seq: int | None
    fields: dict[str, Any]
    full_text: str | None
    parties: list[PartyMention]
    extra: dict[str, Any]


@dataclass
class ListValues:
    fields: dict[str, Any]
    identity: tuple[Any, ...]
    extra: dict[str, Any]


def _cell(row: Sequence[Any], col: int | None) -> Any:
    if col is None or col >= len(row):
        return None
    return row[col]


def _text(row: Sequence[Any], col: int | None) -> str:
    """Return a cell as text; cells arrive already cleaned, dates and numbers may not."""
    value = _cell(row, col)
    return value if type(value) is str else clean_text(value)


def _row_party(row: Sequence[Any], cols: Mapping[str, int], fields: dict[str, Any]) -> list[PartyMention]:
    """Return the party of a one-party-per-row sheet, its role read from the 诉讼地位 cell."""
    name = _text(row, cols.get("party_name"))
    if not name:
        return []
    role = party_role(_text(row, cols.get("party_role")))
    ident = _text(row, cols.get("party_id"))
    cell = f"{name}（{ident}）" if ident and ident not in name else name
    field = next(f for f, r in PARTY_FIELDS if r == role)
    fields[field] = "；".join(filter(None, (fields.get(field), cell)))
    return split_parties(cell, role)


@lru_cache(maxsize=256)
def party_role(text: str) -> str:
    """Return the role a 诉讼地位 cell names, by the party-cell role words (the longest one
    in it): 原告 when the cell is empty, 第三人 when it names no party role."""
    text = re.split(r"[(]", to_halfwidth(text), maxsplit=1)[0]  # 上诉人（原审被告）: this suit's
    if not text:
        return "plaintiff"
    cues = party_lexicon().cue_roles
    cue = max((c for c in cues if c in text), key=len, default=None)
    role = cues[cue] if cue is not None else None
    return role if role in _PARTY_ROLES else "third_party"


def _amount(raw: Any, scale: int) -> float | None:
    """Return the amount of a money cell; a bare number counts in the header's unit."""
    value = parse_amount(raw)
    if value is None or scale == 1 or not _UNIT_CHARS.isdisjoint(clean_text(raw)):
        return value
    return round(value * scale, 2)


def is_footer(text: str) -> bool:
    """Return True for a key cell that starts a total or note row (合计, 制表人：…, 说明：…)."""
    return _FOOTER_RE.match(text) is not None


def case_values(
    row: Sequence[Any], cols: Mapping[str, int], extra_cols: Mapping[str, int], scale: int = 1
) -> CaseValues | str:
    """Return the canonical values of a case row, or a Chinese reason to quarantine it."""
    raw_no = _text(row, cols.get("case_no"))
    if not raw_no:
        return "案号为空"
    if is_footer(raw_no):
        return FOOTER_REASON
    parsed = parse_case_number(raw_no)
    if parsed is None:
        return "案号无法识别"
    problems: list[str] = []
    fields: dict[str, Any] = {}
    for name in ("court", "cause", "procedure", "doc_type", "judge"):
        fields[name] = _text(row, cols.get(name)) or None
    for name in DATE_FIELDS:
        value = _cell(row, cols.get(name))
        fields[name] = parse_date(value)
        if fields[name] is None and clean_text(value):
            problems.append(f"{name}无法识别：{clean_text(value)[:40]}")
    amount_raw = _cell(row, cols.get("claim_amount"))
    fields["claim_amount"] = _amount(amount_raw, scale)
    if fields["claim_amount"] is None and clean_text(amount_raw):
        problems.append(f"标的额无法识别：{clean_text(amount_raw)[:40]}")
    for name in ("closing_method", "service_method"):
        fields[name] = canonical_value(name, _text(row, cols.get(name)))
    parties: list[PartyMention] = []
    for name, role in PARTY_FIELDS:
        cell = _text(row, cols.get(name))
        fields[name] = cell or None
        if cell:
            parties.extend(split_parties(cell, role))
    if "party_name" in cols:
        parties.extend(_row_party(row, cols, fields))
    text = text_value(_cell(row, cols.get("full_text")))
    extra: dict[str, Any] = {h: v for h, c in extra_cols.items() if (v := _text(row, c))}
    if problems:
        extra["_数据问题"] = problems
    return CaseValues(
        case_no=raw_no,
        case_no_key=parsed.canonical,
        year=parsed.year,
        court_code=parsed.court_code,
        case_type=parsed.case_type,
        seq=parsed.seq,
        fields=fields,
        full_text=text,
        parties=parties,
        extra=extra,
    )


def list_values(
    row: Sequence[Any], cols: Mapping[str, int], extra_cols: Mapping[str, int],
    list_type: str | None = None, scale: int = 1,
) -> ListValues | str:
    """Return the canonical values of a list row, or a Chinese reason to quarantine it."""
    name = clean_name(_cell(row, cols.get("name"))) or None
    ident: IdNumber | None = parse_id_number(_cell(row, cols.get("id_number")))
    if name is None and ident is None:
        return "姓名和身份证号均为空"
    if name is not None and (ident is None or not ident.valid) and is_footer(name):
        return FOOTER_REASON
    birth = parse_date(_cell(row, cols.get("birth_date")))
    if birth is None and ident is not None and ident.valid:
        birth = ident.birth_date
    gender = canonical_value("gender", _text(row, cols.get("gender")))
    if gender is None and ident is not None and ident.valid:
        gender = ident.gender
    status = _text(row, cols.get("status")) or None
    if status is not None and list_type == "driver_licences":
        status = licence_status(status)
    event_raw = _cell(row, cols.get("event_date"))
    event = parse_date(event_raw)
    problems: list[str] = []
    if event is None and clean_text(event_raw):
        problems.append(f"日期无法识别：{clean_text(event_raw)[:40]}")
    if ident is not None and ident.problem:
        problems.append(f"身份证号{ident.problem}")
    fields: dict[str, Any] = {
        "name": name,
        "name_key": name_key(name) if name else None,
        "id_number": ident.value if ident is not None and ident.valid else None,
        "id_number_raw": ident.raw if ident is not None else None,
        "id_problem": ident.problem if ident is not None else None,
        "birth_date": birth,
        "gender": gender,
        "event_date": event,
        "amount": _amount(_cell(row, cols.get("amount")), scale),
        "status": status,
        "address": _text(row, cols.get("address")) or None,
        "case_no": _text(row, cols.get("case_no")) or None,
    }
    extra: dict[str, Any] = {h: v for h, c in extra_cols.items() if (v := _text(row, c))}
    if problems:
        extra["_数据问题"] = problems
    identity = tuple(c if type(c) is str else clean_text(c) for c in row)
    return ListValues(fields=fields, identity=identity, extra=extra)


@lru_cache(maxsize=PARTY_CACHE_SIZE)
def party_row(p: PartyMention) -> tuple[Any, ...]:
    """Return the parties-table values of a mention (columns after the id), dates as ISO text."""
    name, ident = p.name, p.id_number
    return (
        name, name_key(name), company_form_variant(name),
        p.kind or ("organisation" if is_organisation(name) else "person"),
        ident.value if ident is not None and ident.valid else None,
        ident.raw if ident is not None else None,
        ident.problem if ident is not None else None,
        p.address, p.gender, iso(p.birth_date), p.law_firm, p.raw,
    )


def text_value(raw: Any) -> str | None:
    """Return a judgment text as stored: verbatim but trimmed (spans and searches index into it)."""
    return (raw.strip() if type(raw) is str else clean_text(raw)) or None


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None
