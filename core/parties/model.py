"""The records party resolution reads (mentions, user overrides) and gives back (entities, links)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

PERSON = "person"
ORGANISATION = "organisation"


@dataclass(frozen=True)
class Mention:
    """One party as it appears in one case or list row, already cleaned at import."""

    id: int
    name: str  # cleaned display form
    name_key: str  # comparison key: company-form variants collapsed
    kind: str  # "person" | "organisation"
    id_number: str | None  # normalised valid 18-character number, or None
    address: str | None
    birth_date: date | None
    role: str  # e.g. "plaintiff", "defendant"; name-only persons are grouped within a role
    case_id: int
    case_date: date | None


@dataclass(frozen=True)
class Override:
    """A user's decision, stored by mention ids and re-applied on every resolution run.

    ``merge``: every mention in ``mention_ids`` ends up in one entity, together with all
    the mentions the rules link to any of them (merging two entities = listing at least
    one mention of each). ``apart_from`` must be empty.

    ``split``: no mention in ``mention_ids`` shares an entity with any mention in
    ``apart_from`` — not directly, not through a chain of other mentions. Neither side is
    forced together; within a side the rules decide as usual (add a merge for that).
    Splitting an entity = ``mention_ids`` the mentions taken out, ``apart_from`` the rest.

    Overrides are applied in sequence order, later decisions winning: an earlier merge is
    not carried out across a later split, and an earlier split does not separate mentions
    a later merge joined. Mention ids missing from the input (deleted data) are skipped.
    New mentions added by a re-import are linked by the rules but can never bridge a split.
    """

    kind: Literal["merge", "split"]
    mention_ids: tuple[int, ...]
    apart_from: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        if self.kind == "merge":
            if self.apart_from:
                raise ValueError("a merge override takes no apart_from ids")
            if len(set(self.mention_ids)) < 2:
                raise ValueError("a merge override needs at least two mention ids")
        elif self.kind == "split":
            if not self.mention_ids or not self.apart_from:
                raise ValueError("a split override needs mention_ids and apart_from")
            if set(self.mention_ids) & set(self.apart_from):
                raise ValueError("a mention cannot be split from itself")
        else:
            raise ValueError(f"unknown override kind: {self.kind!r}")


@dataclass(frozen=True)
class Entity:
    """A resolved party: the mentions taken to be one person or one organisation."""

    key: str  # stable id: "id:<number>", "org:<name key>" or "person:<name>#<first mention id>"
    display_name: str
    kind: str
    id_number: str | None
    is_financial: bool  # a licensed financial institution (organisations only)
    financial_kind: str | None  # the lexicon category, e.g. "银行"; may be unlicensed ("担保")
    mention_ids: tuple[int, ...]
    names: tuple[str, ...]  # every distinct spelling seen, most frequent first


@dataclass(frozen=True)
class Link:
    """Why one mention belongs to its entity: a Chinese reason and a 0–1 score."""

    mention_id: int
    entity_key: str
    reason: str
    score: float


@dataclass(frozen=True)
class Resolution:
    """All entities (sorted by key), one link per mention (sorted by mention id)."""

    entities: tuple[Entity, ...]
    links: tuple[Link, ...]
    # Positions in the overrides sequence that a later decision overrode in whole or part,
    # or that named no mention present in the input any more.
    superseded_overrides: tuple[int, ...] = ()

    def entity_key_by_mention(self) -> dict[int, str]:
        """Return a map from each mention id to the key of its entity."""
        return {link.mention_id: link.entity_key for link in self.links}
