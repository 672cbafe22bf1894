"""Splitting a party cell (当事人 column) into party mentions with roles and attributes.

Agents: a law firm is kept when the cell names it (王五（浙江某某律师事务所）, 浙江某某律师事务所
律师王五, 律所 for short) or points to the firm of the agent before (李六，该所律师); agents
listed together before or after one firm (王五、李六（某某律师事务所律师）) share it. A
lawyer whose firm is not named keeps law_firm None; the words in ``raw`` (王五（律师）) tell
the agent models it is not a citizen agent (see party_lexicon.legal_professional_words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from core.ingest.normalise.cells import clean_text, to_halfwidth
from core.ingest.normalise.dates import parse_date
from core.ingest.normalise.id_numbers import IdNumber, parse_id_number
from core.ingest.normalise.names import clean_name, is_organisation, joined_person_names
from core.ingest.normalise.party_agents import firm_agent, opens_agent, share_firms, untitled_name
from core.ingest.normalise.party_lexicon import PartyLexicon as _PartyLexicon
from core.ingest.normalise.party_lexicon import party_lexicon as _lexicon

ROLES = ("plaintiff", "defendant", "third_party", "agent")
_ATTRIBUTE_ROLE = "attribute"  # a cue like 法定代表人: what follows describes the party before

_SEPARATORS = ",;、。\n\r\t"
_FRAGMENT_RE = re.compile(r"[^,;、。\n\r\t]+")
_SEPARATOR_RE = re.compile(r"[,;、。\n\r\t]")
# The same, but the match itself excludes surrounding spaces (no strip step needed).
_STRIPPED_FRAGMENT_RE = re.compile(r"[^,;、。\s](?:[^,;、。\n\r\t]*[^,;、。\s])?")
_ID_TOKEN_RE = re.compile(r"(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")
# A bracketed note, with one level of nesting (（北京某某（杭州）律师事务所）).
_PAREN_RE = re.compile(r"\(((?:[^()]|\([^()]*\))*)\)")
_DIGIT_RE = re.compile(r"\d")
_TRAILING_NOTE_RE = re.compile(r"[(（]([^()（）]*)[)）]\s*$")
_CREDIT_CODE_RE = re.compile(r"(?:统一社会信用代码[:：]?)?[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}")
# A fragment with no brackets, spaces or digits is just a name: skip the slow path.
_PLAIN_NAME_RE = re.compile(r"[^()\s\d]+")
# Only CJK and · : already what clean_name would return.
_NAME_CHARS_RE = re.compile(r"[\u4e00-\u9fff·]+")
_NAME_WITH_ID_RE = re.compile(r"([\u4e00-\u9fff·]+)\((\d{17}[\dXx]|\d{15})\)")
_BIRTH_RE = re.compile(
    r"(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d十一二三四五六七八九]{1,3}\s*月"
    r"(?:\s*[\d十一二三四五六七八九]{1,3}\s*日)?"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)"
)
_PERSON_TOKEN_RE = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff·]{1,7}")
_GENDER_WORDS = {"男": "男", "女": "女", "男性": "男", "女性": "女"}
_VALUE_LEADS = ":：为是系在于 "
# 李律师: a surname and the title (not 该律师, 系律师).
_SURNAME_LAWYER_RE = re.compile(r"[^该系其为是及和与均都男女\W\d]律师")
_JOINING_WORDS = frozenset("和与及")  # 张三和李四
# / and | separate parties too, except between digits (1980/1/1, 1/2号).
_SLASH_RE = re.compile(r"(?<!\d)[/|](?!\d)")
# 张三等 · 张三等3人 · 张三等五人: the first of several; the name is what comes before 等.
_OTHERS_RE = re.compile(r"(?<=..)等(?:[\d一二两三四五六七八九十百]*[人名户位家个])?$")


@dataclass(frozen=True)
class PartyMention:
    """One party named in a cell, with what the cell says about it."""

    name: str
    role: str  # "plaintiff" | "defendant" | "third_party" | "agent"
    kind: str  # "person" | "organisation"
    id_number: IdNumber | None
    address: str | None
    gender: str | None
    birth_date: date | None
    law_firm: str | None  # for agents
    raw: str


@dataclass(slots=True)
class _Draft:
    """A party being assembled while the cell's fragments are read."""

    name: str
    role: str
    start: int
    end: int
    id_number: IdNumber | None = None
    address: str | None = None
    gender: str | None = None
    birth_date: date | None = None
    law_firm: str | None = None
    bare: bool = False  # a name with nothing said about it (may share a firm named next to it)
    firm_leads: bool = False  # named after its firm (浙江某某律师事务所王五)
    same_firm: bool = False  # 该所律师: the firm of the agent before


