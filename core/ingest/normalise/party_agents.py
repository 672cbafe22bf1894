"""Agents and their firms in a party cell: which fragment names a new agent, and which
agents share a firm the cell names once.

A firm is kept only as the cell names it (or points to it with 该所); an agent whose firm
is not named keeps none, and the agent models read the lawyer's title kept in ``raw``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from core.ingest.normalise.names import clean_name
from core.ingest.normalise.party_lexicon import PartyLexicon

# A person named before a bracket or a space (赵六（某某法律服务所）, 王五 某某律师事务所).
_LEAD_NAME_RE = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff·]{1,4}(?=\(|\s)")
# What cannot be the person after a firm's name (义乌分所, 合伙人, 主任 …).
_NOT_A_PERSON_ENDS = ("所", "人", "处", "部", "站", "室", "中心", "助理", "律师")
_VALUE_LEADS = ":：为是系在于 "


class AgentDraft(Protocol):
    """What sharing firms reads and sets on a party being assembled."""

    role: str
    start: int
    end: int
    bare: bool
    firm_leads: bool
    same_firm: bool
    law_firm: str | None


def opens_agent(fragment: str, firm: re.Match[str], lexicon: PartyLexicon) -> bool:
    """Return True when a fragment naming a firm (``firm``) names an agent of its own:
    赵六（某某法律服务所）, 王五 某某律师事务所, 浙江某某律师事务所律师王五."""
    lead = _LEAD_NAME_RE.match(fragment)
    if lead is not None and lead.end() <= firm.start():
        return True
    return firm_agent(fragment, lexicon) is not None


def firm_agent(fragment: str, lexicon: PartyLexicon) -> tuple[str, str] | None:
    """Return (firm, person) of a fragment naming a firm and then its lawyer
    (浙江某某律师事务所律师王五), or None."""
    match = lexicon.firm_then_name_re.fullmatch(fragment)
    if match is None:
        return None
    name = match.group("name")
    if name.endswith(_NOT_A_PERSON_ENDS) or name.endswith(lexicon.attribute_suffixes):
        return None
    return clean_name(match.group("firm").lstrip(_VALUE_LEADS)), name


def untitled_name(name: str, lexicon: PartyLexicon) -> str:
    """Return an agent's name without a lawyer's title before or after it (王五律师,
    律师王五, 法律援助律师王五 -> 王五); a surname alone stays as it is (王律师)."""
    match = lexicon.titled_name_re.fullmatch(name)
    if match is None:
        return name
    return match.group("before") or match.group("after") or name


def share_firms(drafts: Sequence[AgentDraft], norm: str) -> None:
    """Give agents the firm the cell names next to them: 该所 (the firm of the agent before);
    浙江某某律师事务所王五、李六 and 王五、李六（浙江某某律师事务所律师） (all of that firm)."""

    def listed_with(a: AgentDraft, b: AgentDraft) -> bool:
        """Return True when b follows a in one list of agents (张三、李四 or 张三 李四; a role
        cue between them, 委托诉讼代理人：, ends the list)."""
        return a.role == b.role == "agent" and norm[a.end : b.start].strip() in ("", "、")

    for i, draft in enumerate(drafts):
        if draft.same_firm and draft.law_firm is None:
            before = (d.law_firm for d in reversed(drafts[:i]) if d.role == "agent" and d.law_firm)
            draft.law_firm = next(before, None)
    for i, draft in enumerate(drafts):
        if draft.role != "agent" or draft.law_firm is None:
            continue
        if draft.firm_leads:  # the firm heads a list: the bare names after it
            previous = draft
            for other in drafts[i + 1 :]:
                if not (other.bare and other.law_firm is None and listed_with(previous, other)):
                    break
                other.law_firm, previous = draft.law_firm, other
        elif not draft.bare:  # the firm ends a list: the bare names before it
            following = draft
            for other in reversed(drafts[:i]):
                if not (other.bare and other.law_firm is None and listed_with(other, following)):
                    break
                other.law_firm, following = draft.law_firm, other
