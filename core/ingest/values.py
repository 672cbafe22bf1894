"""Canonical values for coded fields (closing method, service method, gender, licence status)."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from core.ingest.lexicon import load_yaml

_SPECIAL_KEYS = ("negated", "licence_status")
_CODES_RE = re.compile(r"[A-Za-z](?:\s*[,，、/]\s*[A-Za-z])*")


@cache
def _data() -> dict[str, Any]:
    return dict(load_yaml("lexicons", "field_values.yaml"))


@cache
def _table() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    return {
        field: [(canon, tuple(words)) for canon, words in spec.items()]
        for field, spec in _data().items()
        if field not in _SPECIAL_KEYS
    }


@cache
def _negated() -> dict[str, tuple[str, ...]]:
    # Longest first, so 未达成调解 goes before 未调解 could leave a stray 达成.
    return {field: tuple(sorted(words, key=len, reverse=True))
            for field, words in _data().get("negated", {}).items()}


@lru_cache(maxsize=4096)
def canonical_value(field: str, value: str) -> str | None:
    """Return the canonical value of ``field`` for the raw text, or the text when unknown."""
    if not value:
        return None
    if field == "gender":
        key = value.strip().upper()
        return next((canon for canon, words in _table()["gender"] if key in words), None)
    text = value
    for phrase in _negated().get(field, ()):
        text = text.replace(phrase, "")
    for canon, words in _table().get(field, []):
        if any(w in text for w in words):
            return canon
    return value


@lru_cache(maxsize=1024)
def licence_status(value: str) -> str | None:
    """Return a driving-licence status with its codes spelt out: "A" -> "正常（A）"."""
    text = value.strip()
    if not text:
        return None
    if _CODES_RE.fullmatch(text) is None:
        return text
    names = _data().get("licence_status", {})
    codes = re.findall(r"[A-Za-z]", text.upper())
    return "、".join(f"{names[c]}（{c}）" if c in names else c for c in codes)