# Lenders, banks, property companies and their lawyers fill the same party cells again
# and again across a court's cases: a bounded cache saves most of the splitting work.
PARTY_CACHE_SIZE = 65_536


def split_parties(cell: object, default_role: str) -> list[PartyMention]:
    """Return the parties named in a cell; role prefixes (原告：) override default_role."""
    try:
        text = clean_text(cell)
        if not text:
            return []
        return list(_split_cached(text, default_role))
    except Exception:
        # A cell we cannot read yields no parties rather than a failed import; the raw
        # value stays in the row's provenance.
        return []


@lru_cache(maxsize=PARTY_CACHE_SIZE)
def _split_cached(text: str, default_role: str) -> tuple[PartyMention, ...]:
    """Return the parties of a cleaned cell; mentions are frozen, so sharing them is safe."""
    return tuple(_split(text, default_role))


def _split(text: str, default_role: str) -> list[PartyMention]:
    """Return the parties of a non-empty cleaned cell."""
    lexicon = _lexicon()
    norm = to_halfwidth(text)  # same length as text: offsets carry over for `raw`
    if norm in lexicon.no_party_words:
        return []  # 无, 不详
    slow = lexicon.agent_slow_chars if default_role == "agent" else lexicon.slow_chars
    if slow.isdisjoint(norm):
        # The two commonest cells, "张三" and "张三（身份证号）", need none of the work below
        # (a test checks both ways give the same mentions).
        if _NAME_CHARS_RE.fullmatch(norm):
            return [_single(norm, default_role, None, text)]
        match = _NAME_WITH_ID_RE.fullmatch(norm)
        if match is not None:
            return [_single(match[1], default_role, parse_id_number(match[2]), text)]
    return _split_general(text, norm, default_role, lexicon)


def _split_general(text: str, norm: str, default_role: str, lexicon: _PartyLexicon) -> list[PartyMention]:
    """Return the parties of a cell by reading its role cues, fragments and brackets."""
    splittable = _SLASH_RE.sub(";", norm) if "/" in norm or "|" in norm else norm
    # Separators inside brackets (“某律师事务所（特殊普通合伙、分所）”) do not split parties.
    masked = (
        _mask_bracketed(splittable)
        if "(" in splittable and _SEPARATOR_RE.search(splittable)
        else splittable
    )
    drafts: list[_Draft] = []
    no_party = lexicon.no_party_words
    for role, seg_start, seg_end in _segments(norm, default_role, lexicon):
        for start, end in _fragments(masked, seg_start, seg_end):
            fragment = norm[start:end]
            if "等" in fragment:
                fragment = _OTHERS_RE.sub("", fragment).rstrip()
            if fragment in no_party:
                continue
            current = drafts[-1] if drafts else None
            if role == _ATTRIBUTE_ROLE or not fragment:
                if current is not None:
                    current.end = end  # describes the party before: kept in raw only
                continue
            if current is not None and _is_attribute(fragment, role, lexicon):
                _apply_attribute(current, fragment, lexicon)
                current.end = end
                current.bare = False
                continue
            drafts.extend(_name_drafts(fragment, role, start, end, lexicon))
    if len(drafts) > 1 and any(draft.role == "agent" for draft in drafts):
        share_firms(drafts, norm)
    return [_finish(draft, text, lexicon) for draft in drafts if draft.name]


def _single(name: str, role: str, id_number: IdNumber | None, raw: str) -> PartyMention:
    """Return the mention of a cell holding one bare name, perhaps with an ID number."""
    valid = id_number is not None and id_number.valid
    return PartyMention(
        name=name,
        role=role,
        kind="organisation" if is_organisation(name) else "person",
        id_number=id_number,
        address=None,
        gender=id_number.gender if valid and id_number is not None else None,
        birth_date=id_number.birth_date if valid and id_number is not None else None,
        law_firm=None,
        raw=raw,
    )


