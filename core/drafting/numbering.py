"""Document numbers (文号) such as ``义检民建〔2026〕3号``: formatting and parsing."""

from __future__ import annotations

import re
from typing import NamedTuple

from core.errors import UserError

# Brackets people type instead of the 六角括号 the standard asks for.
_OPEN = "〔[［【（("
_CLOSE = "〕]］】）)"

_O = re.escape(_OPEN)
_C = re.escape(_CLOSE)
_PATTERN = re.compile(
    rf"^\s*(?P<office>[^\s检{_O}{_C}]+)检\s*(?P<code>[^\s{_O}{_C}]+?)\s*"
    rf"[{_O}]\s*(?P<year>\d{{4}})\s*[{_C}]\s*第?\s*(?P<serial>\d{{1,6}})\s*号\s*$"
)
_FORBIDDEN_IN_PARTS = set(_OPEN + _CLOSE + "检号 \t\r\n")


class DocNumber(NamedTuple):
    """The parts of a document number: office abbreviation (without 检), code, year, serial."""

    office_abbr: str
    code: str
    year: int
    serial: int


def format_doc_number(office_abbr: str, code: str, year: int, serial: int) -> str:
    """Return the number in the standard form, e.g. ``义检民建〔2026〕3号``.

    ``office_abbr`` is the procuratorate's abbreviation; a trailing ``检`` is accepted and
    not doubled. The year sits in 六角括号 and the serial has no 第 and no leading zeros.
    """
    office = office_abbr.strip()
    if office.endswith("检"):
        office = office[:-1]
    code = code.strip()
    if not office or _FORBIDDEN_IN_PARTS & set(office):
        raise UserError(f"院简称“{office_abbr}”不能为空，也不能含有“检”、括号或空格。")
    if not code or (_FORBIDDEN_IN_PARTS - {"检"}) & set(code):
        raise UserError(f"文号代字“{code}”不能为空，也不能含有括号、“号”或空格。")
    if not 1000 <= year <= 9999:
        raise UserError(f"文号年份“{year}”应为四位数字。")
    if serial < 1:
        raise UserError(f"文号序号“{serial}”应从 1 开始。")
    return f"{office}检{code}〔{year}〕{serial}号"


def parse_doc_number(text: str) -> DocNumber | None:
    """Return the parts of a document number, or None when ``text`` is not one.

    Tolerates the usual typing variants: other brackets (``[]``, ``【】``, ``（）``), a
    ``第`` before the serial, leading zeros and spaces.
    """
    match = _PATTERN.match(text)
    if match is None:
        return None
    serial = int(match["serial"])
    if serial < 1:
        return None
    return DocNumber(match["office"], match["code"], int(match["year"]), serial)
