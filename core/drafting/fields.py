"""What goes into a draft (DraftFields) and the template context built from it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from core.errors import UserError

# XML 1.0 forbids most control characters; spreadsheets and pasted text carry them.
_BAD_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_DIGITS = "零一二三四五六七八九"
# A numbering prefix the user typed before a suggestion (the template numbers them).
_NUMBER_PREFIX = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+\s*[、.．)）])\s*"
)
_FACTS_LEAD = re.compile(r"^\s*经审查(?:查明)?[：:，,]?\s*")
_PROBLEMS_LEAD = re.compile(r"^\s*本院认为[：:，,]?\s*")


@dataclass(frozen=True)
class AnnexCase:
    """One row of the annex table (附件：案件清单)."""

    case_no: str
    cause: str = ""
    parties: str = ""
    closing_method: str = ""
    problem: str = ""


@dataclass(kw_only=True)
class DraftFields:
    """Everything a template can fill in; free text may hold several paragraphs.

    ``reply_months`` and ``legal_basis`` default to the template's own values;
    ``signature`` defaults to the procuratorate; an empty ``objection`` keeps the
    template's own sentence about objections.
    """

    procuratorate: str
    doc_number: str
    recipient: str
    date: date
    procuratorate_abbr: str = ""
    origin: str = ""
    facts: str = ""
    problems: str = ""
    conclusion: str = ""
    suggestions: list[str] = field(default_factory=list)
    legal_basis: str | None = None
    reply_months: int | None = None
    objection: str = ""
    cc: str | None = None
    signature: str | None = None
    annex_title: str = "案件清单"
    cases: list[AnnexCase] = field(default_factory=list)


def clean_text(text: str | None) -> str:
    """Return ``text`` with Windows line ends unified and XML-illegal characters removed."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    return _BAD_XML_CHARS.sub("", text)


def split_paragraphs(text: str | None) -> list[str]:
    """Return the non-empty paragraphs of a free text, one per line, trimmed."""
    lines = (line.strip(" \t\u3000") for line in clean_text(text).split("\n"))
    return [line for line in lines if line]


def chinese_number(n: int) -> str:
    """Return ``n`` (0–99) in Chinese numerals, e.g. 12 → 十二, 20 → 二十."""
    if not 0 <= n < 100:
        raise ValueError(f"out of range: {n}")
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[ones] if ones else "")


def month_limit(months: int) -> str:
    """Return a reply limit in words, e.g. 2 → 两个月, 1 → 一个月, 12 → 十二个月."""
    if not 1 <= months <= 24:
        raise UserError(f"回复期限应为 1 至 24 个月，现为 {months} 个月。")
    return ("两" if months == 2 else chinese_number(months)) + "个月"


def date_text(day: date) -> str:
    """Return a date the way official documents write it: ``2026年11月23日``."""
    return f"{day.year}年{day.month}月{day.day}日"


def _line(text: str | None) -> str:
    # Names, numbers and the recipient sit on one line of the layout.
    return "".join(split_paragraphs(text))


def _clause(text: str) -> str:
    # The conclusion runs on into "根据……之规定": make sure it ends with a comma.
    clause = "".join(split_paragraphs(text))
    if clause and clause[-1] not in "，,；;：:":
        clause = clause.rstrip("。.") + "，"
    return clause


def _strip_lead(paragraphs: list[str], lead: re.Pattern[str]) -> list[str]:
    # The template writes the lead phrase itself; do not print it twice.
    if paragraphs:
        first = lead.sub("", paragraphs[0], count=1)
        paragraphs = ([first] if first else []) + paragraphs[1:]
    return paragraphs


def build_context(
    fields: DraftFields, *, reply_months: int, legal_basis: str, kind: str
) -> dict[str, Any]:
    """Return the Jinja context for ``fields`` with the template's defaults filled in."""
    for label, value in (
        ("检察院名称", fields.procuratorate),
        ("文号", fields.doc_number),
        ("主送单位", fields.recipient),
    ):
        if not clean_text(value).strip():
            raise UserError(f"请填写{label}。")
    months = fields.reply_months if fields.reply_months is not None else reply_months
    basis = fields.legal_basis if fields.legal_basis is not None else legal_basis
    suggestions = [_NUMBER_PREFIX.sub("", s, count=1) for s in _suggestion_items(fields)]
    cases = [
        AnnexCase(
            case_no=_line(c.case_no),
            cause=clean_text(c.cause).strip(),
            parties=clean_text(c.parties).strip(),
            closing_method=clean_text(c.closing_method).strip(),
            problem=clean_text(c.problem).strip(),
        )
        for c in fields.cases
    ]
    procuratorate = _line(fields.procuratorate)
    return {
        "kind": kind,
        "procuratorate": procuratorate,
        "procuratorate_abbr": _line(fields.procuratorate_abbr),
        "doc_number": _line(fields.doc_number),
        "recipient": _line(fields.recipient),
        "origin": clean_text(fields.origin).strip(),
        "origin_paragraphs": split_paragraphs(fields.origin),
        "facts": clean_text(fields.facts).strip(),
        "facts_paragraphs": _strip_lead(split_paragraphs(fields.facts), _FACTS_LEAD),
        "problems": clean_text(fields.problems).strip(),
        "problems_paragraphs": _strip_lead(split_paragraphs(fields.problems), _PROBLEMS_LEAD),
        "conclusion": _clause(fields.conclusion),
        "suggestions": suggestions,
        "legal_basis": _line(basis),
        "reply_months": months,
        "reply_limit": month_limit(months),
        "objection": _line(fields.objection),
        "date": fields.date,
        "date_text": date_text(fields.date),
        "cc": _line(fields.cc) or None,
        "signature": _line(fields.signature) or procuratorate,
        "annex_title": _line(fields.annex_title) or "案件清单",
        "cases": cases,
        "case_count": len(cases),
    }


def _suggestion_items(fields: DraftFields) -> list[str]:
    # Each suggestion is one numbered paragraph: lines of one suggestion are joined.
    items = ("".join(split_paragraphs(s)) for s in fields.suggestions)
    return [item for item in items if item]


def context_names() -> frozenset[str]:
    """Return every variable name a template may use."""
    sample = DraftFields(procuratorate="甲", doc_number="乙", recipient="丙", date=date(2000, 1, 1))
    return frozenset(build_context(sample, reply_months=2, legal_basis="", kind="x"))
