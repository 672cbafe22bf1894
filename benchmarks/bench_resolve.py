"""Time party resolution on generated mentions with planted variants, against naive fuzzy matching.

    python benchmarks/bench_resolve.py [--mentions 150000] [--sample 4000] [--seed 7]

Mentions come from invented people and firms (tools.demogen word pools) with planted
variants: spaced names, company-form variants, a dropped 市, misspelt names sharing an
ID number, address prefixes, and namesakes with different ID numbers or addresses.
Precision and recall are over pairs of mentions of the same true party. The baseline
merges names whose rapidfuzz ratio is ≥ 90 over all pairs (no blocking, no ID numbers),
timed on a sample of distinct names and extrapolated quadratically to the full set.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rapidfuzz import fuzz, process

from benchmarks._util import print_table
from core.ingest.normalise.names import clean_name, is_organisation, name_key
from core.parties.model import Mention
from core.parties.resolve import resolve
from tools.demogen import pools
from tools.demogen.idcards import make_id

COUNTIES = ("义乌市", "东阳市", "永康市", "兰溪市", "浦江县", "武义县", "磐安县")
ROLES = ("plaintiff", "defendant", "third_party")


@dataclass
class Generated:
    mentions: list[Mention] = field(default_factory=list)
    truth: list[int] = field(default_factory=list)  # true party per mention
    planted: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: defaultdict(list))
    apart: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: defaultdict(list))


class Generator:
    """Invented parties and their mentions; every planted pair is recorded for scoring."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.out = Generated()
        self.case = 0
        self.numbers: set[str] = set()
        surnames, weights = zip(*pools.SURNAMES, strict=True)
        self.surnames, self.surname_weights = list(surnames), list(weights)

    def person_name(self) -> str:
        r = self.rng
        female = r.random() < 0.5
        if r.random() < 0.3:
            given = r.choice(pools.COMMON_FEMALE_GIVEN if female else pools.COMMON_MALE_GIVEN)
        else:
            chars = pools.FEMALE_CHARS if female else pools.MALE_CHARS
            given = "".join(r.choice(chars) for _ in range(r.choice((1, 2, 2, 2))))
        return r.choices(self.surnames, self.surname_weights)[0] + given

    def address(self) -> str:
        r = self.rng
        town = r.choice(pools.TOWNS)
        if r.random() < 0.5:
            village = r.choice(pools.VILLAGE_HEADS) + r.choice(pools.VILLAGE_CORES) + "村"
            return f"{r.choice(COUNTIES)}{town}{village}{r.randint(1, 120)}号"
        return f"{r.choice(COUNTIES)}{town}{r.choice(pools.ROADS)}{r.randint(1, 400)}号"

    def emit(self, truth: int, name: str, kind: str, **fields: object) -> int:
        cleaned = clean_name(name)
        self.case += 1
        mention_id = len(self.out.mentions) + 1
        self.out.mentions.append(
            Mention(
                id=mention_id,
                name=cleaned,
                name_key=name_key(cleaned),
                kind=kind,
                id_number=fields.get("id_number"),  # type: ignore[arg-type]
                address=fields.get("address"),  # type: ignore[arg-type]
                birth_date=fields.get("birth_date"),  # type: ignore[arg-type]
                role=str(fields.get("role", "plaintiff")),
                case_id=self.case,
                case_date=None,
            )
        )
        self.out.truth.append(truth)
        return mention_id

    def person(self, truth: int, name: str, count: int) -> list[int]:
        """Emit ``count`` mentions of one person, each with some of its identifying details."""
        r = self.rng
        while True:  # one person, one ID number
            birth = date(1950, 1, 1) + timedelta(days=r.randint(0, 365 * 50))
            number = make_id("330782", birth, r.randint(0, 999))
            if number not in self.numbers:
                self.numbers.add(number)
                break
        address = self.address()
        role = r.choice(ROLES)
        ids: list[int] = []
        for _ in range(count):
            x = r.random()
            fields: dict[str, object] = {"role": role if r.random() < 0.85 else r.choice(ROLES)}
            if x < 0.55:
                fields["id_number"] = number
                if r.random() < 0.3:
                    fields["address"] = address
            elif x < 0.8:
                prefix = r.choice(("", "", "浙江省", "浙江省金华市"))
                fields["address"] = prefix + address
            elif x < 0.9:
                fields["birth_date"] = birth
            else:
                fields["role"] = role  # name only: known by name and role
            ids.append(self.emit(truth, name, "person", **fields))
        # Planted: the name spaced out, and misspelt, each with the ID number.
        with_id = next((i for i in ids if self.out.mentions[i - 1].id_number), None)
        if with_id is None:
            with_id = self.emit(truth, name, "person", id_number=number, role=role)
        spaced = name[0] + "\u3000" + name[1:]
        self.out.planted["人名含空格（同身份证号）"].append(
            (with_id, self.emit(truth, spaced, "person", id_number=number, role=role))
        )
        if r.random() < 0.1:
            typo = name[:-1] + r.choice(pools.MALE_CHARS)
            if typo != name:
                self.out.planted["姓名错写（同身份证号）"].append(
                    (with_id, self.emit(truth, typo, "person", id_number=number, role=role))
                )
        if r.random() < 0.2:
            self.out.planted["住址省市前缀不同"].append(
                (
                    self.emit(truth, name, "person", address=address, role=role),
                    self.emit(truth, name, "person", address="浙江省" + address, role=role),
                )
            )
        return ids

    def firm(self, truth: int, name: str, count: int) -> list[int]:
        """Emit ``count`` mentions of one organisation with company-form and 市 variants."""
        r = self.rng
        ids = [self.emit(truth, name, "organisation", role=r.choice(ROLES)) for _ in range(count)]
        if "有限公司" in name and "股份" not in name and r.random() < 0.5:
            variant = name.replace("有限公司", "有限责任公司")
            self.out.planted["公司形式变体"].append(
                (ids[0], self.emit(truth, variant, "organisation", role="defendant"))
            )
        if name[2] == "市" and r.random() < 0.2:
            self.out.planted["公司名省略“市”"].append(
                (ids[0], self.emit(truth, name[:2] + name[3:], "organisation", role="defendant"))
            )
        if r.random() < 0.2:
            spaced = name[:3] + " " + name[3:]
            self.out.planted["公司名含空格"].append(
                (ids[0], self.emit(truth, spaced, "organisation", role="defendant"))
            )
        return ids


