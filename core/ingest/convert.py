"""Turning the data rows of a sheet into ready-to-insert row tuples, batch by batch.

The importing process reads the file and keeps each row's judgment text (most of the
bytes); the rest of the row goes to a RowConverter, in the same process for small files or
in a helper process for large ones, so the two cores of a county PC share the work without
shipping the texts between processes. The converter holds no database connection: the
writer hands it the first free ids and the case numbers already in the workspace, and it
hands back tuples in table order plus the case id of each imported row, to which the
writer joins the texts it kept.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from core.ingest.normalise.cells import clean_text
from core.ingest.plan import ImportPlan
from core.ingest.readers import TextTableReader, WorkbookReader
from core.ingest.records import (
    CaseValues,
    ListValues,
    case_values,
    iso,
    list_values,
    party_row,
    text_value,
)

CHUNK_ROWS = 2000
MAX_REPORTED = 1000  # lists in the report are capped; counts are not

TABLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("source_rows", ("id", "dataset_id", "row_number", "cells")),
    ("cases", ("id", "dataset_id", "source_row_id", "case_no", "case_no_key", "year", "court_code",
               "case_type", "seq", "court", "cause", "procedure", "doc_type", "filing_date",
               "closing_date", "closing_method", "claim_amount", "service_method", "judge",
               "plaintiffs", "defendants", "third_parties", "agents", "extra")),
    ("case_texts", ("case_id", "full_text")),
    ("parties", ("id", "name", "name_key", "name_variant", "kind", "id_number", "id_number_raw",
                 "id_problem", "address", "gender", "birth_date", "law_firm", "raw")),
    ("case_parties", ("id", "case_id", "party_id", "role", "position")),
    ("list_records", ("id", "dataset_id", "source_row_id", "name", "name_key", "id_number",
                      "id_number_raw", "id_problem", "birth_date", "gender", "event_date", "amount",
                      "status", "address", "case_no", "extra")),
    ("quarantined_rows", ("id", "dataset_id", "row_number", "reason", "cells")),
)
ID_TABLES = ("source_rows", "cases", "parties", "case_parties", "list_records", "quarantined_rows")


@dataclass
class Tally:
    """What the conversion found, row by row; becomes part of the import report."""

    rows_read: int = 0
    rows_imported: int = 0
    duplicates: int = 0
    duplicate_rows: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    conflict_count: int = 0
    quarantined: list[dict[str, Any]] = field(default_factory=list)
    quarantined_count: int = 0


@dataclass
class Batch:
    """Rows read by the importing process; their judgment texts are held back in ``texts``."""

    rows: list[tuple[int, list[Any]]]  # (1-based row number, cells with the text cell None)
    texts: dict[int, Any]  # row number -> raw text cell
    rows_read: int  # rows read so far, this batch included
    fraction: float  # of the file read so far, or -1 when unknown


@dataclass
class Chunk:
    """What the converter made of one batch: insert tuples without the judgment texts."""

    rows: dict[str, list[tuple[Any, ...]]]
    case_rows: list[tuple[int, int]]  # (row number, case id) of each case imported


def _dumps(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


class RowConverter:
    def __init__(self, plan: ImportPlan, dataset_id: int, next_ids: dict[str, int],
                 existing_keys: set[str]) -> None:
        self.plan = plan
        self.dataset_id = dataset_id
        self.next = dict(next_ids)
        self.existing = existing_keys
        self.cols = {f: m.column for f, m in plan.mapping.items()}
        used = set(self.cols.values())
        self.extra_cols = {h: i for i, h in enumerate(plan.headers) if i not in used}
        self.text_col = self.cols.get("full_text")
        self.seen: dict[Any, int] = {}
        self.tally = Tally()
        self.buffers: dict[str, list[tuple[Any, ...]]] = {}
        self.case_rows: list[tuple[int, int]] = []

    def _take(self, table: str) -> int:
        value = self.next[table]
        self.next[table] = value + 1
        return value

    def _push(self, table: str, values: tuple[Any, ...]) -> None:
        self.buffers.setdefault(table, []).append(values)

    def convert(self, rows: Sequence[tuple[int, Sequence[Any]]]) -> Chunk:
        """Convert a batch of (row number, cells) and return its insert tuples."""
        for row_number, cells in rows:
            self.add_row(row_number, cells)
        chunk = Chunk(self.buffers, self.case_rows)
        self.buffers, self.case_rows = {}, []
        return chunk

    def add_row(self, row_number: int, raw: Sequence[Any]) -> None:
        """Convert one data row (raw cell values) into buffered insert tuples."""
        self.tally.rows_read += 1
        cells = [c if i == self.text_col else clean_text(c) for i, c in enumerate(raw)]
        # Dates keep their raw value: a real Excel date cell is better than its text.
        for f in ("filing_date", "closing_date", "event_date", "birth_date", "id_number"):
            col = self.cols.get(f)
            if col is not None and col < len(raw) and not isinstance(raw[col], str):
                cells[col] = raw[col]
        if self.plan.kind == "cases":
            self._add_case(row_number, cells, case_values(cells, self.cols, self.extra_cols))
        else:
            self._add_list(row_number, cells, list_values(cells, self.cols, self.extra_cols))

    def _raw_cells(self, cells: Sequence[Any]) -> dict[str, str]:
        out: dict[str, str] = {}
        for i, value in enumerate(cells[: len(self.plan.headers)]):
            if i != self.text_col and value not in (None, ""):
                out[self.plan.headers[i]] = value if type(value) is str else clean_text(value)
        return out

    def _quarantine(self, row_number: int, reason: str, cells: Sequence[Any]) -> None:
        # The cells stay a dict here: the writer adds the text it kept, then stores JSON.
        shown = {h: clean_text(cells[i]) for i, h in enumerate(self.plan.headers) if i < len(cells)}
        self._push("quarantined_rows", (self._take("quarantined_rows"), self.dataset_id, row_number,
                                        reason, shown))
        self.tally.quarantined_count += 1
        if len(self.tally.quarantined) < MAX_REPORTED:
            self.tally.quarantined.append({"row": row_number, "reason": reason})

    def _source(self, row_number: int, cells: Sequence[Any]) -> int:
        sid = self._take("source_rows")
        self._push("source_rows", (sid, self.dataset_id, row_number, _dumps(self._raw_cells(cells))))
        return sid

    def _duplicate(self, key: Any, row_number: int, values: CaseValues | ListValues) -> bool:
        if key not in self.seen:
            self.seen[key] = row_number
            return False
        self.tally.duplicates += 1
        if len(self.tally.duplicate_rows) < MAX_REPORTED:
            entry: dict[str, Any] = {"row": row_number, "first_row": self.seen[key]}
            if isinstance(values, CaseValues):
                entry["case_no"] = values.case_no
            self.tally.duplicate_rows.append(entry)
        return True

    def _add_case(self, row_number: int, cells: Sequence[Any], values: CaseValues | str) -> None:
        if isinstance(values, str):
            self._quarantine(row_number, values, cells)
            return
        key = values.case_no_key
        if self._duplicate(key, row_number, values):
            return
        if key in self.existing:
            self.tally.conflict_count += 1
            if len(self.tally.conflicts) < MAX_REPORTED:
                self.tally.conflicts.append({"row": row_number, "case_no": values.case_no,
                                             "reason": "工作区中已有该案号（来自其他文件），未覆盖"})
            return
        sid = self._source(row_number, cells)
        case_id = self._take("cases")
        f = values.fields
        self._push("cases", (
            case_id, self.dataset_id, sid, values.case_no, key, values.year, values.court_code,
            values.case_type, values.seq, f["court"], f["cause"], f["procedure"], f["doc_type"],
            iso(f["filing_date"]), iso(f["closing_date"]), f["closing_method"], f["claim_amount"],
            f["service_method"], f["judge"], f["plaintiffs"], f["defendants"], f["third_parties"],
            f["agents"], _dumps(values.extra or None)))
        self.case_rows.append((row_number, case_id))
        for pos, mention in enumerate(values.parties):
            pid = self._take("parties")
            self._push("parties", (pid, *party_row(mention)))
            self._push("case_parties", (self._take("case_parties"), case_id, pid, mention.role, pos))
        self.tally.rows_imported += 1

    def _add_list(self, row_number: int, cells: Sequence[Any], values: ListValues | str) -> None:
        if isinstance(values, str):
            self._quarantine(row_number, values, cells)
            return
        if self._duplicate(values.identity, row_number, values):
            return
        sid = self._source(row_number, cells)
        f = values.fields
        self._push("list_records", (
            self._take("list_records"), self.dataset_id, sid, f["name"], f["name_key"],
            f["id_number"], f["id_number_raw"], f["id_problem"], iso(f["birth_date"]), f["gender"],
            iso(f["event_date"]), f["amount"], f["status"], f["address"], f["case_no"],
            _dumps(values.extra or None)))
        self.tally.rows_imported += 1


def data_rows(reader: WorkbookReader | TextTableReader, plan: ImportPlan) -> Iterator[tuple[int, list[Any]]]:
    """Yield (1-based row number, cells) for each non-blank row below the header."""
    for idx, row in enumerate(reader.rows(plan.sheet)):
        if idx <= plan.header_row:
            continue
        if not any(c is not None and c != "" for c in row):
            continue
        yield idx + 1, row


def read_batches(reader: WorkbookReader | TextTableReader, plan: ImportPlan) -> Iterator[Batch]:
    """Yield the data rows in batches, each row's judgment text taken out into ``texts``."""
    text_col = plan.mapping["full_text"].column if "full_text" in plan.mapping else None
    total = plan.total_rows
    rows: list[tuple[int, list[Any]]] = []
    texts: dict[int, Any] = {}
    read = 0
    for row_number, row in data_rows(reader, plan):
        if text_col is not None and text_col < len(row):
            row = list(row)
            texts[row_number], row[text_col] = row[text_col], None
        rows.append((row_number, row))
        read += 1
        if len(rows) >= CHUNK_ROWS:
            yield Batch(rows, texts, read, _fraction(reader, read, total))
            rows, texts = [], {}
    yield Batch(rows, texts, read, 1.0)


def _fraction(reader: WorkbookReader | TextTableReader, read: int, total: int) -> float:
    if isinstance(reader, TextTableReader):
        return reader.position()
    return read / total if total > 0 else -1.0


def complete(chunk: Chunk, batch: Batch, plan: ImportPlan) -> dict[str, list[tuple[Any, ...]]]:
    """Return the chunk's insert tuples with the batch's texts joined back in."""
    rows = chunk.rows
    texts = batch.texts
    if texts:
        case_texts = []
        for row_number, case_id in chunk.case_rows:
            value = text_value(texts.get(row_number))
            if value:
                case_texts.append((case_id, value))
        rows["case_texts"] = case_texts
    quarantined = rows.get("quarantined_rows")
    if quarantined:
        header = plan.mapping["full_text"].header if "full_text" in plan.mapping else None
        done = []
        for qid, dataset_id, row_number, reason, shown in quarantined:
            if header is not None and row_number in texts:
                shown[header] = clean_text(texts[row_number])
            done.append((qid, dataset_id, row_number, reason, _dumps(shown)))
        rows["quarantined_rows"] = done
    return rows
