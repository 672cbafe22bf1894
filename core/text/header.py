"""The parties a judgment introduces at its top (原告张三，男，……住……), with their addresses."""

from __future__ import annotations

import re
from typing import NamedTuple

from core.text.context import Context

# How far into the text the party list may run when no end marker (诉称, 一案) is found.
_MAX_HEADER = 3000
_FALLBACK_HEADER = 400
_NAME_RE = re.compile(r"[^，,。；;：:\s（(、]{1,40}")
_ROLE_PREFIX_RE = re.compile(r"\s*(?:[（(][^）)]{1,12}[）)])?\s*[：:]?\s*")
_PAREN_RE = re.compile(r"[（(]([^）)]{1,30})[）)]")
_ALIAS_RE = re.compile(r"(?:曾用名|又名|以下简称|下称|简称)[：:]?“?([^”，,。；）)]{1,20})")
_ADDRESS_VALUE_RE = re.compile(r"[^，,。；;\n（(]{2,60}")
# A role word preceded by these belongs to another phrase (系原告之女, 以上被告, （原告……）).
_NOT_INTRO_BEFORE = set("系之以上为的及和与其（(审")
_ORG_SUFFIXES = (  # names ending so are organisations and may be long
    "公司",
    "厂",
    "店",
    "社",
    "委员会",
    "银行",
    "中心",
    "部",
    "所",
    "行",
    "会",
    "院",
    "局",
    "馆",
    "场",
    "站",
    "处",
    "集团",
    "合作社",
    "企业",
)
_LINKING_END = set("与和及的系是向对将把经因在")
_NARRATIVE_RE = re.compile("诉称|辩称|到庭|一案|纠纷|本院|提出|答辩")


class Address(NamedTuple):
    """An address given for a party: its text, its span (from the word 住 on), and that word."""

    value: str
    start: int
    end: int
    marker: str


class PartyIntro(NamedTuple):
    """One party introduced in the header: role, name, other names, addresses."""

    role: str
    name: str
    aliases: tuple[str, ...]
    start: int
    end: int
    addresses: tuple[Address, ...]


class Header(NamedTuple):
    """The party list at the top of a judgment and where it ends (tuples: one per judgment)."""

    end: int
    parties: tuple[PartyIntro, ...]

    def names(self) -> dict[str, str]:
        """Return name → role for every name and alias; names used for two roles are left out."""
        out: dict[str, str] = {}
        clash: set[str] = set()
        for party in self.parties:
            for name in (party.name, *party.aliases):
                if out.get(name, party.role) != party.role:
                    clash.add(name)
                out[name] = party.role
        return {k: v for k, v in out.items() if k not in clash}


def parse_header(text: str, ctx: Context) -> Header:
    """Return the parties introduced at the top of ``text`` and where that part ends."""
    found = ctx.header_end_re.search(text, 0, _MAX_HEADER)
    if found is not None:
        end = found.start()
    elif ctx.header_role_re.match(text.lstrip()):
        newline = text.find("\n", 1)
        end = min(newline if newline > 0 else len(text), _FALLBACK_HEADER)
    else:
        return Header(end=0, parties=())
    intros: list[tuple[str, int, str, int]] = []
    for m in ctx.header_role_re.finditer(text, 0, end):
        if m.start() > 0 and text[m.start() - 1] in _NOT_INTRO_BEFORE:
            continue
        named = _name_after(text, m.end(), end, ctx)
        if named is not None:
            intros.append((ctx.role_of[m.group()], m.start(), *named))
    parties: list[PartyIntro] = []
    for i, (role, start, name, name_end) in enumerate(intros):
        seg_end = intros[i + 1][1] if i + 1 < len(intros) else end
        other = ctx.non_party_re.search(text, name_end, seg_end)
        own_end = other.start() if other is not None else seg_end
        has_paren = (
            text.find("（", name_end, own_end) >= 0 or text.find("(", name_end, own_end) >= 0
        )
        aliases = _aliases(text, name_end, own_end) if has_paren else ()
        addresses = _addresses(text, name_end, own_end, ctx, parties)
        parties.append(PartyIntro(role, name, aliases, start, own_end, addresses))
    return Header(end=end, parties=tuple(parties))


def _name_after(text: str, pos: int, end: int, ctx: Context) -> tuple[str, int] | None:
    """Return the party name that follows a role word at ``pos`` and where it ends, or None."""
    prefix = _ROLE_PREFIX_RE.match(text, pos, end)
    if prefix is not None:
        pos = prefix.end()
    m = _NAME_RE.match(text, pos, end)
    if m is None:
        return None
    name = m.group()
    # Names run together without punctuation in some texts (原告吴某被告付某).
    inner = ctx.header_role_re.search(name, 1)
    if inner is not None:
        name = name[: inner.start()]
    if not _plausible_name(name):
        return None
    return name, pos + len(name)


def _plausible_name(name: str) -> bool:
    # A name does not end in a linking word: 被告张伟与被告李娜系夫妻 is a sentence, not a list.
    if len(name) < 2 or name[-1] in _LINKING_END or _NARRATIVE_RE.search(name):
        return False
    if name.endswith(_ORG_SUFFIXES):
        return True
    # Person names are short; anonymised ones look like 张某1.
    return len(name) <= 6 or ("·" in name and len(name) <= 20)


def _aliases(text: str, start: int, end: int) -> tuple[str, ...]:
    out = []
    for paren in _PAREN_RE.finditer(text, start, min(end, start + 40)):
        alias = _ALIAS_RE.search(paren.group(1))
        if alias is not None:
            out.append(alias.group(1))
    return tuple(out)


def _addresses(
    text: str, start: int, end: int, ctx: Context, earlier: list[PartyIntro]
) -> tuple[Address, ...]:
    out: list[Address] = []
    pos = start
    while True:
        marker = ctx.address_re.search(text, pos, end)
        if marker is None:
            break
        value = _ADDRESS_VALUE_RE.match(text, marker.end(), end)
        pos = marker.end()
        if value is None:
            continue
        pos = value.end()
        word = marker.group().rstrip("：: \t")
        if value.group().startswith("同上"):
            # 住址同上: the same address as the party introduced just before.
            if earlier and earlier[-1].addresses:
                same = earlier[-1].addresses[0].value
                out.append(Address(same, marker.start(), value.start() + 2, word))
        else:
            out.append(Address(value.group().strip(), marker.start(), value.end(), word))
    return tuple(out)