def generate(total: int, seed: int) -> Generated:
    """Return about ``total`` mentions: 60 % of people, 40 % of organisations."""
    g = Generator(seed)
    r = g.rng
    truth = 0
    institutions = [
        t.format(county=c, city="金华市", short=c[:2])
        for c in COUNTIES
        for t in (*pools.BANKS, *pools.INSURERS)
    ]
    for name in sorted(set(institutions)):
        truth += 1
        g.firm(truth, name, r.randint(20, 200))
    cores: set[str] = set()
    people: list[tuple[int, str, list[int]]] = []
    while len(g.out.mentions) < total:
        truth += 1
        if r.random() < 0.6:
            name = g.person_name()
            count = r.randint(15, 40) if r.random() < 0.01 else r.choice((1, 1, 2, 2, 3, 4, 6))
            ids = g.person(truth, name, count)
            people.append((truth, name, ids))
            if r.random() < 0.05 and len(people) > 1:
                # Planted namesake: same name, different ID number, birth date and address.
                truth += 1
                twin = g.person(truth, name, 2)
                g.out.apart["同名不同人（身份证号、住址均不同）"].append((ids[0], twin[0]))
        else:
            brand = r.choice(pools.FIRM_WORDS) if r.random() < 0.4 else g.person_name()[-2:]
            core = r.choice(COUNTIES) + brand + r.choice(pools.INDUSTRIES)
            if core in cores or len(brand) < 2:
                continue
            cores.add(core)
            suffix = r.choices(*zip(*pools.COMPANY_SUFFIXES, strict=True))[0]
            g.firm(truth, core + suffix, r.choice((1, 1, 2, 3, 5, 8)))
    return g.out