def _mask_bracketed(norm: str) -> str:
    """Return ``norm`` with separators inside brackets replaced (same length, same offsets)."""
    out: list[str] = []
    depth = 0
    for ch in norm:
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        out.append("\ue000" if depth and ch in _SEPARATORS else ch)
    return "".join(out)


def _bare_name(name: str, kind: str) -> str:
    """Return a name without a trailing bracketed note (a person's "（公民代理）", an org's credit code)."""
    match = _TRAILING_NOTE_RE.search(name)
    if match is None or match.start() == 0:
        return name
    note = match.group(1)
    if kind == "person" or _CREDIT_CODE_RE.fullmatch(note.strip()):
        return name[: match.start()].rstrip()
    return name


def _segments(norm: str, default_role: str, lexicon: _PartyLexicon) -> list[tuple[str, int, int]]:
    """Return (role, start, end) runs of the cell, split where a role cue (原告：) starts."""
    if lexicon.cue_hint_chars.isdisjoint(norm):
        return [(default_role, 0, len(norm))]
    segments: list[tuple[str, int, int]] = []
    role, pos = default_role, 0
    for match in lexicon.role_re.finditer(norm):
        if match.start() > pos:
            segments.append((role, pos, match.start()))
        cue = match.group("cue") or match.group("cue2")
        role, pos = lexicon.cue_roles[cue], match.end()
    segments.append((role, pos, len(norm)))
    return segments


