"""Loading the header-synonym and list-type lexicons shipped under resources/lexicons."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

CASE_FIELDS = (
    "case_no",
    "court",
    "cause",
    "procedure",
    "doc_type",
    "filing_date",
    "closing_date",
    "closing_method",
    "plaintiffs",
    "defendants",
    "third_parties",
    "agents",
    "claim_amount",
    "service_method",
    "judge",
    "full_text",
)
# Columns that are no case field of their own: one party per row (一案多行), with its role
# and ID beside it; they become parties of the case.
PARTY_ROW_FIELDS = ("party_name", "party_role", "party_id")
CASE_MAPPABLE = CASE_FIELDS + PARTY_ROW_FIELDS
LIST_FIELDS = (
    "name",
    "id_number",
    "birth_date",
    "gender",
    "event_date",
    "amount",
    "status",
    "address",
    "case_no",
)
LIST_TYPES = (
    "death_registry",
    "pension_payments",
    "drunk_driving_convictions",
    "driver_licences",
    "other",
)


def load_yaml(*parts: str) -> Any:
    """Return the parsed YAML file resources/<parts...>."""
    node = resources.files("resources")
    for part in parts:
        node = node / part
    return yaml.safe_load(node.read_text(encoding="utf-8"))


@cache
def header_synonyms() -> dict[str, dict[str, list[str]]]:
    data = load_yaml("lexicons", "header_synonyms.yaml")
    return {"cases": data["cases"], "lists": data["lists"]}


@cache
def header_exclusions() -> dict[str, frozenset[str]]:
    data = load_yaml("lexicons", "header_synonyms.yaml").get("exclude") or {}
    return {field: frozenset(words) for field, words in data.items()}


@dataclass(frozen=True)
class HeaderRules:
    """Headers kept as extra columns whatever their words: flags, and counts for name fields."""

    never_prefixes: tuple[str, ...]
    count_suffixes: tuple[str, ...]
    count_fields: frozenset[str]


@cache
def header_rules() -> HeaderRules:
    data = load_yaml("lexicons", "header_synonyms.yaml")
    return HeaderRules(
        never_prefixes=tuple(data.get("never_prefixes") or ()),
        count_suffixes=tuple(data.get("count_suffixes") or ()),
        count_fields=frozenset(data.get("count_fields") or ()),
    )


@cache
def field_labels() -> dict[str, str]:
    return dict(load_yaml("lexicons", "header_synonyms.yaml")["labels"])


@cache
def list_type_words() -> dict[str, dict[str, Any]]:
    return dict(load_yaml("lexicons", "list_types.yaml"))
