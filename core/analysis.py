"""The analysis that follows an import: text features per case, then party resolution.

Features are computed once per case and stamped with the cue version; when the cue data
changes, every case whose stamp differs is computed again. Big batches use a process pool
so both cores of a county PC work; the workers read the (committed) texts themselves,
read-only, and the database is written from this process only.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from core import audit
from core.errors import Cancelled, CancelToken
from core.parties.service import ResolveSummary, resolve_entities
from core.workspace import Workspace

BATCH = 1000
POOL_MIN_CASES = 4000  # below this a pool costs more than it saves
FLAG_COLUMNS = ("mediation", "default_judgment", "notice_service", "self_admission", "no_defence",
                "iou_only", "cash_delivery")

Progress = Callable[[int, int], None]
Row = tuple[int, str | None, str | None, str | None, str | None]
Result = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]


@dataclass(frozen=True)
class AnalysisSummary:
    cases: int
    features: int
    cue_version: str
    feature_seconds: float
    resolve: ResolveSummary | None


def _role_flag(features: Sequence[Any], role: str) -> bool | None:
    if any(f.name == "appeared" and f.party == role for f in features):
        return True
    if any(f.name == "absent" and f.party == role for f in features):
        return False
    return None


def analyse_batch(rows: Sequence[Row]) -> Result:
    """Return (flag rows, feature rows) for a batch of (id, text, closing, service, doc type)."""
    from core.text.features import CUE_VERSION, extract_features

    flags: list[tuple[Any, ...]] = []
    feats: list[tuple[Any, ...]] = []
    for case_id, full_text, closing, service, doc_type in rows:
        fs = extract_features(full_text or "", {"closing_method": closing, "service_method": service,
                                                "doc_type": doc_type})
        fired = {f.name for f in fs.features}
        relations = sorted({str(f.value) for f in fs.features if f.name == "relationship"})
        flags.append((case_id, CUE_VERSION, *(name in fired for name in FLAG_COLUMNS),
                      _role_flag(fs.features, "defendant"), _role_flag(fs.features, "plaintiff"),
                      bool(relations), "、".join(relations) or None, fs.principal(),
                      json.dumps(list(fs.notes), ensure_ascii=False) if fs.notes else None))
        for f in fs.features:
            value = f.value if isinstance(f.value, str) else json.dumps(f.value)
            feats.append((case_id, f.name, value, f.start, f.end, f.cue, f.party))
    return flags, feats


def _pending(conn: Connection, version: str, everything: bool) -> list[int]:
    sql = "SELECT c.id FROM cases c LEFT JOIN case_flags f ON f.case_id = c.id"
    if not everything:
        sql += " WHERE f.case_id IS NULL OR f.cue_version != :v"
    return [int(r[0]) for r in conn.execute(text(sql + " ORDER BY c.id"), {"v": version})]


_ROWS_SQL = (
    "SELECT c.id, t.full_text, c.closing_method, c.service_method, c.doc_type FROM cases c "
    "LEFT JOIN case_texts t ON t.case_id = c.id WHERE c.id BETWEEN ? AND ? ORDER BY c.id"
)
_READERS: dict[str, sqlite3.Connection] = {}


def _id_batches(ids: list[int]) -> Iterator[list[int]]:
    for i in range(0, len(ids), BATCH):
        yield ids[i : i + BATCH]


def _rows(con: sqlite3.Connection, part: list[int]) -> list[Row]:
    wanted = set(part)
    return [(r[0], r[1], r[2], r[3], r[4])
            for r in con.execute(_ROWS_SQL, (part[0], part[-1])) if r[0] in wanted]


def analyse_stored(db_path: str, part: list[int]) -> Result:
    """Analyse cases read by this (worker) process itself, read-only: the texts never travel
    between processes. Used on committed cases only."""
    con = _READERS.get(db_path)
    if con is None:
        con = sqlite3.connect(Path(db_path).as_uri() + "?mode=ro", uri=True)
        _READERS[db_path] = con
    return analyse_batch(_rows(con, part))


def _write(conn: Connection, ids: list[int], flags: list[tuple[Any, ...]], feats: list[tuple[Any, ...]]) -> None:
    raw = conn.connection.driver_connection
    assert raw is not None
    cur = raw.cursor()
    cur.executemany("DELETE FROM case_features WHERE case_id = ?", [(i,) for i in ids])
    cur.executemany("DELETE FROM case_flags WHERE case_id = ?", [(i,) for i in ids])
    cur.executemany(
        "INSERT INTO case_flags (case_id, cue_version, mediation, default_judgment, notice_service, "
        "self_admission, no_defence, iou_only, cash_delivery, defendant_appeared, plaintiff_appeared, "
        "related, relationships, principal_amount, notes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", flags)
    cur.executemany(
        'INSERT INTO case_features (case_id, name, value, start, "end", cue, party) VALUES (?,?,?,?,?,?,?)',
        feats)
    cur.close()


def _results(conn: Connection, ws: Workspace, ids: list[int],
             pool: ProcessPoolExecutor | None) -> Iterator[Result]:
    """Yield analysed batches in order, keeping at most a few batches in flight."""
    if pool is None:
        raw = conn.connection.driver_connection
        assert raw is not None
        for part in _id_batches(ids):
            yield analyse_batch(_rows(raw, part))
        return
    window: deque[Future[Result]] = deque()
    for part in _id_batches(ids):
        window.append(pool.submit(analyse_stored, str(ws.db_path), part))
        if len(window) >= 4:
            yield window.popleft().result()
    while window:
        yield window.popleft().result()


def compute_features(ws: Workspace, *, everything: bool = False, progress: Progress | None = None,
                     cancel: CancelToken | None = None, conn: Connection | None = None) -> tuple[int, int, str]:
    """Compute features for cases without them (or all); return (cases, features, cue version)."""
    from core.text.features import CUE_VERSION

    if conn is None:
        with ws.write() as own:
            return compute_features(ws, everything=everything, progress=progress, cancel=cancel, conn=own)
    ids = _pending(conn, CUE_VERSION, everything)
    total, done, n_feats = len(ids), 0, 0
    if not ids:
        return 0, 0, CUE_VERSION
    pool = (ProcessPoolExecutor(max_workers=2, mp_context=mp.get_context("spawn"))
            if total >= POOL_MIN_CASES else None)
    try:
        for flags, feats in _results(conn, ws, ids, pool):
            _write(conn, [f[0] for f in flags], flags, feats)
            done += len(flags)
            n_feats += len(feats)
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            if progress is not None:
                progress(done, total)
    finally:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
    audit.append(conn, "compute_features", {"cases": total, "features": n_feats, "cue_version": CUE_VERSION})
    return total, n_feats, CUE_VERSION


def analyse_workspace(ws: Workspace, *, everything: bool = False, progress: Progress | None = None,
                      cancel: CancelToken | None = None) -> AnalysisSummary:
    """Compute missing or stale text features, then re-resolve parties; one transaction each."""
    from core.security.guard import require

    require("analyse", ws)
    started = time.perf_counter()
    cases, feats, version = compute_features(ws, everything=everything, progress=progress, cancel=cancel)
    feature_seconds = time.perf_counter() - started
    summary = resolve_entities(ws, cancel=cancel) if cases or everything else None
    return AnalysisSummary(cases, feats, version, feature_seconds, summary)