def _fragments(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return (start, end) of the separator-delimited fragments of masked[start:end] without
    their surrounding spaces; ``masked`` has no separators left inside brackets."""
    return [match.span() for match in _STRIPPED_FRAGMENT_RE.finditer(masked, start, end)]


def _is_attribute(fragment: str, role: str, lexicon: _PartyLexicon) -> bool:
    """Return True when a fragment describes the party before it rather than naming one."""
    if fragment in lexicon.attribute_words:
        return True
    if fragment.startswith(lexicon.attribute_prefixes):
        return True
    if fragment.endswith(lexicon.attribute_suffixes):
        # 孙律师、李律师: a surname and the title name an agent of their own.
        return not (role == "agent" and _SURNAME_LAWYER_RE.fullmatch(fragment))
    if fragment[0].isdigit() or "出生" in fragment:
        return True
    firm = lexicon.find_firm(fragment) if role == "agent" else None
    if firm is not None:
        return not opens_agent(fragment, firm, lexicon)
    # Digits outside an ID number and outside brackets: an address or phone continued.
    if _DIGIT_RE.search(fragment) is not None:
        rest = _ID_TOKEN_RE.sub("", _PAREN_RE.sub("", fragment))
        return _DIGIT_RE.search(rest) is not None
    return False


def _apply_attribute(draft: _Draft, fragment: str, lexicon: _PartyLexicon) -> None:
    """Record what an attribute fragment says (gender, birth, ID, address, law firm)."""
    gender = _GENDER_WORDS.get(fragment)
    if gender is not None:
        draft.gender = draft.gender or gender
        return
    if draft.id_number is None:
        draft.id_number = _find_id(fragment, lexicon)
    if draft.birth_date is None and "生" in fragment:
        match = _BIRTH_RE.search(fragment)
        if match is not None:
            draft.birth_date = parse_date(match.group())
    if draft.address is None and fragment.startswith(lexicon.address_markers):
        for marker in lexicon.address_markers:
            if fragment.startswith(marker):
                address = fragment[len(marker) :].lstrip(_VALUE_LEADS).strip()
                draft.address = address or None
                break
    if draft.law_firm is None and draft.role == "agent":
        if fragment.startswith(lexicon.same_firm_words):
            draft.same_firm = True
            return
        match = lexicon.find_firm(fragment)
        if match is not None:
            draft.law_firm = clean_name(match.group("firm").lstrip(_VALUE_LEADS)) or None


def _find_id(fragment: str, lexicon: _PartyLexicon) -> IdNumber | None:
    """Return the ID number in a fragment: a digit token, or the text after an ID label."""
    match = _ID_TOKEN_RE.search(fragment)
    if match is not None:
        return parse_id_number(match.group())
    marker = lexicon.id_marker_re.search(fragment)
    if marker is None:
        return None
    rest = fragment[marker.end() :].lstrip(_VALUE_LEADS + "码号").strip()
    return parse_id_number(rest) if rest else None


def _name_drafts(
    fragment: str, role: str, start: int, end: int, lexicon: _PartyLexicon
) -> list[_Draft]:
    """Return the party (or parties, for "张三 李四") a name fragment opens."""
    if role == "agent" and not lexicon.firm_end_chars.isdisjoint(fragment):
        firm_and_name = firm_agent(fragment, lexicon)
        if firm_and_name is not None:
            firm, name = firm_and_name
            return [_Draft(name, role, start, end, law_firm=firm, firm_leads=True)]
    if _PLAIN_NAME_RE.fullmatch(fragment):
        if not _JOINING_WORDS.isdisjoint(fragment):
            names = joined_person_names(fragment)
            if names is not None:
                return [_Draft(name, role, start, end, bare=True) for name in names]
        name = fragment if _NAME_CHARS_RE.fullmatch(fragment) else clean_name(fragment)
        return [_Draft(name=name, role=role, start=start, end=end, bare=True)]
    attributes: list[str] = []
    text = fragment
    if "(" in text:
        text = _take_bracket_attributes(text, attributes, lexicon)
    tokens = text.split()
    if len(tokens) > 1:
        cut = next(
            (i for i in range(1, len(tokens)) if _is_attribute(tokens[i], role, lexicon)), None
        )
        if cut is not None:
            attributes[:0] = tokens[cut:]
            tokens = tokens[:cut]
    if len(tokens) > 1 and all(_is_separate_name(token) for token in tokens):
        names = tokens
    else:
        names = [" ".join(tokens)]
    drafts = []
    for name_text in names:
        id_match = _ID_TOKEN_RE.search(name_text)
        if id_match is not None:
            attributes.append(id_match.group())
            name_text = name_text[: id_match.start()] + name_text[id_match.end() :]
        drafts.append(_Draft(name=clean_name(name_text), role=role, start=start, end=end))
    for attribute in attributes:
        _apply_attribute(drafts[-1], attribute, lexicon)
    return drafts


def _take_bracket_attributes(text: str, attributes: list[str], lexicon: _PartyLexicon) -> str:
    """Return text without bracketed notes that hold attributes, adding their pieces to
    attributes; brackets that belong to a name (（中国）, （普通合伙）) stay."""

    def replace(match: re.Match[str]) -> str:
        content = match.group(1)
        if (
            not content.strip()
            or _ID_TOKEN_RE.search(content)
            or lexicon.bracket_attribute_re.search(content)
            or content.endswith(lexicon.attribute_suffixes)  # （某某公司员工）, （李兵之妻）
            or lexicon.find_firm(content)
        ):
            attributes.extend(piece for piece in _FRAGMENT_RE.findall(content) if piece.strip())
            return " "
        return match.group(0)

    return _PAREN_RE.sub(replace, text)


def _is_separate_name(token: str) -> bool:
    """Return True when a space-separated token can stand as a name of its own."""
    if _PERSON_TOKEN_RE.fullmatch(token) and len(token) <= 4:
        return True
    return len(token) >= 6 and is_organisation(token)


def _finish(draft: _Draft, text: str, lexicon: _PartyLexicon) -> PartyMention:
    """Return the frozen mention of a draft, filling gender/birth from a valid ID."""
    kind = "organisation" if is_organisation(draft.name) else "person"
    name = _bare_name(draft.name, kind)
    if name != draft.name:
        kind = "organisation" if is_organisation(name) else "person"
    if draft.role == "agent" and kind == "person" and ("师" in name or "者" in name):
        name = untitled_name(name, lexicon)  # 王五律师, 律师王五 (raw keeps the title)
    id_number = draft.id_number
    gender, birth = draft.gender, draft.birth_date
    if id_number is not None and id_number.valid:
        gender = gender or id_number.gender
        birth = birth or id_number.birth_date
    return PartyMention(
        name=name,
        role=draft.role,
        kind=kind,
        id_number=id_number,
        address=draft.address,
        gender=gender,
        birth_date=birth,
        law_firm=draft.law_firm if draft.role == "agent" else None,
        raw=text[draft.start : draft.end],
    )