def pair_scores(truth: list[int], predicted: list[object]) -> tuple[float, float]:
    """Return pairwise (precision, recall) of a clustering against the true parties."""

    def pairs(counts: Counter[object]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    both = pairs(Counter(zip(truth, predicted, strict=True)))
    found = pairs(Counter(predicted))
    real = pairs(Counter(truth))
    return (both / found if found else 1.0), (both / real if real else 1.0)


def naive_fuzzy(names: list[str]) -> tuple[float, dict[str, int]]:
    """Return the seconds for all-pairs ratio ≥ 90 over distinct names, and name -> cluster."""
    unique = sorted(set(names))
    started = time.perf_counter()
    matrix = process.cdist(unique, unique, scorer=fuzz.ratio, score_cutoff=90, workers=-1)
    seconds = time.perf_counter() - started
    parent = list(range(len(unique)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    rows, cols = matrix.nonzero()
    for a, b in zip(rows.tolist(), cols.tolist(), strict=True):
        parent[find(a)] = find(b)
    return seconds, {name: find(i) for i, name in enumerate(unique)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=150_000)
    parser.add_argument("--sample", type=int, default=4000, help="distinct names for the baseline")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    started = time.perf_counter()
    data = generate(args.mentions, args.seed)
    mentions = data.mentions
    print(f"generated {len(mentions):,} mentions in {time.perf_counter() - started:.1f} s")
    wrongly_kinded = sum((m.kind == "organisation") != is_organisation(m.name) for m in mentions)

    started = time.perf_counter()
    result = resolve(mentions)
    ours = time.perf_counter() - started
    key_of = result.entity_key_by_mention()
    predicted: list[object] = [key_of[m.id] for m in mentions]
    precision, recall = pair_scores(data.truth, predicted)

    # Baseline on a sample of distinct names, scored on the mentions carrying them.
    rng = random.Random(args.seed)
    all_names = sorted({m.name for m in mentions})
    sample = set(rng.sample(all_names, min(args.sample, len(all_names))))
    chosen = [i for i, m in enumerate(mentions) if m.name in sample]
    seconds, cluster = naive_fuzzy(sorted(sample))
    naive_full = seconds * (len(all_names) / len(sample)) ** 2
    sub_truth = [data.truth[i] for i in chosen]
    base_p, base_r = pair_scores(sub_truth, [cluster[mentions[i].name] for i in chosen])
    ours_p, ours_r = pair_scores(sub_truth, [predicted[i] for i in chosen])

    print(
        f"\n{len(mentions):,} mentions, {len(all_names):,} distinct names, "
        f"{len(set(data.truth)):,} true parties, {len(result.entities):,} entities; "
        f"kind disagreeing with is_organisation: {wrongly_kinded}\n"
    )
    print_table(
        ["method", "mentions", "seconds", "pair precision", "pair recall"],
        [
            ["resolve()", f"{len(mentions):,}", f"{ours:.2f}", f"{precision:.4f}", f"{recall:.4f}"],
            [
                "resolve(), sample mentions",
                f"{len(chosen):,}",
                "-",
                f"{ours_p:.4f}",
                f"{ours_r:.4f}",
            ],
            [
                f"naive all-pairs fuzzy, {len(sample):,} names",
                f"{len(chosen):,}",
                f"{seconds:.2f}",
                f"{base_p:.4f}",
                f"{base_r:.4f}",
            ],
            [
                f"naive, extrapolated to {len(all_names):,} names",
                f"{len(mentions):,}",
                f"{naive_full:.0f}",
                "-",
                "-",
            ],
        ],
    )
    print()
    rows = []
    for label, pairs in sorted(data.planted.items()):
        hit = sum(key_of[a] == key_of[b] for a, b in pairs)
        rows.append([label, "should merge", len(pairs), hit, f"{hit / len(pairs):.4f}"])
    for label, pairs in sorted(data.apart.items()):
        hit = sum(key_of[a] == key_of[b] for a, b in pairs)
        rows.append([label, "must stay apart", len(pairs), hit, f"{hit / len(pairs):.4f}"])
    print_table(["planted variant", "expected", "pairs", "merged", "rate"], rows)


if __name__ == "__main__":
    main()
