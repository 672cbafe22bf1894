"""The cue book: cue data from ``resources/cues`` compiled into one scanning regex."""

from __future__ import annotations

import hashlib
import importlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import ModuleType

import yaml

from core.errors import UserError
from core.text.context import Context, build_context

try:  # re's own parser says how wide a check pattern can be; otherwise checks use the cap
    _sre_parser: ModuleType | None = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - re's internals moved
    _sre_parser = None

CUE_FILES = ("context.yaml", "features.yaml")
# A cue must open with a fixed character so the scanner's first-character filter works.
_BAD_FIRST = set("\\.[](){}^$|?*+")
_POLARITIES = {"positive": True, "negative": False}
_PARTY_MODES = (None, "subject", "speaker", "pair")
# Context windows: how far a negation or trap may sit from its cue (within the sentence).
_MAX_BEFORE = 80
_MAX_AFTER = 40


@dataclass(frozen=True)
class CueRule:
    """One anchor of a feature group, with the context checks that decide what a hit means."""

    group: str
    cue: str
    head: str  # the fixed first character
    tail: str  # the regex after it
    polarity: bool
    value: str | None
    literal: str | None
    pattern: re.Pattern[str]
    negate_before: re.Pattern[str] | None
    negate_after: re.Pattern[str] | None
    void_before: re.Pattern[str] | None
    void_after: re.Pattern[str] | None
    require_before: re.Pattern[str] | None
    reach_before: int = 0  # how far left the before-checks can look (characters)
    reach_after: int = 0  # how far right the after-checks can look


@dataclass(frozen=True)
class FeatureGroup:
    """A feature group: which features its hits emit and which party they concern."""

    name: str
    label: str
    emit_positive: str | None
    emit_negative: str | None
    party: str | None
    speaker_roles: frozenset[str]


@dataclass(frozen=True, eq=False)
class CueBook:
    """Compiled cue data: the scanner, the rules behind it and the context word lists."""

    version: str
    groups: Mapping[str, FeatureGroup]
    rules: tuple[CueRule, ...]
    buckets: Mapping[str, tuple[CueRule, ...]]
    scanner: re.Pattern[str]
    context: Context
    literal_rules: Mapping[str, CueRule]

    def rule_for(self, match: re.Match[str]) -> CueRule | None:
        """Return the rule behind a scanner match (a dict lookup for plain words)."""
        rule = self.literal_rules.get(match.group())
        return rule if rule is not None else self.rule_at(match.string, match.start())

    def rule_at(self, text: str, start: int) -> CueRule | None:
        """Return the rule whose cue matched at ``start`` (the scanner's first alternative)."""
        for rule in self.buckets.get(text[start], ()):
            if rule.literal is not None:
                if text.startswith(rule.literal, start):
                    return rule
            elif rule.pattern.match(text, start):
                return rule
        return None


def default_cue_dir() -> Path:
    """Return the folder of the bundled cue files."""
    return Path(str(resources.files("resources") / "cues"))


def cue_version(directory: Path | None = None) -> str:
    """Return the version stamp of the cue files and of the code reading them (a sha256 prefix)."""
    return _version(_read_files(directory or default_cue_dir()))


def load_cues(directory: Path | None = None) -> CueBook:
    """Return the compiled cue book from ``directory`` (default: the bundled cues), cached."""
    texts = _read_files(directory or default_cue_dir())
    return _compile(_version(texts), texts)


