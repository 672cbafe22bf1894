"""A pool of fake people and firms, with per-role counters that keep background data tame."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from tools.demogen import pools
from tools.demogen.fast import Weighted, pick
from tools.demogen.idcards import id_check_digit, make_credit_code
from tools.demogen.records import Party

_SURNAME_MIX = Weighted(pools.SURNAMES)
_SUFFIX_MIX = Weighted(pools.COMPANY_SUFFIXES)


_YEAR_START = {y: date(y, 1, 1).toordinal() for y in range(1900, 2031)}


def _year_start(year: int) -> int:
    return _YEAR_START.get(year) or date(year, 1, 1).toordinal()


@dataclass(frozen=True, slots=True)
class Person:
    """A natural person: the truth that parties and list rows are drawn from."""

    name: str
    id_number: str
    gender: str
    birth_date: date
    address: str
    village: str


@dataclass(frozen=True, slots=True)
class Firm:
    """A company, shop or institution."""

    name: str
    credit_code: str
    address: str
    representative: str
    kind: str


@dataclass(frozen=True, slots=True)
class Place:
    """A county the pool draws local people from."""

    county: str
    region: str
    province: str
    city: str


def place_for(court: str, court_code: str) -> Place:
    """Return the county behind a court name and code (示例县人民法院, 浙0799)."""
    county = court.removesuffix("人民法院")
    prov_code, province = pools.PROVINCE_BY_CHAR.get(court_code[:1], ("33", "浙江省"))
    return Place(county, prov_code + court_code[1:5], province, "示例市")


@dataclass
class PersonPool:
    """Makes people and firms, and remembers who played which role how often."""

    rng: random.Random
    persons: list[Person] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    names: dict[str, int] = field(default_factory=dict)
    reserved_names: set[str] = field(default_factory=set)
    blocked: set[str] = field(default_factory=set)
    role_count: dict[tuple[str, str], int] = field(default_factory=dict)
    role_name_count: dict[tuple[str, str], int] = field(default_factory=dict)
    reusable: dict[str, list[Person]] = field(default_factory=dict)
    firms: dict[str, list[Firm]] = field(default_factory=dict)
    _institutions: dict[tuple[str, str], list[Firm]] = field(default_factory=dict)
    _staff: dict[str, list[str]] = field(default_factory=dict)
    _lawyers: dict[str, list[Party]] = field(default_factory=dict)
    _serial: int = 0

    # ---- people -------------------------------------------------------------------
    def new_person(
        self,
        place: Place,
        *,
        gender: str | None = None,
        born: tuple[int, int] = (1955, 2002),
        local_p: float = 0.85,
        surname: str | None = None,
        village: str | None = None,
        address: str | None = None,
        unique_name: bool = False,
    ) -> Person:
        """Return a new person with a valid, unused ID number."""
        r = self.rng.random
        if gender is None:
            gender = "男" if r() < 0.55 else "女"
        lo = _year_start(born[0])
        birth = date.fromordinal(lo + int(r() * (_year_start(born[1] + 1) - lo)))
        names = self.names
        reserved = self.reserved_names
        for _ in range(20):
            name = (surname or _SURNAME_MIX.draw(self.rng)) + self._given(gender, birth.year)
            if name not in reserved and not (unique_name and name in names):
                break
        if r() < local_p:
            region = place.region
            if address is None:
                village, address = self._local_address(place, village)
        else:
            region, prefix = pick(self.rng, pools.MIGRANT_REGIONS)
            if address is None:
                village = pick(self.rng, pools.MIGRANT_TOWNS) + self._village()
                address = f"{prefix}{village}{1 + int(r() * 120)}号"
        head = f"{region}{birth.year}{birth.month:02d}{birth.day:02d}"
        odd = 1 if gender == "男" else 0
        while True:
            first17 = f"{head}{int(r() * 500) * 2 + odd:03d}"
            id_number = first17 + id_check_digit(first17)
            if id_number not in self.ids:
                break
        self.ids.add(id_number)
        names[name] = names.get(name, 0) + 1
        person = Person(name, id_number, gender, birth, address, village or address)
        self.persons.append(person)
        return person

    def _given(self, gender: str, year: int) -> str:
        r = self.rng.random
        male = gender == "男"
        roll = r()
        if roll < 0.12:
            common = pools.COMMON_MALE_GIVEN if male else pools.COMMON_FEMALE_GIVEN
            return common[int(r() * len(common))]
        chars = pools.MALE_CHARS if male else pools.FEMALE_CHARS
        n = len(chars)
        if year < 1965 and r() < 0.5:
            old = pools.OLD_MALE_CHARS if male else pools.OLD_FEMALE_CHARS
            return chars[int(r() * n)] + old[int(r() * len(old))]
        if roll < 0.25:
            return chars[int(r() * n)]
        return chars[int(r() * n)] + chars[int(r() * n)]

    def _village(self) -> str:
        r = self.rng.random
        heads, cores = pools.VILLAGE_HEADS, pools.VILLAGE_CORES
        return heads[int(r() * len(heads))] + cores[int(r() * len(cores))] + "村"

    def _local_address(
        self, place: Place, village: str | None, urban: float = 0.35
    ) -> tuple[str, str]:
        rng = self.rng
        r = rng.random
        head = f"{place.province}{place.county}"
        if village is None and r() < urban:
            street = pick(rng, pools.STREETS)
            compound = pick(rng, pools.COMPOUND_HEADS) + pick(rng, pools.COMPOUND_TAILS)
            where = f"{street}{pick(rng, pools.ROADS)}{1 + int(r() * 399)}号{compound}"
            room = (
                f"{1 + int(r() * 30)}幢{1 + int(r() * 4)}单元"
                f"{1 + int(r() * 26)}0{1 + int(r() * 4)}室"
            )
            return f"{place.county}{street}{compound}", head + where + room
        if village is None:
            village = f"{place.county}{pick(rng, pools.TOWNS)}{self._village()}"
        where = village.removeprefix(place.county)
        return village, f"{head}{where}{1 + int(r() * 300)}号"

    def pick(
        self,
        role: str,
        place: Place,
        *,
        reuse_p: float = 0.0,
        cap: int = 1,
        name_cap: int = 99,
        **new_kwargs: object,
    ) -> Person:
        """Return a person for a role: sometimes one who played it before (below ``cap``).

        ``name_cap`` bounds how often one *name* plays the role, so namesakes cannot add
        up to a pattern a name-only rule would flag.
        """
        rng = self.rng
        candidates = self.reusable.get(role)
        if candidates and rng.random() < reuse_p:
            for _ in range(4):
                p = pick(rng, candidates)
                if (
                    p.id_number not in self.blocked
                    and self.role_count.get((role, p.id_number), 0) < cap
                    and self.role_name_count.get((role, p.name), 0) < name_cap
                ):
                    self.note(role, p, cap=cap)
                    return p
        for _ in range(30):
            p = self.new_person(place, **new_kwargs)  # type: ignore[arg-type]
            if self.role_name_count.get((role, p.name), 0) < name_cap:
                break
        self.note(role, p, cap=cap)
        return p

    def note(self, role: str, person: Person, *, cap: int = 1) -> None:
        """Count one more appearance of ``person`` in ``role``."""
        key = (role, person.id_number)
        n = self.role_count.get(key, 0) + 1
        self.role_count[key] = n
        nkey = (role, person.name)
        self.role_name_count[nkey] = self.role_name_count.get(nkey, 0) + 1
        if n == 1 and n < cap:
            self.reusable.setdefault(role, []).append(person)

    def block(self, person: Person, *, reserve_name: bool = False) -> None:
        """Never hand this person out again for reuse (and, optionally, nobody with the name)."""
        self.blocked.add(person.id_number)
        if reserve_name:
            self.reserved_names.add(person.name)

    # ---- firms --------------------------------------------------------------------
    def firm(self, place: Place, *, reuse_p: float = 0.3, kind: str = "company") -> Firm:
        """Return a company (or a shop when ``kind`` is "business") of the county."""
        rng = self.rng
        key = f"{place.county}:{kind}"
        existing = self.firms.setdefault(key, [])
        if existing and rng.random() < reuse_p:
            return pick(rng, existing)
        word = pick(rng, pools.FIRM_WORDS)
        if kind == "business":
            town = pick(rng, pools.TOWNS)
            name = f"{place.county}{town}{word}{pick(rng, pools.SHOP_KINDS)}"
        else:
            head = pick(rng, (place.county, place.county, "浙江", place.county[:2]))
            suffix = _SUFFIX_MIX.draw(rng)
            name = f"{head}{word}{pick(rng, pools.INDUSTRIES)}{suffix}"
        firm = self._make_firm(place, name, kind)
        existing.append(firm)
        return firm

    def _make_firm(self, place: Place, name: str, kind: str) -> Firm:
        self._serial += 1
        # A representative is only a name in the text; no need for a whole person.
        rep = _SURNAME_MIX.draw(self.rng) + self._given(
            "男" if self.rng.random() < 0.7 else "女", 1975
        )
        _, address = self._local_address(place, None, urban=0.5 if kind == "business" else 1.0)
        if kind not in ("business", "company"):
            address = address.split("号")[0] + "号"  # institutions sit on a main road
        return Firm(name, make_credit_code(place.region, self._serial), address, rep, kind)

    def institution(self, place: Place, group: str) -> Firm:
        """Return one of the county's banks, card centres, insurers or property firms."""
        key = (place.county, group)
        if key not in self._institutions:
            templates = {
                "bank": pools.BANKS,
                "card": pools.CARD_CENTRES,
                "insurer": pools.INSURERS,
                "property": pools.PROPERTY_COMPANIES,
            }
            short = place.county.removesuffix("县").removesuffix("市")
            kind = (
                "company" if group == "property" else ("insurer" if group == "insurer" else "bank")
            )
            self._institutions[key] = [
                self._make_firm(
                    place, t.format(county=place.county, city=place.city, short=short), kind
                )
                for t in templates[group]
            ]
        return pick(self.rng, self._institutions[key])

    # ---- legal staff ----------------------------------------------------------------
    def staff(self, place: Place, group: str, n: int) -> list[str]:
        """Return a stable list of ``n`` names for judges, clerks or jurors of a court."""
        key = f"{place.county}:{group}"
        if key not in self._staff:
            self._staff[key] = [self.new_person(place, born=(1965, 1995)).name for _ in range(n)]
        return self._staff[key]

    def lawyer(self, place: Place) -> Party:
        """Return a lawyer (or basic legal worker) practising in the county."""
        key = f"{place.county}:lawyers"
        if key not in self._staff:
            firms = [f"浙江{w}律师事务所" for w in self.rng.sample(pools.LAW_FIRM_WORDS, 8)]
            services = [f"{place.county}{t}法律服务所" for t in pools.TOWNS[:3]]
            people = [self.new_person(place, born=(1965, 1996)) for _ in range(36)]
            self._lawyers[key] = [
                Party(
                    p.name,
                    p.id_number,
                    None,
                    p.gender,
                    p.birth_date,
                    firms[i % 8] if i < 30 else services[i % 3],
                    "lawyer" if i < 30 else "legal_worker",
                    true_id=p.id_number,
                )
                for i, p in enumerate(people)
            ]
            self._staff[key] = [p.name for p in people]
        return pick(self.rng, self._lawyers[key])
