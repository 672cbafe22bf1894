"""Fetching what explains a hit: the cases' fields, flags, parties and feature spans."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, case, func, select

from core.supervision.conditions import (
    CASE_PARTIES,
    CASES,
    FEATURES,
    FLAGS,
    PARTIES,
    PARTY_ENTITIES,
    TEXTS,
    Condition,
    leaf_holds,
    leaves,
)
from core.supervision.hits import Span
from core.supervision.vocabulary import CASE_FIELDS, FLAG_PARTY
from core.supervision.vocabulary import FEATURES as FEATURE_WORDS
from core.supervision.vocabulary import FLAGS as FLAG_WORDS

CHUNK = 500
CONTEXT = 12  # characters of text either side of a span


@dataclass
class CaseInfo:
    """One case as evidence needs it."""

    id: int
    fields: dict[str, Any]
    flags: dict[str, Any] = field(default_factory=dict)
    parties: list[dict[str, Any]] = field(default_factory=list)
    features: list[dict[str, Any]] = field(default_factory=list)

    @property
    def case_no(self) -> str:
        return str(self.fields["case_no"])

    def brief(self) -> dict[str, Any]:
        f = self.fields
        return {
            "case_id": self.id,
            "case_no": f["case_no"],
            "cause": f.get("cause"),
            "court": f.get("court"),
            "filing_date": _iso(f.get("filing_date")),
            "closing_date": _iso(f.get("closing_date")),
            "closing_method": f.get("closing_method"),
        }

    def role_names(self, role: str) -> list[str]:
        return [p["name"] for p in self.parties if p["role"] == role]


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else value


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), CHUNK):
        yield list(ids[i : i + CHUNK])


def load_cases(conn: Connection, case_ids: Iterable[int]) -> dict[int, CaseInfo]:
    """Return fields, flags, parties (with entity ids) and feature spans of the given cases."""
    ids = sorted(set(case_ids))
    out: dict[int, CaseInfo] = {}
    cols = [CASES.c[n] for n in CASE_FIELDS if n in CASES.c] + [CASES.c.case_no_key]
    flag_cols = [FLAGS.c[n] for n in FLAG_WORDS] + [FLAGS.c.principal_amount]
    for part in _chunks(ids):
        for row in conn.execute(select(CASES.c.id, *cols).where(CASES.c.id.in_(part))).mappings():
            out[row["id"]] = CaseInfo(row["id"], {k: v for k, v in row.items() if k != "id"})
        for row in conn.execute(
            select(FLAGS.c.case_id, *flag_cols).where(FLAGS.c.case_id.in_(part))
        ).mappings():
            out[row["case_id"]].flags = dict(row)
        q = (
            select(
                CASE_PARTIES.c.case_id,
                CASE_PARTIES.c.role,
                PARTIES.c.name,
                PARTIES.c.id_number,
                PARTIES.c.kind,
                PARTIES.c.law_firm,
                PARTIES.c.address,
                PARTY_ENTITIES.c.entity_id,
                PARTY_ENTITIES.c.reason.label("link_reason"),
            )
            .join(PARTIES, PARTIES.c.id == CASE_PARTIES.c.party_id)
            .outerjoin(PARTY_ENTITIES, PARTY_ENTITIES.c.party_id == PARTIES.c.id)
            .where(CASE_PARTIES.c.case_id.in_(part))
            .order_by(CASE_PARTIES.c.case_id, CASE_PARTIES.c.position)
        )
        for row in conn.execute(q).mappings():
            out[row["case_id"]].parties.append(dict(row))
        q = features_query(part)
        for row in conn.execute(q).mappings():
            out[row["case_id"]].features.append(dict(row))
    return out


def features_query(case_ids: list[int]) -> Any:
    """Return the SELECT of the cases' features, each with its span and a little context."""
    lead = FEATURES.c.start - CONTEXT
    start = case((lead < 0, 0), else_=lead)  # GREATEST is not everywhere; CASE is
    snippet = func.substr(TEXTS.c.full_text, start + 1, FEATURES.c.end - start + CONTEXT)
    return (
        select(
            FEATURES.c.case_id,
            FEATURES.c.name,
            FEATURES.c.value,
            FEATURES.c.start,
            FEATURES.c.end,
            FEATURES.c.cue,
            FEATURES.c.party,
            snippet.label("snippet"),
        )
        .outerjoin(TEXTS, and_(TEXTS.c.case_id == FEATURES.c.case_id, FEATURES.c.start >= 0))
        .where(FEATURES.c.case_id.in_(case_ids))
        .order_by(FEATURES.c.case_id, FEATURES.c.start)
    )