def _read_files(directory: Path) -> tuple[tuple[str, str], ...]:
    """Return (name, text) for each cue file; a missing or unreadable file is a UserError."""
    out = []
    for name in CUE_FILES:
        path = directory / name
        try:
            out.append((name, path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(f"无法读取线索词表文件：{path}", str(exc)) from exc
    return tuple(out)


# Raise by one whenever a change to the code in core/text changes what a text is found to
# say: stored features carry the version and are computed again when it differs.
READER_REVISION = 2


def _version(texts: Iterable[tuple[str, str]]) -> str:
    digest = hashlib.sha256(f"reader {READER_REVISION}\0".encode())
    for name, text in texts:
        digest.update(name.encode("utf-8") + b"\0" + text.encode("utf-8") + b"\0")
    return digest.hexdigest()[:12]


@lru_cache(maxsize=8)
def _compile(version: str, texts: tuple[tuple[str, str], ...]) -> CueBook:
    """Return the cue book built from the file texts (cached by content)."""
    data = {name: _parse_yaml(name, text) for name, text in texts}
    context = build_context(data["context.yaml"])
    groups, rules = _build_rules(data["features.yaml"])
    # The amount anchor (元) is context data, not a feature group of its own.
    for mark in context.amount_marks:
        rules.append(_mark_rule("amount", mark))
    # Longer fixed openings first, so 缺席判决 wins over 缺席 at the same position.
    rules.sort(key=lambda r: -len(_literal_prefix(r.cue)))
    buckets: dict[str, list[CueRule]] = {}
    for rule in rules:
        buckets.setdefault(rule.head, []).append(rule)
    scanner = _scanner(rules)
    return CueBook(
        version=version,
        groups=groups,
        rules=tuple(rules),
        buckets={k: tuple(v) for k, v in buckets.items()},
        scanner=scanner,
        context=context,
        literal_rules=_literal_rules(rules),
    )


def _scanner(rules: list[CueRule]) -> re.Pattern[str]:
    """Return one regex for all cues, grouped by first character (a one-level trie).

    Grouping lets re test one branch per distinct first character instead of every cue,
    and the order within a group keeps the first-alternative-wins rule. No capturing
    groups: they would switch off re's fast first-character skip.
    """
    groups: dict[str, list[str]] = {}
    for rule in rules:
        groups.setdefault(rule.head, []).append(rule.tail)
    parts = []
    for first, rests in groups.items():
        head = re.escape(first)
        parts.append(head if rests == [""] else f"{head}(?:{'|'.join(rests)})")
    return re.compile("|".join(parts))


def _literal_rules(rules: list[CueRule]) -> dict[str, CueRule]:
    """Return plain-word cue → rule, for words no earlier regex cue could also match."""
    out: dict[str, CueRule] = {}
    for i, rule in enumerate(rules):
        word = rule.literal
        if word is None or word in out:
            continue
        if any(r.literal is None and r.pattern.fullmatch(word) for r in rules[:i]):
            continue
        out[word] = rule
    return out


def _parse_yaml(name: str, text: str) -> dict[str, object]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise UserError(f"线索词表 {name} 不是有效的 YAML", str(exc)) from exc
    if not isinstance(data, dict):
        raise UserError(f"线索词表 {name} 的内容应是一个映射（键: 值）")
    return data


def _build_rules(data: Mapping[str, object]) -> tuple[dict[str, FeatureGroup], list[CueRule]]:
    """Return the feature groups and their rules from features.yaml."""
    features = data.get("features")
    if not isinstance(features, dict) or not features:
        raise UserError("线索词表 features.yaml 缺少 features 部分")
    groups: dict[str, FeatureGroup] = {}
    rules: list[CueRule] = []
    for name, spec in features.items():
        if not isinstance(spec, dict):
            raise UserError(f"线索词表 features.yaml 中特征“{name}”的写法应是映射")
        groups[str(name)] = _make_group(str(name), spec)
        cues = spec.get("cues")
        if not isinstance(cues, list) or not cues:
            raise UserError(f"线索词表 features.yaml 中特征“{name}”没有 cues")
        for entry in cues:
            item = {"cue": entry} if isinstance(entry, str) else entry
            if not isinstance(item, dict) or not isinstance(item.get("cue"), str):
                raise UserError(
                    f"线索词表 features.yaml 中特征“{name}”有一条 cue 写法不对：{entry}"
                )
            rules.append(_make_rule(str(name), item, spec, "features.yaml"))
    return groups, rules


def _make_group(name: str, spec: Mapping[str, object]) -> FeatureGroup:
    emit = spec.get("emit") or {}
    if not isinstance(emit, dict) or set(emit) - {"positive", "negative"}:
        raise UserError(f"线索词表中特征“{name}”的 emit 只能有 positive、negative 两项")
    party = spec.get("party")
    if party not in _PARTY_MODES:
        raise UserError(f"线索词表中特征“{name}”的 party 只能是 subject、speaker 或 pair")
    roles = spec.get("speaker_roles") or []
    return FeatureGroup(
        name=name,
        label=str(spec.get("label", name)),
        emit_positive=_opt_str(emit.get("positive")),
        emit_negative=_opt_str(emit.get("negative")),
        party=_opt_str(party),
        speaker_roles=frozenset(str(r) for r in roles) if isinstance(roles, list) else frozenset(),
    )


def _make_rule(
    group: str, item: Mapping[str, object], spec: Mapping[str, object], file: str
) -> CueRule:
    cue = str(item["cue"])
    where = f"线索词表 {file} 中特征“{group}”的锚点“{cue}”"
    if not cue or cue[0] in _BAD_FIRST or cue[1:2] in ("?", "*", "{", "+"):
        raise UserError(f"{where}须以固定的字开头")
    if _top_level_bar(cue):
        raise UserError(f"{where}在分组外含有“|”，请拆成几条锚点或写成 (?:甲|乙)")
    try:
        pattern = re.compile(cue)
    except re.error as exc:
        raise UserError(f"{where}不是有效的正则表达式", str(exc)) from exc
    if pattern.groups:
        raise UserError(f"{where}含有捕获分组，请改用 (?: )")
    polarity = _POLARITIES.get(str(item.get("polarity", "positive")))
    if polarity is None:
        raise UserError(f"{where}的 polarity 只能是 positive 或 negative")

    def checks(key: str, anchor_end: bool) -> re.Pattern[str] | None:
        found = _as_list(spec.get(key)) + _as_list(item.get(key))
        if not found:
            return None
        body = "|".join(f"(?:{p})" for p in found)
        try:
            return re.compile(f"(?:{body})$" if anchor_end else f"(?:{body})")
        except re.error as exc:
            raise UserError(f"{where}的 {key} 不是有效的正则表达式", str(exc)) from exc

    literal = cue if re.escape(cue) == cue else None
    before = [checks(k, True) for k in ("negate_before", "void_before", "require_before")]
    after = [checks(k, False) for k in ("negate_after", "void_after")]
    return CueRule(
        group=group,
        cue=cue,
        head=cue[0],
        tail=cue[1:],
        polarity=polarity,
        value=_opt_str(item.get("value")),
        literal=literal,
        pattern=pattern,
        negate_before=before[0],
        negate_after=after[0],
        void_before=before[1],
        void_after=after[1],
        require_before=before[2],
        reach_before=_reach(before, _MAX_BEFORE),
        reach_after=_reach(after, _MAX_AFTER),
    )


def _reach(patterns: list[re.Pattern[str] | None], cap: int) -> int:
    """Return the longest text the patterns can match (capped), so checks read no further."""
    longest = 0
    for pattern in patterns:
        if pattern is None:
            continue
        try:
            width = int(_sre_parser.parse(pattern.pattern).getwidth()[1]) if _sre_parser else cap
        except Exception:
            width = cap
        longest = max(longest, min(width, cap))
    return longest


def _top_level_bar(cue: str) -> bool:
    """Return whether the regex has an alternation outside any group (到庭|出庭)."""
    depth, i, in_class = 0, 0, False
    while i < len(cue):
        ch = cue[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
        i += 1
    return False


def _mark_rule(group: str, mark: str) -> CueRule:
    """Return an internal one-character rule (元, 。) that needs no context checks."""
    if len(mark) != 1:
        raise UserError(f"线索词表 context.yaml 中的标志“{mark}”应是单个字符")
    return CueRule(
        group=group,
        cue=re.escape(mark),
        head=mark,
        tail="",
        polarity=True,
        value=None,
        literal=mark,
        pattern=re.compile(re.escape(mark)),
        negate_before=None,
        negate_after=None,
        void_before=None,
        void_after=None,
        require_before=None,
    )


def _literal_prefix(cue: str) -> str:
    """Return the fixed characters a cue starts with (before any regex syntax)."""
    for i, ch in enumerate(cue):
        if ch in _BAD_FIRST:
            # A quantifier makes the character before it optional.
            return cue[: i - 1] if ch in "?*{" else cue[:i]
    return cue


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value]
    raise UserError(f"线索词表中的语境检查应是字符串或字符串列表：{value}")


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)
