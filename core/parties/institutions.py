"""Which organisations are financial institutions, from the user-editable lexicon."""

from __future__ import annotations

import functools
import importlib.resources
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from core.errors import UserError
from core.ingest.normalise.names import is_organisation

_SPACES = re.compile(r"\s+")
# Masks an excluded phrase; a character no name contains, so no keyword can match across it.
_MASK = "\x00"


@dataclass(frozen=True)
class InstitutionCategory:
    """One kind of financial institution: the words that name it and the words that do not."""

    kind: str
    keywords: tuple[str, ...]
    exclusions: tuple[str, ...] = ()
    licensed: bool = True

    def matches(self, compact_name: str) -> bool:
        """Return whether a keyword occurs outside every excluded phrase."""
        text = compact_name
        for phrase in self.exclusions:
            if phrase in text:
                text = text.replace(phrase, _MASK * len(phrase))
        return any(word in text for word in self.keywords)


@dataclass(frozen=True)
class FinancialLexicon:
    """The ordered categories of the lexicon; the first category that matches wins."""

    categories: tuple[InstitutionCategory, ...]

    @functools.cached_property
    def _any_keyword(self) -> re.Pattern[str]:
        words = {w for c in self.categories for w in c.keywords}
        return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))

    def category_of(self, name: str) -> InstitutionCategory | None:
        """Return the first category whose keywords the name contains, or None."""
        compact = _SPACES.sub("", name)
        # Most names contain no keyword at all: one scan rules them out.
        if not compact or not self._any_keyword.search(compact):
            return None
        for category in self.categories:
            if category.matches(compact):
                return category
        return None


def load_lexicon(path: Path | None = None) -> FinancialLexicon:
    """Read a financial-institution lexicon; the bundled one when no path is given."""
    if path is None:
        return _bundled_lexicon()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UserError(f"无法读取金融机构名录：{path}", str(exc)) from exc
    return parse_lexicon(text, source=str(path))


def parse_lexicon(text: str, source: str = "金融机构名录") -> FinancialLexicon:
    """Parse the YAML text of a lexicon, refusing malformed entries with a Chinese message."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise UserError(f"{source} 不是有效的 YAML 文件", str(exc)) from exc
    entries = data.get("categories") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise UserError(f"{source} 缺少 categories 列表")
    return FinancialLexicon(tuple(_category(entry, i, source) for i, entry in enumerate(entries)))


def _category(entry: Any, index: int, source: str) -> InstitutionCategory:
    where = f"{source} 第 {index + 1} 类"
    if not isinstance(entry, dict):
        raise UserError(f"{where} 格式有误：应为包含 kind 和 keywords 的条目")
    kind = entry.get("kind")
    if not isinstance(kind, str) or not kind.strip():
        raise UserError(f"{where} 缺少类别名称 kind")
    keywords = _words(entry.get("keywords"), f"{where}（{kind}）的 keywords")
    if not keywords:
        raise UserError(f"{where}（{kind}）没有关键词")
    exclusions = _words(entry.get("exclusions", []), f"{where}（{kind}）的 exclusions")
    licensed = entry.get("licensed", True)
    if not isinstance(licensed, bool):
        raise UserError(f"{where}（{kind}）的 licensed 应为 true 或 false")
    return InstitutionCategory(kind.strip(), keywords, exclusions, licensed)


def _words(value: Any, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise UserError(f"{what} 应为词语列表")
    words = (_SPACES.sub("", str(v)) for v in value)
    return tuple(w for w in words if w)


@functools.cache
def _bundled_lexicon() -> FinancialLexicon:
    resource = importlib.resources.files("resources") / "lexicons" / "financial_institutions.yaml"
    return parse_lexicon(resource.read_text(encoding="utf-8"), source="内置金融机构名录")


def financial_kind(
    name: str, *, kind: str | None = None, lexicon: FinancialLexicon | None = None
) -> str | None:
    """Return the institution kind (e.g. "银行") an organisation's name shows, else None.

    Only organisations can be institutions: pass the mention's ``kind`` ("person" is never
    an institution); without it the name decides (organisation marker, or five or more
    characters without a middle dot).
    """
    category = _category_for(name, kind, lexicon)
    return category.kind if category else None


def is_licensed_financial(
    name: str, *, kind: str | None = None, lexicon: FinancialLexicon | None = None
) -> bool:
    """Return whether the name is a licensed financial institution (excluded as a lender)."""
    category = _category_for(name, kind, lexicon)
    return category is not None and category.licensed


def _category_for(
    name: str, kind: str | None, lexicon: FinancialLexicon | None
) -> InstitutionCategory | None:
    if kind == "person" or (kind is None and not _looks_organisation(name)):
        return None
    return (lexicon or _bundled_lexicon()).category_of(name)


def _looks_organisation(name: str) -> bool:
    # Person names run to four characters, longer only with a middle dot (阿卜杜拉·买买提);
    # a longer name is an organisation's even when it ends in a word the marker list lacks.
    compact = _SPACES.sub("", name)
    return is_organisation(compact) or (len(compact) >= 5 and "·" not in compact)