def flag_spans(info: CaseInfo, flag: str, positive: bool = True) -> list[Span]:
    """Return the spans of the features behind one flag in one case."""
    names = FLAG_WORDS[flag][2]
    party = FLAG_PARTY.get(flag)
    if party is not None:
        names = ("appeared",) if positive else ("absent",)
    spans = []
    for f in info.features:
        if f["name"] in names and (party is None or f["party"] == party):
            spans.append(
                Span(
                    info.id,
                    info.case_no,
                    f["name"],
                    int(f["start"]),
                    int(f["end"]),
                    f["cue"],
                    f["snippet"],
                )
            )
    return spans[:5]


def feature_spans(info: CaseInfo, name: str, party: str | None) -> list[Span]:
    """Return the spans of one feature (of one party, when given) in one case."""
    return [
        Span(
            info.id, info.case_no, f["name"], int(f["start"]), int(f["end"]), f["cue"], f["snippet"]
        )
        for f in info.features
        if f["name"] == name and (party is None or f["party"] == party)
    ][:5]


def text_spans(conn: Connection, info: CaseInfo, words: Sequence[str]) -> list[Span]:
    """Return where the first of ``words`` found occurs in the case's text."""
    text = conn.execute(select(TEXTS.c.full_text).where(TEXTS.c.case_id == info.id)).scalar()
    spans = []
    for w in words:
        pos = (text or "").find(w) if w else -1
        if pos >= 0:
            lo = max(0, pos - CONTEXT)
            spans.append(
                Span(
                    info.id,
                    info.case_no,
                    "text",
                    pos,
                    pos + len(w),
                    w,
                    (text or "")[lo : pos + len(w) + CONTEXT],
                )
            )
    return spans[:3]


def explain(conn: Connection, cond: Condition, info: CaseInfo) -> tuple[dict[str, Any], list[Span]]:
    """Return the field values and text spans behind a condition that held for a case."""
    values: dict[str, Any] = {}
    spans: list[Span] = []
    for leaf in leaves(cond):
        held = leaf_holds(leaf, info.fields, info.flags, info.features)
        if leaf.feature is not None and held:
            label = FEATURE_WORDS[leaf.feature]
            values[label] = True
            spans.extend(feature_spans(info, leaf.feature, leaf.party))
        elif leaf.flag is not None and held:
            yes, no, _ = FLAG_WORDS[leaf.flag]
            values[no if leaf.is_ is False else yes] = True
            spans.extend(flag_spans(info, leaf.flag, leaf.is_ is not False))
        elif leaf.field is not None and held:
            label = CASE_FIELDS[leaf.field][0]
            if leaf.field == "duration_days":
                f, c = info.fields.get("filing_date"), info.fields.get("closing_date")
                values[label] = (c - f).days if f and c else None
            elif leaf.field == "principal_amount":
                values[label] = info.flags.get("principal_amount")
            else:
                values[label] = _iso(info.fields.get(leaf.field))
        elif leaf.text is not None:
            spans.extend(text_spans(conn, info, leaf.text))
        elif leaf.same_surname_address:
            pair = same_surname_address(info)
            if pair is not None:
                values["同姓同址"] = f"{pair[0]}、{pair[1]}（{pair[2]}）"
    return values, spans


def same_surname_address(info: CaseInfo) -> tuple[str, str, str] | None:
    """Return (plaintiff, defendant, address) of a same-surname, same-address pair, if any."""
    text_address = {f["party"]: f["value"] for f in info.features if f["name"] == "address"}

    def address(p: dict[str, Any]) -> str | None:
        return p.get("address") or text_address.get(p["name"])

    people = [p for p in info.parties if p["kind"] == "person"]
    for a in (p for p in people if p["role"] == "plaintiff"):
        for b in (p for p in people if p["role"] == "defendant"):
            where = address(a)
            if a["name"][:1] == b["name"][:1] and where and where == address(b):
                return a["name"], b["name"], where
    return None


def persons_of(
    info: CaseInfo, roles: Sequence[str] = ("plaintiff", "defendant", "third_party")
) -> list[dict[str, Any]]:
    return [
        {"name": p["name"], "id_number": p["id_number"], "role": p["role"]}
        for p in info.parties
        if p["role"] in roles
    ]


def entity_cases(conn: Connection, entity_ids: Iterable[int]) -> dict[int, list[int]]:
    """Return the case ids of each entity."""
    out: dict[int, list[int]] = defaultdict(list)
    ids = sorted(set(entity_ids))
    for part in _chunks(ids):
        q = (
            select(PARTY_ENTITIES.c.entity_id, CASE_PARTIES.c.case_id)
            .join(CASE_PARTIES, CASE_PARTIES.c.party_id == PARTY_ENTITIES.c.party_id)
            .where(PARTY_ENTITIES.c.entity_id.in_(part))
        )
        for eid, cid in conn.execute(q):
            out[int(eid)].append(int(cid))
    return out
