"""The eight bundled models' rules (default parameters) as a plain pandas script: the baseline.

``run_all(db_path)`` loads the tables the rules need into DataFrames, applies each rule
and returns timings and hit counts; benchmarks/bench_models.py runs it in a fresh process.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

M24 = pd.DateOffset(months=24)
M6 = pd.DateOffset(months=6)


def load(db_path: str) -> dict[str, pd.DataFrame]:
    """Return the tables (joined where every rule joins them anyway)."""
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    q = {
        "cases": "SELECT id, cause, court, filing_date, closing_date, service_method, claim_amount "
        "FROM cases",
        "flags": "SELECT case_id, mediation, default_judgment, notice_service, self_admission, "
        "no_defence, iou_only, cash_delivery, defendant_appeared FROM case_flags",
        "features": "SELECT case_id, name, value, party FROM case_features "
        "WHERE name IN ('relationship', 'address')",
        "parties": "SELECT cp.case_id, cp.role, p.name, p.kind AS party_kind, p.law_firm, "
        "p.address, pe.entity_id, pe.score, e.kind, e.is_financial, e.display_name "
        "FROM case_parties cp JOIN parties p ON p.id = cp.party_id "
        "JOIN party_entities pe ON pe.party_id = p.id JOIN entities e ON e.id = pe.entity_id",
        "lists": "SELECT r.id, d.list_type, r.id_number, r.name, r.event_date, r.status "
        "FROM list_records r JOIN datasets d ON d.id = r.dataset_id",
    }
    out = {k: pd.read_sql_query(sql, con) for k, sql in q.items()}
    con.close()
    for col in ("filing_date", "closing_date"):
        out["cases"][col] = pd.to_datetime(out["cases"][col])
    out["lists"]["event_date"] = pd.to_datetime(out["lists"]["event_date"])
    cases = out["cases"].merge(out["flags"], left_on="id", right_on="case_id", how="left")
    out["cases"] = cases.drop(columns="case_id")
    return out


def _related(t: dict[str, pd.DataFrame], case_ids: pd.Series) -> pd.Series:
    """Return, per case id, whether plaintiff and defendant are related (text or surname+address)."""
    f = t["features"]
    rel = set(
        f.loc[(f["name"] == "relationship") & (f["party"] == "plaintiff-defendant"), "case_id"]
    )
    p = t["parties"]
    people = p[(p["party_kind"] == "person") & p["case_id"].isin(case_ids)]
    addr = f[f["name"] == "address"][["case_id", "party", "value"]]
    people = people.merge(
        addr, left_on=["case_id", "name"], right_on=["case_id", "party"], how="left"
    )
    people["addr"] = people["address"].where(
        people["address"].notna() & (people["address"] != ""), people["value"]
    )
    pl = people[people["role"] == "plaintiff"][["case_id", "name", "addr"]]
    df = people[people["role"] == "defendant"][["case_id", "name", "addr"]]
    m = pl.merge(df, on="case_id", suffixes=("_p", "_d"))
    m = m[
        (m["name_p"].str[:1] == m["name_d"].str[:1])
        & m["addr_p"].notna()
        & (m["addr_p"] == m["addr_d"])
    ]
    same = set(m["case_id"])
    return case_ids.isin(rel | same)


def false_litigation(t: dict[str, pd.DataFrame]) -> int:
    c = t["cases"]
    lend = c[c["cause"].str.contains("民间借贷", na=False)].copy()
    days = (lend["closing_date"] - lend["filing_date"]).dt.days
    score = (
        lend["iou_only"].fillna(0).astype(int)
        + lend["cash_delivery"].fillna(0).astype(int)
        + ((lend["self_admission"] == 1) | (lend["no_defence"] == 1)).astype(int)
        + lend["mediation"].fillna(0).astype(int)
        + (days <= 15).astype(int)
        + _related(t, lend["id"]).astype(int)
    )
    return int((score >= 4).sum())


def _role_rows(
    t: dict[str, pd.DataFrame],
    role: str,
    cause: str | None,
    kinds: tuple[str, ...],
    non_lawyer: bool = False,
) -> pd.DataFrame:
    p = t["parties"]
    rows = p[(p["role"] == role) & (p["is_financial"] == 0) & p["kind"].isin(kinds)]
    if non_lawyer:
        rows = rows[
            (rows["law_firm"].isna() | (rows["law_firm"] == "")) & (rows["party_kind"] == "person")
        ]
    c = t["cases"]
    if cause is not None:
        c = c[c["cause"].str.contains(cause, na=False)]
    rows = rows.merge(c[["id", "filing_date"]], left_on="case_id", right_on="id")
    rows = rows[rows["filing_date"].notna()]
    return rows[["entity_id", "case_id", "filing_date", "display_name"]].drop_duplicates(
        ["entity_id", "case_id"]
    )


def _windows(
    rows: pd.DataFrame, min_cases: int, check: Callable[[int, pd.DataFrame], bool] | None = None
) -> set[int]:
    """Return entities with ``min_cases`` cases in some 24-month window (and ``check`` true)."""
    counts = rows.groupby("entity_id")["case_id"].transform("size")
    rows = rows[counts >= min_cases].sort_values(["entity_id", "filing_date"])
    hits: set[int] = set()
    for eid, g in rows.groupby("entity_id", sort=False):
        dates = g["filing_date"].to_numpy()
        ends = (g["filing_date"] + M24).to_numpy()
        stop = np.searchsorted(dates, ends, side="left")
        for i in np.nonzero(stop - np.arange(len(g)) >= min_cases)[0]:
            if check is None or check(int(eid), g.iloc[i : stop[i]]):
                hits.add(int(eid))
                break
    return hits


def _others(t: dict[str, pd.DataFrame], role: str) -> dict[int, list[tuple[int, str]]]:
    p = t["parties"]
    r = p[p["role"] == role]
    out: dict[int, list[tuple[int, str]]] = {}
    for cid, eid, name in zip(r["case_id"], r["entity_id"], r["name"], strict=True):
        out.setdefault(int(cid), []).append((int(eid), str(name)))
    return out


def professional_lender(t: dict[str, pd.DataFrame]) -> int:
    rows = _role_rows(t, "plaintiff", "民间借贷", ("person", "organisation"))
    defendants = _others(t, "defendant")

    def distinct(eid: int, window: pd.DataFrame) -> bool:
        found = {d for c in window["case_id"] for d, _ in defendants.get(int(c), []) if d != eid}
        return len(found) >= 10

    return len(_windows(rows, 10, distinct))


def traffic_repeat(t: dict[str, pd.DataFrame]) -> int:
    cause = "机动车交通事故责任纠纷"
    plaintiffs = _windows(_role_rows(t, "plaintiff", cause, ("person",)), 3)
    agents = _windows(_role_rows(t, "agent", cause, ("person",), non_lawyer=True), 5)
    return len(plaintiffs | agents)


def citizen_agent(t: dict[str, pd.DataFrame]) -> int:
    rows = _role_rows(t, "agent", None, ("person",), non_lawyer=True)
    plaintiffs = _others(t, "plaintiff")

    def unrelated(eid: int, window: pd.DataFrame) -> bool:
        surname = str(window["display_name"].iloc[0])[:1]
        found = {
            p
            for c in window["case_id"]
            for p, name in plaintiffs.get(int(c), [])
            if p != eid and name[:1] != surname
        }
        return len(found) >= 5

    return len(_windows(rows, 5, unrelated))


def _link(
    t: dict[str, pd.DataFrame],
    a_cases: pd.DataFrame,
    a_roles: tuple[str, ...],
    b_cases: pd.DataFrame,
    months_before: pd.DateOffset,
    months_after: pd.DateOffset | None,
    kinds: tuple[str, ...],
) -> int:
    p = t["parties"]
    p = p[(p["is_financial"] == 0) & p["kind"].isin(kinds)]
    a = p[p["role"].isin(a_roles)].merge(a_cases, left_on="case_id", right_on="id")
    b = p[p["role"] == "defendant"].merge(b_cases, left_on="case_id", right_on="id")
    cols = ["entity_id", "case_id", "filing_date", "closing_date"]
    m = (
        a[cols]
        .drop_duplicates()
        .merge(b[cols].drop_duplicates(), on="entity_id", suffixes=("_a", "_b"))
    )
    m = m[m["case_id_a"] != m["case_id_b"]]
    hi = m["closing_date_a"] + months_after if months_after is not None else m["closing_date_a"]
    m = m[(m["filing_date_b"] >= m["filing_date_a"] - months_before) & (m["filing_date_b"] <= hi)]
    pairs = {tuple(sorted(x)) for x in zip(m["case_id_a"], m["case_id_b"], strict=True)}
    return len(pairs)


def notice_default(t: dict[str, pd.DataFrame]) -> int:
    c = t["cases"]
    a = c[(c["notice_service"] == 1) & (c["default_judgment"] == 1)]
    b = c[(c["service_method"] == "直接送达") | (c["defendant_appeared"] == 1)]
    return _link(t, a, ("defendant",), b, M6, M6, ("person",))


def divorce_debt(t: dict[str, pd.DataFrame]) -> int:
    c = t["cases"]
    a = c[c["cause"].str.contains("离婚纠纷", na=False)]
    lend = c[c["cause"].str.contains("民间借贷", na=False)]
    lend = lend[((lend["mediation"] == 1) | (lend["self_admission"] == 1))]
    b = lend[_related(t, lend["id"]).to_numpy()]
    return _link(t, a, ("plaintiff", "defendant"), b, M6, None, ("person",))


def pension_after_death(t: dict[str, pd.DataFrame]) -> int:
    lists = t["lists"]
    deaths = lists[(lists["list_type"] == "death_registry") & lists["id_number"].notna()]
    pay = lists[(lists["list_type"] == "pension_payments") & lists["id_number"].notna()]
    pay = pay[~pay["status"].fillna("").str.contains("追回|冲正|退回|撤销")]
    m = deaths[["id_number", "event_date"]].merge(
        pay[["id_number", "event_date"]], on="id_number", suffixes=("_d", "_p")
    )
    start = m["event_date_d"].dt.to_period("M").dt.to_timestamp() + pd.DateOffset(months=2)
    return int(m.loc[m["event_date_p"] >= start, "id_number"].nunique())


def drunk_driving_licence(t: dict[str, pd.DataFrame]) -> int:
    lists = t["lists"]
    conv = lists[(lists["list_type"] == "drunk_driving_convictions") & lists["id_number"].notna()]
    lic = lists[lists["list_type"] == "driver_licences"]
    ref = lic["event_date"].max()
    valid = lic[lic["status"].fillna("").str.contains("正常|有效") & lic["id_number"].notna()]
    m = conv[["id_number", "event_date"]].merge(valid[["id_number"]], on="id_number")
    ok = (m["event_date"] + pd.Timedelta(days=30) <= ref) & (
        m["event_date"] + pd.DateOffset(months=60) > ref
    )
    return int(m.loc[ok, "id_number"].nunique())


RULES: dict[str, Callable[[dict[str, pd.DataFrame]], int]] = {
    "agent.frequent_citizen_agent": citizen_agent,
    "family.divorce_debt": divorce_debt,
    "lending.false_litigation": false_litigation,
    "lending.professional_lender": professional_lender,
    "service.notice_default_reachable": notice_default,
    "traffic.repeat_claimant": traffic_repeat,
    "social.pension_after_death": pension_after_death,
    "traffic.drunk_driving_licence": drunk_driving_licence,
}


def run_all(db_path: str) -> dict[str, Any]:
    """Return load and rule timings and hit counts of the pandas baseline."""
    t0 = time.perf_counter()
    tables = load(db_path)
    result: dict[str, Any] = {"load": time.perf_counter() - t0}
    compute = 0.0
    for model, rule in RULES.items():
        t1 = time.perf_counter()
        result["hits:" + model] = rule(tables)
        spent = time.perf_counter() - t1
        result["rule:" + model] = spent
        compute += spent
    result["compute"] = compute
    return result
