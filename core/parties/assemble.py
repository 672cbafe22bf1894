"""Turn resolved clusters into entities with stable keys, and mentions into reasoned links."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from core.parties.clusters import Clusters
from core.parties.institutions import FinancialLexicon, InstitutionCategory, load_lexicon
from core.parties.model import ORGANISATION, PERSON, Entity, Link, Mention, Resolution

SINGLE = "单独实体"
USER_SPLIT = "用户拆分"


def assemble(
    ordered: Sequence[Mention],
    clusters: Clusters,
    ids: Sequence[str | None],
    lexicon: FinancialLexicon | None,
    superseded: set[int],
    split_off: set[int],
) -> Resolution:
    """Return the resolution: entities sorted by key, links sorted by mention id.

    Keys are stable across re-runs: "id:<number>" for anyone with an ID number,
    "org:<name key>" for an organisation, "person:<name>#<id of its first mention>" for a
    person without one. When a user split leaves two entities with the same base key, the
    one not split off keeps it (the earliest, if several) and the others get
    "#<first mention id>".
    """
    lex = lexicon or load_lexicon()
    category_cache: dict[str, InstitutionCategory | None] = {}
    # A base key goes to the earliest cluster not split off by the user, so the main
    # entity keeps its key when a user takes mentions out of it.
    groups = sorted(
        clusters.groups().values(),
        key=lambda members: (any(i in split_off for i in members), members[0]),
    )
    taken: set[str] = set()
    entities: list[Entity] = []
    key_of = [""] * len(ordered)
    for members in groups:
        entity = _entity(ordered, members, ids, lex, category_cache, taken)
        taken.add(entity.key)
        entities.append(entity)
        for i in members:
            key_of[i] = entity.key
    links = [_link(i, m, key_of[i], clusters, split_off) for i, m in enumerate(ordered)]
    entities.sort(key=lambda e: e.key)
    return Resolution(tuple(entities), tuple(links), tuple(sorted(superseded)))


def _entity(
    ordered: Sequence[Mention],
    members: Sequence[int],
    ids: Sequence[str | None],
    lex: FinancialLexicon,
    category_cache: dict[str, InstitutionCategory | None],
    taken: set[str],
) -> Entity:
    mentions = [ordered[i] for i in members]
    if len(mentions) == 1:
        kind = mentions[0].kind
    else:
        kinds = Counter(m.kind for m in mentions)
        # A user may merge a person with a firm; the majority decides, ties go to the firm.
        kind = ORGANISATION if kinds[ORGANISATION] >= kinds[PERSON] else PERSON
    names = _by_frequency(m.name for m in mentions)
    numbers = sorted({n for i in members if (n := ids[i])})
    first_id = mentions[0].id
    if numbers:
        base = f"id:{numbers[0]}"
    elif kind == ORGANISATION:
        base = "org:" + _by_frequency(m.name_key or m.name for m in mentions)[0]
    else:
        base = f"person:{''.join(names[0].split())}#{first_id}"
    key = base if base not in taken else f"{base}#{first_id}"
    category = None
    if kind == ORGANISATION:
        for name in names:
            if name not in category_cache:
                category_cache[name] = lex.category_of(name)
            category = category_cache[name]
            if category is not None:
                break
    return Entity(
        key=key,
        display_name=names[0],
        kind=kind,
        id_number=numbers[0] if numbers else None,
        is_financial=category is not None and category.licensed,
        financial_kind=category.kind if category else None,
        mention_ids=tuple(m.id for m in mentions),
        names=tuple(names),
    )


def _by_frequency(values: Iterable[str]) -> list[str]:
    """Return distinct values, most frequent first, ties in order of first appearance."""
    values = list(values)
    if len(values) == 1:
        return values
    counts = Counter(values)  # keeps first-seen order; mentions come sorted by id
    return sorted(counts, key=lambda v: -counts[v])


def _link(i: int, mention: Mention, key: str, clusters: Clusters, split_off: set[int]) -> Link:
    reason = clusters.reasons[i]
    score = clusters.scores[i] if reason else 1.0
    text = reason or SINGLE
    if i in split_off:
        text = USER_SPLIT if reason is None else f"{USER_SPLIT}；{reason}"
    return Link(mention_id=mention.id, entity_key=key, reason=text, score=score)
