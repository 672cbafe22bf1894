"""Canonical values for coded fields (closing method, service method, gender)."""

from __future__ import annotations

from functools import cache, lru_cache

from core.ingest.lexicon import load_yaml


@cache
def _table() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    data = load_yaml("lexicons", "field_values.yaml")
    return {
        field: [(canon, tuple(words)) for canon, words in spec.items()]
        for field, spec in data.items()
    }


@lru_cache(maxsize=4096)
def canonical_value(field: str, value: str) -> str | None:
    """Return the canonical value of ``field`` for the raw text, or the text when unknown."""
    if not value:
        return None
    for canon, words in _table().get(field, []):
        if field == "gender":
            if value.strip().upper() in words:
                return canon
            continue
        if any(w in value for w in words):
            return canon
    return value if field != "gender" else None
