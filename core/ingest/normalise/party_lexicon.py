"""The cue words for reading party cells (resources/lexicons/party_cells.yaml), compiled once.

Also the words that show an agent is a lawyer or a basic legal service worker
(``legal_professional_words``): the agent models read them to tell such agents from
citizen agents when a cell names no firm (王五（律师）).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from core.ingest.normalise.cells import to_halfwidth
from core.ingest.normalise.lexicons import load_lexicon, string_list

# 和 与 及 may join two persons' names (张三和李四); 等 ends a list (张三等3人).
_NAME_LIST_CHARS = frozenset("和与及等")
# Every firm marker (律师事务所, 法律服务所, 律所 …) ends with one of these; 师 and 者 end
# the titles (王五律师, 王五法律工作者).
_FIRM_HINT_CHARS = frozenset("所心师者")


@dataclass(frozen=True)
class PartyLexicon:
    """The party-cell cue words, compiled once."""

    role_re: re.Pattern[str]
    cue_roles: dict[str, str]
    cue_hint_chars: frozenset[str]
    slow_chars: frozenset[str]  # a cell with none of these may take a quick path
    agent_slow_chars: frozenset[str]  # the same for an agent cell (firm markers too)
    firm_end_chars: frozenset[str]  # the last characters of the firm markers
    attribute_prefixes: tuple[str, ...]
    attribute_suffixes: tuple[str, ...]
    attribute_words: frozenset[str]
    address_markers: tuple[str, ...]
    id_marker_re: re.Pattern[str]
    law_firm_re: re.Pattern[str]
    firm_then_name_re: re.Pattern[str]
    titled_name_re: re.Pattern[str]
    no_party_words: frozenset[str]
    same_firm_words: tuple[str, ...]
    bracket_attribute_re: re.Pattern[str]

    def find_firm(self, text: str) -> re.Match[str] | None:
        """Return the match of the first law firm named in text (group "firm"), or None."""
        if self.firm_end_chars.isdisjoint(text):
            return None  # the quick answer for most fragments
        return self.law_firm_re.search(text)


@dataclass(frozen=True)
class LegalProfessionalWords:
    """Words in an agent's text that make the agent a legal professional, and the phrases
    that say the opposite (非律师)."""

    words: tuple[str, ...]
    negations: tuple[str, ...]

    def matches(self, text: str) -> bool:
        """Return True when the text names its person a lawyer or legal service worker."""
        if not any(word in text for word in self.words):
            return False
        return not any(negation in text for negation in self.negations)


def alternation(words: list[str]) -> str:
    """Return a regex alternation of the words, longest first so 被上诉人 beats 上诉人."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def legal_professional_words() -> LegalProfessionalWords:
    """Return the words marking a lawyer or legal service worker (read once)."""
    data = load_lexicon("party_cells.yaml")
    return LegalProfessionalWords(
        words=tuple(string_list(data, "legal_professional_words")),
        negations=tuple(string_list(data, "not_legal_professional")),
    )


@cache
def party_lexicon() -> PartyLexicon:
    """Return the party-cell lexicon from resources/lexicons/party_cells.yaml (read once)."""
    data = load_lexicon("party_cells.yaml")
    cue_roles: dict[str, str] = {}
    for role, cues in (data.get("role_cues") or {}).items():
        for cue in cues or []:
            cue_roles[to_halfwidth(str(cue))] = str(role)
    cues = alternation(list(cue_roles))
    boundary = r"(?:^|(?<=[\s,;、。]))"
    note = r"(?:\([^()]{0,16}\))?"
    # With a colon a cue may have a short lead (两被告共同委托诉讼代理人：); without one it
    # must not be part of a phrase like 原告之父 or 被告方.
    role_re = re.compile(
        rf"{boundary}(?:[^\s,;、。:()]{{0,8}}?(?P<cue>{cues}){note}\s*:\s*"
        rf"|(?P<cue2>{cues}){note}(?![之的方及和与系]))"
    )
    markers = string_list(data, "law_firm_markers")
    firms = alternation(markers)
    # The firm's own name: no spaces, and brackets only whole (北京某某（杭州）律师事务所).
    firm = rf"(?:[^,;、。()\s]|\([^()]*\))*?(?:{firms})(?:\([^()]*\))?"
    titles = alternation(string_list(data, "legal_professional_titles"))
    person = r"[\u4e00-\u9fff][\u4e00-\u9fff·]{1,3}"
    cue_hints = frozenset(cue[-1] for cue in cue_roles)
    slow = cue_hints | _NAME_LIST_CHARS
    return PartyLexicon(
        role_re=role_re,
        cue_roles=cue_roles,
        cue_hint_chars=cue_hints,
        slow_chars=slow,
        agent_slow_chars=slow | _FIRM_HINT_CHARS | frozenset(m[-1] for m in markers),
        firm_end_chars=frozenset(m[-1] for m in markers),
        attribute_prefixes=tuple(string_list(data, "attribute_prefixes")),
        attribute_suffixes=tuple(string_list(data, "attribute_suffixes")),
        attribute_words=frozenset(string_list(data, "attribute_words")),
        address_markers=tuple(sorted(string_list(data, "address_markers"), key=len, reverse=True)),
        id_marker_re=re.compile(alternation(string_list(data, "id_markers"))),
        # A firm's name starts the text or follows a bracket, space, separator or lead word.
        law_firm_re=re.compile(rf"(?:^|(?<=[(\s,;、。:为是系在于]))(?P<firm>{firm})"),
        # 浙江某某律师事务所律师王五: the firm first, then perhaps a title, then the person.
        firm_then_name_re=re.compile(
            rf"(?P<firm>{firm})(?:{titles})?[:\s]*(?P<name>[\u4e00-\u9fff][\u4e00-\u9fff·]{{1,4}})"
        ),
        titled_name_re=re.compile(
            rf"(?:法律援助)?(?:{titles})(?P<after>{person})|(?P<before>{person})(?:{titles})"
        ),
        no_party_words=frozenset(to_halfwidth(w) for w in string_list(data, "no_party_words")),
        same_firm_words=tuple(string_list(data, "same_firm_words")),
        bracket_attribute_re=re.compile(alternation(string_list(data, "bracket_attribute_words"))),
    )
