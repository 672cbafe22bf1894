"""Reading the YAML lexicons under resources/lexicons that the normalisers use."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml


def load_lexicon(filename: str) -> dict[str, Any]:
    """Return the mapping stored in resources/lexicons/<filename> ({} if it is not one)."""
    text = (resources.files("resources") / "lexicons" / filename).read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(text, Loader=loader)
    return data if isinstance(data, dict) else {}


def string_list(data: dict[str, Any], key: str) -> list[str]:
    """Return data[key] as a list of non-empty strings (missing or null -> [])."""
    items = data.get(key) or []
    return [str(item) for item in items if item is not None and str(item)]
