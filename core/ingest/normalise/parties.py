"""Splitting a party cell (当事人 column) into party mentions with roles and attributes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

from core.ingest.normalise.cells import clean_text, to_halfwidth
from core.ingest.normalise.dates import parse_date
from core.ingest.normalise.id_numbers import IdNumber, parse_id_number
from core.ingest.normalise.lexicons import load_lexicon, string_list
from core.ingest.normalise.names import clean_name, is_organisation

ROLES = ("plaintiff", "defendant", "third_party", "agent")
_ATTRIBUTE_ROLE = "attribute"  # a cue like 法定代表人: what follows describes the party before

_SEPARATORS = ",;、。\n\r\t"
_FRAGMENT_RE = re.compile(r"[^,;、。\n\r\t]+")
_SEPARATOR_RE = re.compile(r"[,;、。\n\r\t]")
# The same, but the match itself excludes surrounding spaces (no strip step needed).
_STRIPPED_FRAGMENT_RE = re.compile(r"[^,;、。\s](?:[^,;、。\n\r\t]*[^,;、。\s])?")
_ID_TOKEN_RE = re.compile(r"(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")
_PAREN_RE = re.compile(r"\(([^()]*)\)")
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
)
_PERSON_TOKEN_RE = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff·]{1,7}")
_GENDER_WORDS = {"男": "男", "女": "女", "男性": "男", "女性": "女"}
_VALUE_LEADS = ":：为是系在于 "


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


@dataclass
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


@dataclass(frozen=True)
class _PartyLexicon:
    """The party-cell cue words, compiled once."""

    role_re: re.Pattern[str]
    cue_roles: dict[str, str]
    cue_hint_chars: frozenset[str]
    attribute_prefixes: tuple[str, ...]
    attribute_suffixes: tuple[str, ...]
    attribute_words: frozenset[str]
    address_markers: tuple[str, ...]
    id_marker_re: re.Pattern[str]
    law_firm_re: re.Pattern[str]
    bracket_attribute_re: re.Pattern[str]


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
    if lexicon.cue_hint_chars.isdisjoint(norm):
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
    # Separators inside brackets (“某律师事务所（特殊普通合伙、分所）”) do not split parties.
    masked = _mask_bracketed(norm) if "(" in norm and _SEPARATOR_RE.search(norm) else norm
    drafts: list[_Draft] = []
    for role, seg_start, seg_end in _segments(norm, default_role, lexicon):
        for start, end in _fragments(masked, seg_start, seg_end):
            fragment = norm[start:end]
            current = drafts[-1] if drafts else None
            if role == _ATTRIBUTE_ROLE:
                if current is not None:
                    current.end = end  # describes the party before: kept in raw only
                continue
            if current is not None and _is_attribute(fragment, role, lexicon):
                _apply_attribute(current, fragment, lexicon)
                current.end = end
                continue
            drafts.extend(_name_drafts(fragment, role, start, end, lexicon))
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
        return True
    if fragment[0].isdigit() or "出生" in fragment:
        return True
    if role == "agent" and lexicon.law_firm_re.search(fragment):
        return True
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
        match = lexicon.law_firm_re.search(fragment)
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
    if _PLAIN_NAME_RE.fullmatch(fragment):
        name = fragment if _NAME_CHARS_RE.fullmatch(fragment) else clean_name(fragment)
        return [_Draft(name=name, role=role, start=start, end=end)]
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
            or lexicon.law_firm_re.search(content)
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


def _alternation(words: list[str]) -> str:
    """Return a regex alternation of the words, longest first so 被上诉人 beats 上诉人."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _lexicon() -> _PartyLexicon:
    """Return the party-cell lexicon from resources/lexicons/party_cells.yaml (read once)."""
    data = load_lexicon("party_cells.yaml")
    cue_roles: dict[str, str] = {}
    for role, cues in (data.get("role_cues") or {}).items():
        for cue in cues or []:
            cue_roles[to_halfwidth(str(cue))] = str(role)
    cues = _alternation(list(cue_roles))
    boundary = r"(?:^|(?<=[\s,;、。]))"
    note = r"(?:\([^()]{0,16}\))?"
    # With a colon a cue may have a short lead (两被告共同委托诉讼代理人：); without one it
    # must not be part of a phrase like 原告之父 or 被告方.
    role_re = re.compile(
        rf"{boundary}(?:[^\s,;、。:()]{{0,8}}?(?P<cue>{cues}){note}\s*:\s*"
        rf"|(?P<cue2>{cues}){note}(?![之的方及和与系]))"
    )
    firms = _alternation(string_list(data, "law_firm_markers"))
    return _PartyLexicon(
        role_re=role_re,
        cue_roles=cue_roles,
        cue_hint_chars=frozenset(cue[-1] for cue in cue_roles),
        attribute_prefixes=tuple(string_list(data, "attribute_prefixes")),
        attribute_suffixes=tuple(string_list(data, "attribute_suffixes")),
        attribute_words=frozenset(string_list(data, "attribute_words")),
        address_markers=tuple(sorted(string_list(data, "address_markers"), key=len, reverse=True)),
        id_marker_re=re.compile(_alternation(string_list(data, "id_markers"))),
        law_firm_re=re.compile(rf"(?P<firm>[^,;、。]*?(?:{firms})(?:\([^()]*\))?)"),
        bracket_attribute_re=re.compile(_alternation(string_list(data, "bracket_attribute_words"))),
    )
