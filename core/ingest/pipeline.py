"""Importing one sheet into the workspace in one transaction, with progress and cancel.

Large files are read and normalised in a helper process while this process writes, so
the two cores of a county PC share the work; a failure or a cancel rolls back everything.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import os
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from core import audit
from core.errors import Cancelled, CancelToken, RefusedInput
from core.ingest import segments
from core.ingest.bulk import drop_indexes_for_bulk, rebuild_indexes
from core.ingest.convert import ID_TABLES, TABLES, Assembler, Batch, Tally, read_batches
from core.ingest.converters import ChildConverters, ConverterHost, LocalConverter
from core.ingest.plan import ImportOptions, ImportPlan, inspect_file
from core.ingest.readers import (
    EncodingMismatch,
    TextTableReader,
    WorkbookReader,
    next_encoding,
    open_table,
)
from core.ingest.segments import Segment, SegmentFailed
from core.workspace import Workspace

Progress = Callable[[int, int], None]
TableReader = WorkbookReader | TextTableReader
PARALLEL_MIN_BYTES = 8 * 1024 * 1024  # smaller files are not worth a helper process
HELPERS = 2  # converter processes for large files: the writer waits on them, not they on it
IN_FLIGHT = 2 * HELPERS + 1  # batches handed out and not yet written (bounds memory)
_INSERT = {t: f"INSERT INTO {t} ({', '.join(c)}) VALUES ({', '.join('?' * len(c))})" for t, c in TABLES}
# Texts cut from a CSV by the helpers arrive as UTF-8 bytes: stored as text without decoding.
_INSERT["case_texts"] = "INSERT INTO case_texts (case_id, full_text) VALUES (?, CAST(? AS TEXT))"


@dataclass
class ImportReport:
    dataset_id: int | None
    kind: str
    list_type: str | None
    file_name: str
    sheet: str
    rows_read: int = 0
    rows_imported: int = 0
    duplicates: int = 0
    duplicate_rows: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    conflict_count: int = 0
    quarantined: list[dict[str, Any]] = field(default_factory=list)
    quarantined_count: int = 0
    mapping: dict[str, dict[str, Any]] = field(default_factory=dict)
    unmapped: list[str] = field(default_factory=list)
    already_imported: bool = False
    encoding: str | None = None
    seconds: float = 0.0
    other_sheets: list[dict[str, Any]] = field(default_factory=list)  # {"sheet", "rows"}: not imported

    def to_json(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        out["seconds"] = round(self.seconds, 2)
        return out


def _write(conn: Connection, rows: dict[str, list[tuple[Any, ...]]]) -> None:
    raw = conn.connection.driver_connection
    assert raw is not None
    cur = raw.cursor()
    for table, _cols in TABLES:
        batch = rows.get(table)
        if batch:
            cur.executemany(_INSERT[table], batch)
    cur.close()


def find_imported(ws: Workspace, sha256: str, sheet: str) -> int | None:
    """Return the dataset id when this file's sheet was imported before."""
    with ws.read() as conn:
        found = conn.execute(text("SELECT id FROM datasets WHERE file_sha256 = :h AND sheet = :s"),
                             {"h": sha256, "s": sheet}).first()
    return int(found[0]) if found else None


def _insert_dataset(conn: Connection, plan: ImportPlan, who: str) -> int:
    dataset_id = int(conn.execute(text("SELECT COALESCE(MAX(id), 0) + 1 FROM datasets")).scalar_one())
    event = plan.mapping.get("event_date")
    conn.execute(text(
        "INSERT INTO datasets (id, file_name, file_sha256, sheet, kind, list_type, mapping, header_row, "
        "event_label, rows_read, rows_imported, duplicates, quarantined, conflicts, imported_at, "
        "imported_by) VALUES (:id, :fn, :sha, :sheet, :kind, :lt, :map, :hr, :ev, 0, 0, 0, 0, 0, :at, :by)"),
        {"id": dataset_id, "fn": plan.file_name, "sha": plan.sha256, "sheet": plan.sheet,
         "kind": plan.kind, "lt": plan.list_type, "map": json.dumps(plan.mapping_json(), ensure_ascii=False),
         "hr": plan.header_row + 1, "ev": event.header if event else None,
         "at": dt.datetime.now().isoformat(sep=" ", timespec="seconds"), "by": who})
    return dataset_id


def _run(ws: Workspace, plan: ImportPlan, report: ImportReport, who: str, parallel: bool,
         cut: bool, progress: Progress | None, cancel: CancelToken | None) -> None:
    reader = open_table(plan.path, plan.encoding, reuse=True)
    # Helpers start first: they import their modules while the workspace is prepared.
    host: ConverterHost = ChildConverters(plan, HELPERS, cancel) if parallel else LocalConverter(plan)
    try:
        with ws.write(checkpoint_later=parallel) as conn:
            dataset_id = _insert_dataset(conn, plan, who)
            if cut and isinstance(host, ChildConverters) and isinstance(reader, TextTableReader):
                parts = segments.segments(plan, reader.delimiter, reader.size)
                tally = _fill_by_parts(conn, plan, dataset_id, parts, reader.size, host, progress, cancel)
            else:
                tally = _fill(conn, plan, dataset_id, reader, host, progress, cancel)
            _finish(conn, plan, report, who, dataset_id, tally)
    finally:
        host.close()
    if progress is not None:
        progress(report.rows_read, report.rows_read)


def _report(progress: Progress | None, done: int, fraction: float) -> None:
    """Report rows done and the total they suggest (from the fraction of the file read)."""
    if progress is not None and fraction < 1.0:
        total = int(done / fraction) if fraction > 0 else done
        progress(done, max(total, done))


