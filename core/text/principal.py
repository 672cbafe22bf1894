"""The loan principal: which amount (……元) in a judgment is the principal, and its value."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.ingest.normalise.amounts import parse_amount
from core.text.context import Context

_NUMBER_RE = re.compile(
    r"[0-9０-９零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟.．,，]+余?$"
)
_THOUSANDS_RE = re.compile(r"\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?[万亿]?余?$")
_DIGIT_CHARS = set("0123456789０１２３４５６７８９零〇一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾")
_LOOK_BACK = 24


@dataclass(frozen=True)
class PrincipalCandidate:
    """An amount that reads as the principal: its rank (1 best), value and span with keyword."""

    rank: int
    value: float
    start: int
    end: int


def amount_before(text: str, mark: int) -> tuple[float, int] | None:
    """Return the amount written just before the 元 at ``mark`` and where its number starts."""
    lo = max(0, mark - _LOOK_BACK)
    m = _NUMBER_RE.search(text, lo, mark)
    if m is None:
        return None
    number, start = m.group(), m.start()
    if "," in number or "，" in number:
        grouped = _THOUSANDS_RE.search(number)
        if grouped is not None:
            start += grouped.start()
        else:
            # A comma that is not a thousands separator ends the clause before the number.
            cut = max(number.rfind(","), number.rfind("，")) + 1
            start += cut
        number = text[start:mark]
    while number and number[0] in ".．":
        number, start = number[1:], start + 1
    if start > 0 and text[start - 1] == "某" and number[:1].isdigit():
        # Anonymised names end in a digit (张某1): 借张某142000元 is 42000 yuan.
        number, start = number[1:], start + 1
    if not number or not any(ch in _DIGIT_CHARS for ch in number):
        return None
    value = parse_amount(number.rstrip("余") + "元")
    if value is None or value <= 0:
        return None
    return value, start


def principal_candidate(
    text: str, mark: int, ctx: Context, worse_than: int = 99
) -> PrincipalCandidate | None:
    """Return the amount before the 元 at ``mark`` if a principal keyword governs it, else None.

    The keyword nearest to the left, in the same clause, decides: 借款本金5万元 and 向原告借款
    人民币50000元 are principal; 利息5000元, 诉讼费, 已偿还本金2万元 and 借款本金及利息合计
    are not. Candidates ranked ``worse_than`` or worse are not worth parsing and give None.
    """
    number = _NUMBER_RE.search(text, max(0, mark - _LOOK_BACK), mark)
    if number is None:
        return None
    # The clause is cut before the number, whose commas may be thousands separators.
    lo = max(0, number.start() - ctx.max_gap - 6)
    window_lo = lo
    for m in ctx.clause_re.finditer(text, lo, number.start()):
        window_lo = m.end()
    keyword = None
    for m in ctx.keyword_re.finditer(text, window_lo, number.start()):
        keyword = m
    if keyword is None:
        return None
    rank = ctx.keyword_rank[keyword.group()]
    if rank >= worse_than:
        return None
    if _in_list(text, window_lo, mark):
        return None
    found = amount_before(text, mark)
    if found is None:
        return None
    value, num_start = found
    gap_lo, gap_hi = keyword.end(), num_start
    if gap_hi < gap_lo or gap_hi - gap_lo > ctx.max_gap:
        return None
    if ctx.gap_stop_re.search(text, gap_lo, gap_hi):
        return None
    clause_lo = _clause_start(text, keyword.start(), ctx)
    if ctx.repaid_re.search(text[clause_lo : keyword.start()]):
        return None
    return PrincipalCandidate(rank, value, keyword.start(), mark + 1)


def _in_list(text: str, clause_lo: int, mark: int) -> bool:
    """Return whether the amount is one of several (分别借款1万元、2万元): not the principal."""
    after = text[mark + 1 : mark + 3]
    if after[:1] in ("、", "和", "及") and after[1:2].isdigit():
        return True
    return "分别" in text[clause_lo:mark] or "元、" in text[clause_lo:mark]


def _clause_start(text: str, pos: int, ctx: Context) -> int:
    lo = max(0, pos - 30)
    start = lo
    for m in ctx.clause_re.finditer(text, lo, pos):
        start = m.end()
    return start
