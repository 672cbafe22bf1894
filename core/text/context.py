"""Context word lists (roles, object markers, header and amount words) compiled from YAML."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from core.errors import UserError

# Internal role names; the YAML may add words to them but not new roles.
ROLE_KEYS = (
    "plaintiff",
    "defendant",
    "third_party",
    "both",
    "group_defendant",
    "group_plaintiff",
    "court",
    "generic",
    "pronoun",
    "self_pronoun",
)
# Defaults for keys a user's older copy of context.yaml may lack (same as the bundled file).
_REPAY = "归还|偿还|返还|还款|清偿|还清"
_DEMAND = "判令|判决|要求|请求|诉请|主张|催|应|须|需|请|协议|约定|同意|愿意|承诺|保证|负责"
_TOTAL = r"\s*(?:共计|合计|总计|累计|共)"
_KIN = (
    *("父亲", "母亲", "父母", "妻子", "丈夫", "配偶", "儿子", "女儿", "子女"),
    *("哥哥", "弟弟", "姐姐", "妹妹", "家人", "亲属", "亲戚", "朋友"),
)


@dataclass(frozen=True, eq=False)
class Context:
    """What the classifier needs besides the cues: how to split text and who is who."""

    sentence_breaks: str
    clause_breaks: str
    clause_re: re.Pattern[str]
    sentence_re: re.Pattern[str]
    role_re: re.Pattern[str]
    role_of: Mapping[str, str]
    pronouns: tuple[str, ...]  # third person first, then first person
    first_person: tuple[str, ...]
    object_markers: frozenset[str]
    modifier_after: tuple[str, ...]
    agent_words: tuple[str, ...]
    someone_of_party: tuple[str, ...]
    kin_of_party: tuple[str, ...]
    copula_re: re.Pattern[str]
    opener_re: re.Pattern[str]
    header_end_re: re.Pattern[str]
    header_role_re: re.Pattern[str]
    address_re: re.Pattern[str]
    non_party_re: re.Pattern[str]
    amount_marks: tuple[str, ...]
    keyword_re: re.Pattern[str]
    keyword_rank: Mapping[str, int]
    max_gap: int
    gap_stop_re: re.Pattern[str]
    repaid_re: re.Pattern[str]
    repay_re: re.Pattern[str]
    demand_re: re.Pattern[str]
    total_re: re.Pattern[str]


def build_context(data: Mapping[str, object]) -> Context:
    """Return the compiled context from the parsed context.yaml."""
    roles = data.get("roles")
    if not isinstance(roles, dict):
        raise UserError("线索词表 context.yaml 缺少 roles 部分")
    role_of: dict[str, str] = {}
    for key, words in roles.items():
        if key not in ROLE_KEYS:
            raise UserError(f"线索词表 context.yaml 中的称谓类别“{key}”未知")
        for word in _words(words, f"roles.{key}"):
            role_of[word] = str(key)
    sentence_breaks = str(data.get("sentence_breaks", "。；;！!？?\n"))
    clause_breaks = str(data.get("clause_breaks", "，,：:"))
    principal = data.get("principal")
    if not isinstance(principal, dict):
        raise UserError("线索词表 context.yaml 缺少 principal 部分")
    keyword_rank: dict[str, int] = {}
    for item in principal.get("keywords") or []:
        if not isinstance(item, dict) or "word" not in item:
            raise UserError(f"线索词表 context.yaml 中本金关键词写法不对：{item}")
        keyword_rank[str(item["word"])] = int(item.get("rank", 2))
    if not keyword_rank:
        raise UserError("线索词表 context.yaml 缺少本金关键词")
    party_roles = [w for w, r in role_of.items() if r in ("plaintiff", "defendant", "third_party")]
    return Context(
        sentence_breaks=sentence_breaks,
        clause_breaks=clause_breaks,
        clause_re=re.compile("[" + re.escape(clause_breaks + sentence_breaks) + "]"),
        sentence_re=re.compile("[" + re.escape(sentence_breaks) + "]"),
        role_re=_alternation(role_of),
        role_of=role_of,
        pronouns=tuple(w for w, r in role_of.items() if r == "pronoun")
        + tuple(w for w, r in role_of.items() if r == "self_pronoun"),
        first_person=tuple(w for w, r in role_of.items() if r == "self_pronoun"),
        object_markers=frozenset(_object_markers(data.get("object_markers"))),
        modifier_after=tuple(_words(data.get("modifier_after", ["所", "的"]), "modifier_after")),
        agent_words=tuple(_words(data.get("agent_words", ["委托", "代理人"]), "agent_words")),
        someone_of_party=tuple(
            _words(data.get("someone_of_party", ["法定代表人"]), "someone_of_party")
        ),
        kin_of_party=tuple(_words(data.get("kin_of_party", list(_KIN)), "kin_of_party")),
        copula_re=_copula_re(data),
        opener_re=re.compile(
            f"\\s*(?:(?:{_alt(_words(data.get('clause_openers', ['且']), 'clause_openers'))})\\s*)?"
        ),
        header_end_re=_alternation(_words(data.get("header_end"), "header_end")),
        header_role_re=_alternation(party_roles),
        address_re=re.compile(
            f"(?:{_alt(_words(data.get('address_markers'), 'address_markers'))})[：:]?\\s*"
        ),
        non_party_re=_alternation(_words(data.get("non_party_markers"), "non_party_markers")),
        amount_marks=tuple(_words(data.get("amount_marks", ["元"]), "amount_marks")),
        keyword_re=_alternation(keyword_rank),
        keyword_rank=keyword_rank,
        max_gap=int(principal.get("max_gap", 12)),
        gap_stop_re=_alternation(_words(principal.get("gap_stops"), "principal.gap_stops")),
        repaid_re=_compile(str(principal.get("repaid_before", "已还")), "principal.repaid_before"),
        repay_re=_compile(str(principal.get("repay_before", _REPAY)), "principal.repay_before"),
        demand_re=_compile(str(principal.get("demand_before", _DEMAND)), "principal.demand_before"),
        total_re=_compile(str(principal.get("total_opener", _TOTAL)), "principal.total_opener"),
    )


def _copula_re(data: Mapping[str, object]) -> re.Pattern[str]:
    """Return the pattern of a copula phrase (均系, 是) not inside 但是/于是."""
    adverbs = _alt(_words(data.get("copula_adverbs", ["均"]), "copula_adverbs"))
    copulas = _alt(_words(data.get("copulas", ["系"]), "copulas"))
    not_after = "".join(_words(data.get("copula_not_after", ["但"]), "copula_not_after"))
    if any(len(w) != 1 for w in _words(data.get("copula_not_after", ["但"]), "copula_not_after")):
        raise UserError("线索词表 context.yaml 中 copula_not_after 应是单个的字")
    return re.compile(f"(?<![{re.escape(not_after)}])(?:{adverbs})*(?:{copulas})(?!否)")


def _object_markers(value: object) -> list[str]:
    words = _words(value, "object_markers")
    if any(len(w) > 2 for w in words):
        raise UserError("线索词表 context.yaml 中 object_markers 的词最长两个字")
    return words


def _words(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise UserError(f"线索词表 context.yaml 中 {where} 应是非空的词语列表")
    return [str(v) for v in value]


def _alt(words: Iterable[str]) -> str:
    """Return a regex alternation of the words, longest first so 原被告 wins over 原告."""
    items = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in items)


def _alternation(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile(_alt(words))


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise UserError(f"线索词表 context.yaml 中 {where} 不是有效的正则表达式", str(exc)) from exc
