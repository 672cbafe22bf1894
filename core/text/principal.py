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
# A unit that may stand for 万元 on its own (借款30万，): not when 元 or more digits follow.
_BARE_UNITS = "万"
_NOT_AFTER_BARE = set("元圆余多千百亿") | _DIGIT_CHARS


@dataclass(frozen=True)
class PrincipalCandidate:
    """An amount that reads as the principal: its rank (1 best), value and span with keyword."""

    rank: int
    value: float
    start: int
    end: int


def amount_before(text: str, mark: int) -> tuple[float, int] | None:
    """Return the amount written just before the 元 at ``mark`` and where its number starts."""
    unit = text[mark] if text[mark] in _BARE_UNITS else ""
    if unit and text[mark + 1 : mark + 2] in _NOT_AFTER_BARE:
        return None
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
    value = parse_amount(number.rstrip("余") + unit + "元")
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
    found_keyword = _keyword(text, number.start(), ctx)
    if found_keyword is None:
        return None
    keyword, window_lo = found_keyword
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
    if _repaid(text, _clause_start(text, keyword.start(), ctx), keyword.start(), ctx):
        return None
    return PrincipalCandidate(rank, value, keyword.start(), mark + 1)


def _keyword(text: str, number_start: int, ctx: Context) -> tuple[re.Match[str], int] | None:
    """Return the principal keyword nearest before the number in its clause and where the
    clause starts (the keyword's start when it ends the clause before), or None.

    A clause that opens with a total (……借款，共计人民币肆万伍仟元) takes the keyword ending
    the clause before; a colon right after a keyword (借款本金：人民币叁拾万元, 借款本金为：)
    is no break.
    """
    # The clause is cut before the number, whose commas may be thousands separators.
    lo = max(0, number_start - ctx.max_gap - 6)
    window_lo = lo
    for m in ctx.clause_re.finditer(text, lo, number_start):
        window_lo = m.end()
    keyword = None
    for m in ctx.keyword_re.finditer(text, window_lo, number_start):
        keyword = m
    if keyword is not None:
        return keyword, window_lo
    if window_lo == lo:
        return None
    brk = window_lo - 1
    if text[brk] not in "：:" and not ctx.total_re.match(text, window_lo, number_start):
        return None
    for m in ctx.keyword_re.finditer(text, max(0, brk - 8), brk):
        if text[m.end() : brk] in ("", "为", "是"):  # 借款本金为：30万元
            return m, m.start()
    return None


def _repaid(text: str, clause_lo: int, at: int, ctx: Context) -> bool:
    """Return whether the keyword at ``at`` names money paid back (已还, 被告归还原告借款2万元).

    A repayment verb that is asked for (判令被告归还, 要求偿还) or ordered is the claim, not
    a repayment, so it counts only when no demand word stands earlier in the sentence.
    """
    before = text[clause_lo:at]
    if ctx.repaid_re.search(before):
        return True
    if not ctx.repay_re.search(before):
        return False
    sent_lo = max(0, at - 120)
    for m in ctx.sentence_re.finditer(text, sent_lo, clause_lo):
        sent_lo = m.end()
    return ctx.demand_re.search(text, sent_lo, at) is None


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
