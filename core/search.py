"""Finding cases by party name (indexed) or by any text in the judgments (a streaming scan).

Measured before choosing (see benchmarks/bench_search.py): an FTS5 trigram index costs
minutes to build and 2.6x the text on disk and cannot match two-character words such as
借条, while scanning the UTF-8 bytes of every text with ``bytes.find`` runs at hundreds of
MB/s. So full-text search is a scan in chunks, with progress, cancel and hits streamed to
the caller as they are found.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import text

from core.errors import CancelToken, UserError
from core.workspace import Workspace

SCAN_CHUNK = 2000
SNIPPET = 30


@dataclass(frozen=True)
class TextHit:
    case_id: int
    case_no: str
    start: int  # character offset of the first match in the full text
    snippet: str


@dataclass(frozen=True)
class PartyHit:
    case_id: int
    case_no: str
    role: str
    name: str


def search_parties(ws: Workspace, query: str, limit: int = 200) -> list[PartyHit]:
    """Return cases with a party whose name starts with ``query``, then those containing it.

    Names are found first on the parties' name index (a range for the prefix, an index-only
    scan for the substring); only the matching parties are then joined to their cases.
    """
    q = query.strip()
    if not q:
        raise UserError("请输入要查找的当事人名称。")
    with ws.read() as conn:
        ids = [int(r[0]) for r in conn.execute(
            text("SELECT id FROM parties INDEXED BY ix_parties_name WHERE name >= :lo AND name < :hi "
                 "ORDER BY name LIMIT :lim"), {"lo": q, "hi": q + "\U0010ffff", "lim": limit})]
        if len(ids) < limit:
            ids += [int(r[0]) for r in conn.execute(
                text("SELECT id FROM parties INDEXED BY ix_parties_name WHERE instr(name, :q) > 1 LIMIT :lim"),
                {"q": q, "lim": limit - len(ids)})]
        if not ids:
            return []
        marks = ", ".join(str(i) for i in ids)
        rows = conn.execute(text(
            "SELECT c.id, c.case_no, cp.role, p.name FROM parties p JOIN case_parties cp ON cp.party_id = p.id "
            f"JOIN cases c ON c.id = cp.case_id WHERE p.id IN ({marks}) ORDER BY c.id")).all()
    return [PartyHit(int(r[0]), r[1], r[2], r[3]) for r in rows]


def search_text(
    ws: Workspace,
    query: str,
    *,
    limit: int = 500,
    on_hit: Callable[[TextHit], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: CancelToken | None = None,
) -> list[TextHit]:
    """Return cases whose full text contains ``query``, scanning UTF-8 bytes chunk by chunk."""
    q = query.strip()
    if not q:
        raise UserError("请输入要查找的文字。")
    needle = q.encode("utf-8")
    hits: list[TextHit] = []
    raw = sqlite3.connect(f"file:{ws.db_path}?mode=ro", uri=True)
    raw.text_factory = bytes
    try:
        # Counting case_texts would walk every page of the texts; cases is small.
        total = int(raw.execute("SELECT COUNT(*) FROM cases").fetchone()[0])
        last, done = 0, 0
        while len(hits) < limit:
            rows = raw.execute(
                "SELECT t.case_id, c.case_no, t.full_text FROM case_texts t JOIN cases c ON c.id = t.case_id "
                "WHERE t.case_id > ? ORDER BY t.case_id LIMIT ?",
                (last, SCAN_CHUNK),
            ).fetchall()
            if not rows:
                break
            for case_id, case_no, blob in rows:
                pos = blob.find(needle)
                if pos >= 0:
                    hit = _hit(case_id, case_no, blob, pos, len(needle))
                    hits.append(hit)
                    if on_hit is not None:
                        on_hit(hit)
                    if len(hits) >= limit:
                        break
            last = rows[-1][0]
            done += len(rows)
            if progress is not None:
                progress(done, total)
            if cancel is not None and cancel.is_set():
                break
    finally:
        raw.close()
    return hits


def _hit(case_id: int, case_no: bytes, blob: bytes, pos: int, size: int) -> TextHit:
    before = blob[max(0, pos - SNIPPET * 3) : pos].decode("utf-8", errors="ignore")[-SNIPPET:]
    match = blob[pos : pos + size].decode("utf-8")
    after = blob[pos + size : pos + size + SNIPPET * 3].decode("utf-8", errors="ignore")[:SNIPPET]
    start = len(blob[:pos].decode("utf-8", errors="ignore"))
    return TextHit(case_id, case_no.decode("utf-8"), start, before + match + after)
