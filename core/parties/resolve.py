"""Resolve party mentions into entities: ID numbers, organisation names, evidence for people.

The rules, strongest first (each join also respects every user split):

1. user merges (``Override``), latest decision first;
2. the same valid ID number — whatever the spelling of the name;
3. organisations with the same name key (company-form variants such as 有限责任公司 /
   有限公司 collapse in the key);
4. people with the same name and the same birth date (from the list, or from the ID);
5. people with the same name and the same or a near address (house numbers must agree);
6. people with the same name in the same case (the party listed twice);
7. organisations whose names, without the company form, are near (rapidfuzz ratio ≥ 90),
   compared only inside blocks of first character + last four characters;
8. people known by name only (no ID, birth date or address): grouped by name *and role*
   over all the data resolved together. A county's judgments name the same plaintiff
   again and again (the professional-lender pattern) and nothing better is known, so
   the repeated plaintiff is taken as one person; a plaintiff and a defendant who only
   share a name are not. The reason says so, and a user split undoes it for good.

People are never joined on a near name: 王伟芳 and 王伟芳娜 are different people. Rules 4–8
never join two sides that carry different ID numbers or different birth dates, and rules
4–6 and 8 never join people whose addresses are all clearly different places.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date

from rapidfuzz import fuzz, process

from core.errors import CancelToken
from core.parties.assemble import assemble
from core.parties.clusters import Check, Clusters
from core.parties.institutions import FinancialLexicon
from core.parties.model import ORGANISATION, PERSON, Mention, Override, Resolution
from core.parties.similarity import (
    ADDRESS_DIFFER,
    ORG_NEAR,
    Place,
    compare_addresses,
    normalise_address,
    org_block,
    org_core,
    org_names_near,
)

_PERSON_CHECK = Check.ID_NUMBERS | Check.BIRTH_DATES | Check.ADDRESSES
# Blocks with more distinct addresses than this are pre-filtered in C with rapidfuzz.cdist.
_SMALL_BLOCK = 24

Progress = Callable[[float], None]


def resolve(
    mentions: Sequence[Mention],
    overrides: Sequence[Override] = (),
    *,
    lexicon: FinancialLexicon | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> Resolution:
    """Return the entities the mentions resolve to and one reasoned link per mention.

    The result does not depend on the order of ``mentions``: everything is processed by
    mention id. ``overrides`` are the user's decisions in the order they were made.
    """
    report = progress or (lambda _fraction: None)
    ordered = sorted(mentions, key=lambda m: m.id)
    index_of = {m.id: i for i, m in enumerate(ordered)}
    if len(index_of) != len(ordered):
        raise ValueError("mention ids must be unique")
    for m in ordered:
        if m.kind not in (PERSON, ORGANISATION):
            raise ValueError(f"mention {m.id} has unknown kind {m.kind!r}")

    is_person = [m.kind == PERSON for m in ordered]
    ids = [m.id_number.strip().upper() if m.id_number else None for m in ordered]
    births = [
        (m.birth_date or _birth_from_id(ids[i])) if is_person[i] else None
        for i, m in enumerate(ordered)
    ]
    addresses = [
        normalise_address(m.address) if is_person[i] else "" for i, m in enumerate(ordered)
    ]
    names = [_compact(m.name_key or m.name) for m in ordered]
    clusters = Clusters(ids, births, addresses)

    stages: list[Callable[[], None]] = [
        lambda: _same_id(clusters, ordered, ids),
        lambda: _same_org_key(clusters, ordered, names, is_person),
        lambda: _person_groups(clusters, _persons_by(ordered, is_person, names, births)),
        lambda: _person_addresses(clusters, names, is_person, addresses, cancel),
        lambda: _person_same_case(clusters, ordered, names, is_person),
        lambda: _org_near_names(clusters, names, is_person, cancel),
        lambda: _person_name_only(clusters, ordered, names, is_person, ids, births, addresses),
        lambda: _person_name_to_sole_known(clusters, ordered, names, is_person, ids, births, addresses),
    ]
    superseded, split_off = _apply_overrides(clusters, overrides, index_of)
    for step, stage in enumerate(stages):
        if cancel is not None:
            cancel.raise_if_cancelled()
        stage()
        report((step + 1) / (len(stages) + 1))
    result = assemble(ordered, clusters, ids, lexicon, superseded, split_off)
    report(1.0)
    return result


def _compact(name: str) -> str:
    return "".join(name.split())


def _birth_from_id(number: str | None) -> date | None:
    if not number or len(number) != 18 or not number[6:14].isdigit():
        return None
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def _apply_overrides(
    clusters: Clusters, overrides: Sequence[Override], index_of: dict[int, int]
) -> tuple[set[int], set[int]]:
    """Apply user decisions latest first; return superseded override positions and split-off mentions."""
    superseded: set[int] = set()
    split_off: set[int] = set()
    for k in reversed(range(len(overrides))):
        override = overrides[k]
        left = sorted({index_of[i] for i in override.mention_ids if i in index_of})
        if override.kind == "merge":
            if len(left) < 2 or not clusters.link_group(left, "用户合并", 1.0, Check.NONE):
                superseded.add(k)
            continue
        right = sorted({index_of[i] for i in override.apart_from if i in index_of})
        if not left or not right:
            superseded.add(k)
            continue
        # Tag every mention (no short-circuit): the parts a later merge allows still apply.
        placed = [clusters.tag(i, k, 1) for i in left] + [clusters.tag(i, k, 2) for i in right]
        if not all(placed):
            superseded.add(k)
        split_off.update(left)
    return superseded, split_off


def _groups(keys: Iterable[tuple[object, int]]) -> list[list[int]]:
    """Return the positions sharing a key, groups of two or more, in a deterministic order."""
    table: dict[object, list[int]] = defaultdict(list)
    for key, i in keys:
        table[key].append(i)
    return [members for members in table.values() if len(members) > 1]


def _same_id(clusters: Clusters, ordered: Sequence[Mention], ids: Sequence[str | None]) -> None:
    for members in _groups(((m.kind, ids[i]), i) for i, m in enumerate(ordered) if ids[i]):
        reason = "身份证号一致" if ordered[members[0]].kind == PERSON else "证件号码一致"
        clusters.link_group(members, reason, 1.0, Check.NONE)


def _same_org_key(
    clusters: Clusters, ordered: Sequence[Mention], names: Sequence[str], is_person: Sequence[bool]
) -> None:
    orgs = [i for i in range(len(ordered)) if not is_person[i]]
    for members in _groups((names[i], i) for i in orgs):
        by_spelling: dict[str, list[int]] = defaultdict(list)
        for i in members:
            by_spelling[_compact(ordered[i].name)].append(i)
        for same in by_spelling.values():
            if len(same) > 1:
                clusters.link_group(same, "名称相同", 1.0, Check.ID_NUMBERS)
        if len(by_spelling) < 2:
            continue
        cores = {org_core(spelling) for spelling in by_spelling}
        reason = "名称相同（公司形式变体）" if len(cores) == 1 else "名称相同（写法差异）"
        reps = _representatives(clusters, (i for same in by_spelling.values() for i in same))
        clusters.link_group(reps, reason, 1.0, Check.ID_NUMBERS)


def _persons_by(
    ordered: Sequence[Mention],
    is_person: Sequence[bool],
    names: Sequence[str],
    births: Sequence[date | None],
) -> list[list[int]]:
    return _groups(
        ((names[i], births[i]), i) for i in range(len(ordered)) if is_person[i] and births[i]
    )


def _person_groups(clusters: Clusters, groups: list[list[int]]) -> None:
    for members in groups:
        clusters.link_group(members, "姓名相同且出生日期一致", 0.95, _PERSON_CHECK)


def _representatives(clusters: Clusters, members: Iterable[int]) -> list[int]:
    """Return one position per distinct cluster among ``members``, in first-seen order."""
    seen: set[int] = set()
    reps: list[int] = []
    for i in members:
        root = clusters.find(i)
        if root not in seen:
            seen.add(root)
            reps.append(i)
    return reps


def _person_addresses(
    clusters: Clusters,
    names: Sequence[str],
    is_person: Sequence[bool],
    addresses: Sequence[str],
    cancel: CancelToken | None,
) -> None:
    blocks: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, address in enumerate(addresses):
        if is_person[i] and address:
            blocks[names[i]][address].append(i)
    for count, by_address in enumerate(blocks.values()):
        if cancel is not None and count % 2048 == 0:
            cancel.raise_if_cancelled()
        for members in by_address.values():
            if len(members) > 1:
                clusters.link_group(members, "姓名相同且住址相同", 1.0, _PERSON_CHECK)
        if len(by_address) < 2:
            continue
        unique = sorted(by_address)
        for score, a, b in _near_addresses(unique):
            reps = _representatives(clusters, by_address[unique[a]] + by_address[unique[b]])
            if len(reps) > 1:
                reason = f"姓名相同且住址相近({score:.2f})"
                clusters.link_group(reps, reason, round(score, 4), _PERSON_CHECK)


def _near_addresses(unique: Sequence[str]) -> list[tuple[float, int, int]]:
    """Return (similarity, i, j) for every pair of addresses that are the same place, best first."""
    if len(unique) <= _SMALL_BLOCK:
        candidates = [(a, b) for a in range(len(unique)) for b in range(a + 1, len(unique))]
    else:
        # Pairs below ADDRESS_DIFFER are clearly different places unless one contains the
        # other; such containment between very unequal lengths is missed in big blocks.
        matrix = process.cdist(
            unique, unique, scorer=fuzz.ratio, score_cutoff=ADDRESS_DIFFER * 100, workers=1
        )
        rows, cols = matrix.nonzero()
        candidates = [(int(a), int(b)) for a, b in zip(rows, cols, strict=True) if a < b]
    pairs: list[tuple[float, int, int]] = []
    for a, b in candidates:
        place, score = compare_addresses(unique[a], unique[b])
        if place is Place.SAME:
            pairs.append((score, a, b))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    return pairs


def _person_same_case(
    clusters: Clusters, ordered: Sequence[Mention], names: Sequence[str], is_person: Sequence[bool]
) -> None:
    keys = (((names[i], m.case_id), i) for i, m in enumerate(ordered) if is_person[i])
    for members in _groups(keys):
        clusters.link_group(members, "同一案件中姓名相同", 0.9, _PERSON_CHECK)


def _org_near_names(
    clusters: Clusters, names: Sequence[str], is_person: Sequence[bool], cancel: CancelToken | None
) -> None:
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, name in enumerate(names):
        if not is_person[i]:
            by_key[name].append(i)
    blocks: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key in sorted(by_key):
        core = org_core(key)
        if len(core) >= 4:
            blocks[org_block(core)].append((core, key))
    pairs: list[tuple[float, str, str]] = []
    for count, block in enumerate(blocks.values()):
        if cancel is not None and count % 4096 == 0:
            cancel.raise_if_cancelled()
        for a in range(len(block)):
            for b in range(a + 1, len(block)):
                score = org_names_near(block[a][0], block[b][0])
                if score >= ORG_NEAR:
                    pairs.append((score, block[a][1], block[b][1]))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    for score, a_key, b_key in pairs:
        reps = _representatives(clusters, by_key[a_key] + by_key[b_key])
        if len(reps) > 1:
            similarity = score / 100.0
            reason = f"名称相近({similarity:.2f})"
            clusters.link_group(reps, reason, round(similarity, 4), Check.ID_NUMBERS)


def _person_name_only(
    clusters: Clusters,
    ordered: Sequence[Mention],
    names: Sequence[str],
    is_person: Sequence[bool],
    ids: Sequence[str | None],
    births: Sequence[date | None],
    addresses: Sequence[str],
) -> None:
    bare = (
        ((names[i], m.role.strip()), i)
        for i, m in enumerate(ordered)
        if is_person[i] and not ids[i] and not births[i] and not addresses[i]
    )
    for members in _groups(bare):
        clusters.link_group(members, "姓名相同且诉讼地位相同（无身份信息）", 0.6, _PERSON_CHECK)


def _person_name_to_sole_known(
    clusters: Clusters,
    ordered: Sequence[Mention],
    names: Sequence[str],
    is_person: Sequence[bool],
    ids: Sequence[str | None],
    births: Sequence[date | None],
    addresses: Sequence[str],
) -> None:
    """Join name-only mentions to the one known person of that name in that role, if only one.

    A lender's suits often name the plaintiff with an ID number in some exports and without
    in others; when just one person of that name and role is known by ID, birth date or
    address, the bare mentions are taken to be that person (the reason says so). With two or
    more such persons nothing is joined: the bare mention could be any of them.
    """
    bare: dict[tuple[str, str], list[int]] = defaultdict(list)
    known: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, m in enumerate(ordered):
        if not is_person[i]:
            continue
        key = (names[i], m.role.strip())
        if ids[i] or births[i] or addresses[i]:
            known[key].append(i)
        else:
            bare[key].append(i)
    for key, members in bare.items():
        people = _representatives(clusters, known.get(key, ()))
        if len(people) != 1:
            continue
        reps = _representatives(clusters, [people[0], *members])
        if len(reps) > 1:
            clusters.link_group(reps, "姓名相同且诉讼地位相同（同名者中仅一人有身份信息）", 0.55, _PERSON_CHECK)