def _assembler(conn: Connection, plan: ImportPlan, dataset_id: int) -> Assembler:
    next_ids = {t: int(conn.execute(text(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {t}")).scalar_one())
                for t in ID_TABLES}
    existing: set[str] = set()
    if plan.kind == "cases":
        existing = {r[0] for r in conn.execute(text("SELECT case_no_key FROM cases"))}
    return Assembler(plan, dataset_id, next_ids, existing)


def _fill_by_parts(conn: Connection, plan: ImportPlan, dataset_id: int, parts: Iterator[Segment],
                   size: int, host: ChildConverters, progress: Progress | None,
                   cancel: CancelToken | None) -> Tally:
    """Have the helpers parse and convert ranges of the CSV file; write them in file order."""
    assembler = _assembler(conn, plan, dataset_id)
    dropped = drop_indexes_for_bulk(conn, plan)
    handed: deque[Segment] = deque()
    for part in itertools.islice(parts, 2 * HELPERS):
        host.submit_segment(part)
        handed.append(part)
    offset = 0
    while handed:
        part = handed.popleft()
        while True:
            chunk = host.segment_chunk(part)
            _write(conn, assembler.assemble(chunk.items, chunk.texts, offset))
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            if chunk.done:
                break
        offset += chunk.records
        following = next(parts, None)
        if following is not None:
            host.submit_segment(following)
            handed.append(following)
        _report(progress, assembler.tally.rows_read, part.end / size)
    rebuild_indexes(conn, dropped)
    return assembler.tally


def _fill(conn: Connection, plan: ImportPlan, dataset_id: int, reader: TableReader,
          host: ConverterHost, progress: Progress | None, cancel: CancelToken | None) -> Tally:
    """Read, convert and write every row; return what was found."""
    assembler = _assembler(conn, plan, dataset_id)
    dropped = drop_indexes_for_bulk(conn, plan)
    waiting: deque[Batch] = deque()

    def land() -> None:
        batch = waiting.popleft()
        _write(conn, assembler.assemble(host.result(), batch.texts))
        _report(progress, batch.rows_read, batch.fraction)
        if cancel is not None and cancel.is_set():
            raise Cancelled()

    # Batches are read and handed out ahead, so the helpers convert while this thread writes.
    for batch in read_batches(reader, plan):
        host.submit(batch.rows)
        waiting.append(batch)
        if len(waiting) >= IN_FLIGHT:
            land()
        elif cancel is not None and cancel.is_set():
            raise Cancelled()
    while waiting:
        land()
    rebuild_indexes(conn, dropped)
    return assembler.tally


def _finish(conn: Connection, plan: ImportPlan, report: ImportReport, who: str, dataset_id: int,
            tally: Tally) -> None:
    """Refuse an empty file, else fill in the report, the dataset's counts and the audit entry."""
    if tally.rows_read == 0:
        raise RefusedInput(f"文件“{plan.file_name}”没有数据行。")
    for name in ("rows_read", "rows_imported", "duplicates", "duplicate_rows", "conflicts",
                 "conflict_count", "quarantined", "quarantined_count"):
        setattr(report, name, getattr(tally, name))
    report.dataset_id = dataset_id
    conn.execute(text(
        "UPDATE datasets SET rows_read=:r, rows_imported=:i, duplicates=:d, quarantined=:q, "
        "conflicts=:c WHERE id=:id"),
        {"r": tally.rows_read, "i": tally.rows_imported, "d": tally.duplicates,
         "q": tally.quarantined_count, "c": tally.conflict_count, "id": dataset_id})
    audit.append(conn, "import", {
        "dataset_id": dataset_id, "file": plan.file_name, "sha256": plan.sha256, "sheet": plan.sheet,
        "kind": plan.kind, "list_type": plan.list_type, "rows_read": tally.rows_read,
        "rows_imported": tally.rows_imported, "duplicates": tally.duplicates,
        "quarantined": tally.quarantined_count, "conflicts": tally.conflict_count}, actor=who)


def import_file(
    ws: Workspace,
    path: Path,
    options: ImportOptions | None = None,
    *,
    plan: ImportPlan | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    actor: str | None = None,
    parallel: bool | None = None,
) -> ImportReport:
    """Import ``path`` into ``ws`` in one transaction; a failure or cancel changes nothing."""
    from core.security.guard import require

    require("import", ws)
    started = time.perf_counter()
    plan = plan or inspect_file(path, options)
    report = ImportReport(dataset_id=None, kind=plan.kind, list_type=plan.list_type,
                          file_name=plan.file_name, sheet=plan.sheet, mapping=plan.mapping_json(),
                          unmapped=plan.unmapped, encoding=plan.encoding,
                          other_sheets=[{"sheet": o.name, "rows": o.rows} for o in plan.other_sheets])
    previous = find_imported(ws, plan.sha256, plan.sheet)
    if previous is not None:
        report.dataset_id = previous
        report.already_imported = True
        return report
    size = path.stat().st_size
    if parallel is None:  # helpers pay off for large files, and only with a second core
        parallel = size >= PARALLEL_MIN_BYTES and (os.cpu_count() or 1) >= 2
    use_child = parallel
    cut = use_child and segments.usable(plan, size)
    who = actor or audit.current_actor()
    while True:
        try:
            _run(ws, plan, report, who, use_child, cut, progress, cancel)
            break
        except EncodingMismatch as exc:  # rolled back; start over in the next encoding
            plan = dataclasses.replace(plan, encoding=next_encoding(plan.path, exc.encoding))
            report.encoding = plan.encoding
        except SegmentFailed:  # rolled back; read the file in one piece (exact messages)
            cut = False
    report.seconds = time.perf_counter() - started
    return report
