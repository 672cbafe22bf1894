"""Turning the data rows of a sheet into ready-to-insert row tuples, batch by batch.

The importing process reads the file and keeps each row's judgment text (most of the
bytes); the rest of the row is normalised by ``convert_rows`` (in this process for small
files, in helper processes for large ones, so both cores of a county PC share the work
without shipping texts between processes). ``convert_rows`` needs no state: it returns one
item per row. The Assembler, in the importing process, takes the items in file order, gives
out ids, finds duplicates and conflicts, and joins the texts back in.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from core.ingest.headers import amount_scale
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
    """What the import found, row by row; becomes part of the import report."""

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


# One converted row, as a plain tuple (cheap to send between processes); the first element
# says which:
#   (QUARANTINE, row_number, reason, shown_cells)
#   (CASE, row_number, case_no_key, case_no, case_columns, source_json, ((party_row, role), ...))
#   (RECORD, row_number, identity, record_columns, source_json)
# case_columns / record_columns are the table's columns after id, dataset_id, source_row_id.
QUARANTINE, CASE, RECORD = 0, 1, 2
Item = tuple[Any, ...]


def _dumps(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


class RowConverter:
    """Normalises rows of one planned sheet; holds no state between rows."""

    def __init__(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.cases = plan.kind == "cases"
        self.cols = {f: m.column for f, m in plan.mapping.items()}
        used = set(self.cols.values())
        self.extra_cols = {h: i for i, h in enumerate(plan.headers) if i not in used}
        self.text_col = self.cols.get("full_text")
        self.kept_raw = [c for f in ("filing_date", "closing_date", "event_date", "birth_date", "id_number")
                         if (c := self.cols.get(f)) is not None]
        money = plan.mapping.get("claim_amount" if self.cases else "amount")
        self.amount_scale = amount_scale(money.header) if money is not None else 1

    def convert(self, rows: Sequence[tuple[int, Sequence[Any]]]) -> list[Item]:
        """Return one item per (row number, cells) row, in order."""
        return [self.row(n, cells) for n, cells in rows]

    def values(self, cells: Sequence[Any]) -> CaseValues | ListValues | str:
        """Return a row's canonical values, or a Chinese reason to quarantine it."""
        if self.cases:
            return case_values(cells, self.cols, self.extra_cols, self.amount_scale)
        return list_values(cells, self.cols, self.extra_cols, self.plan.list_type, self.amount_scale)

    def row(self, row_number: int, raw: Sequence[Any]) -> Item:
        text_col = self.text_col
        cells = [c if i == text_col else clean_text(c) for i, c in enumerate(raw)]
        # Dates keep their raw value: a real Excel date cell is better than its text.
        for col in self.kept_raw:
            if col < len(raw) and not isinstance(raw[col], str):
                cells[col] = raw[col]
        values = self.values(cells)
        if isinstance(values, str):
            return self._quarantine(row_number, values, cells)
        if isinstance(values, CaseValues):
            return self._case(row_number, cells, values)
        return self._record(row_number, cells, values)

    def _source_json(self, cells: Sequence[Any]) -> str | None:
        headers = self.plan.headers
        out: dict[str, str] = {}
        for i, value in enumerate(cells[: len(headers)]):
            if i != self.text_col and value not in (None, ""):
                out[headers[i]] = value if type(value) is str else clean_text(value)
        return _dumps(out)

    def _quarantine(self, row_number: int, reason: str, cells: Sequence[Any]) -> Item:
        # The cells stay a dict: the assembler adds the text it kept, then stores JSON.
        shown = {h: clean_text(cells[i]) for i, h in enumerate(self.plan.headers) if i < len(cells)}
        return (QUARANTINE, row_number, reason, shown)

    def _case(self, row_number: int, cells: Sequence[Any], values: CaseValues) -> Item:
        f = values.fields
        columns = (
            values.case_no, values.case_no_key, values.year, values.court_code, values.case_type,
            values.seq, f["court"], f["cause"], f["procedure"], f["doc_type"], iso(f["filing_date"]),
            iso(f["closing_date"]), f["closing_method"], f["claim_amount"], f["service_method"],
            f["judge"], f["plaintiffs"], f["defendants"], f["third_parties"], f["agents"],
            _dumps(values.extra or None))
        parties = tuple((party_row(m), m.role) for m in values.parties)
        return (CASE, row_number, values.case_no_key, values.case_no, columns,
                self._source_json(cells), parties)

    def _record(self, row_number: int, cells: Sequence[Any], values: ListValues) -> Item:
        f = values.fields
        columns = (
            f["name"], f["name_key"], f["id_number"], f["id_number_raw"], f["id_problem"],
            iso(f["birth_date"]), f["gender"], iso(f["event_date"]), f["amount"], f["status"],
            f["address"], f["case_no"], _dumps(values.extra or None))
        return (RECORD, row_number, values.identity, columns, self._source_json(cells))


class Assembler:
    """Turns converted items, in file order, into insert tuples with ids; keeps the Tally."""

    def __init__(self, plan: ImportPlan, dataset_id: int, next_ids: dict[str, int],
                 existing_keys: set[str]) -> None:
        self.plan = plan
        self.dataset_id = dataset_id
        self.next = dict(next_ids)
        self.existing = existing_keys
        self.seen: dict[Any, int] = {}
        self.tally = Tally()
        # The case of the row before, so that the next row with its number (one row per
        # party, a case number merged down) adds its parties to it instead of being dropped.
        self.last: _LastCase | None = None
        text = plan.mapping.get("full_text")
        self.text_header = text.header if text is not None else None

    def assemble(self, items: Sequence[Item], texts: Mapping[int, Any],
                 offset: int = 0) -> dict[str, list[tuple[Any, ...]]]:
        """Return the insert tuples, by table, of converted items.

        ``texts`` holds the judgment texts kept back, by the items' row numbers: raw cells,
        or UTF-8 bytes already trimmed. ``offset`` is added to the items' row numbers (rows
        counted from the start of a part of the file).
        """
        out: dict[str, list[tuple[Any, ...]]] = {t: [] for t, _cols in TABLES}
        sources, cases, kept_texts = out["source_rows"], out["cases"], out["case_texts"]
        parties, links, records = out["parties"], out["case_parties"], out["list_records"]
        nxt, dataset_id = self.next, self.dataset_id
        tally = self.tally
        tally.rows_read += len(items)
        for item in items:
            kind, local = item[0], item[1]
            row_number = local + offset
            if kind == QUARANTINE:
                self._quarantine(out["quarantined_rows"], item, row_number, texts.get(local))
                continue
            if kind == CASE and self.last is not None and item[2] == self.last.key:
                self._join_parties(out, item, row_number, self.last)
                continue
            if self._skip(kind, row_number, item):
                if kind == CASE:
                    self.last = None
                continue
            sid = nxt["source_rows"]
            nxt["source_rows"] = sid + 1
            if kind == RECORD:
                sources.append((sid, dataset_id, row_number, item[4]))
                rid = nxt["list_records"]
                nxt["list_records"] = rid + 1
                records.append((rid, dataset_id, sid, *item[3]))
                tally.rows_imported += 1
                continue
            sources.append((sid, dataset_id, row_number, item[5]))
            case_id = nxt["cases"]
            nxt["cases"] = case_id + 1
            cases.append((case_id, dataset_id, sid, *item[4]))
            value = texts.get(local)
            if value is not None and (value := value if type(value) is bytes else text_value(value)):
                kept_texts.append((case_id, value))
            pid, lid = nxt["parties"], nxt["case_parties"]
            for pos, (columns, role) in enumerate(item[6]):
                parties.append((pid, *columns))
                links.append((lid, case_id, pid, role, pos))
                pid += 1
                lid += 1
            nxt["parties"], nxt["case_parties"] = pid, lid
            self.last = _LastCase(item[2], case_id, len(item[6]), {_identity(c, r) for c, r in item[6]})
            tally.rows_imported += 1
        return out

    def _join_parties(self, out: dict[str, list[tuple[Any, ...]]], item: Item, row_number: int,
                      last: _LastCase) -> None:
        """Add the parties of a row repeating the case number of the row before to that case."""
        added = 0
        for columns, role in item[6]:
            identity = _identity(columns, role)
            if identity in last.parties:
                continue
            last.parties.add(identity)
            pid, lid = self.next["parties"], self.next["case_parties"]
            out["parties"].append((pid, *columns))
            out["case_parties"].append((lid, last.case_id, pid, role, last.position))
            self.next["parties"], self.next["case_parties"] = pid + 1, lid + 1
            last.position += 1
            added += 1
        tally = self.tally
        tally.duplicates += 1
        if len(tally.duplicate_rows) < MAX_REPORTED:
            tally.duplicate_rows.append({"row": row_number, "first_row": self.seen[item[2]],
                                         "case_no": item[3], "parties_added": added})

    def _skip(self, kind: int, row_number: int, item: Item) -> bool:
        """Return True (and count it) when the row repeats an earlier one or a stored case."""
        key = item[2]
        tally = self.tally
        first = self.seen.get(key)
        if first is None:
            self.seen[key] = row_number
            if kind == CASE and key in self.existing:
                tally.conflict_count += 1
                if len(tally.conflicts) < MAX_REPORTED:
                    tally.conflicts.append({"row": row_number, "case_no": item[3],
                                            "reason": "工作区中已有该案号（来自其他文件），未覆盖"})
                return True
            return False
        tally.duplicates += 1
        if len(tally.duplicate_rows) < MAX_REPORTED:
            entry: dict[str, Any] = {"row": row_number, "first_row": first}
            if kind == CASE:
                entry["case_no"] = item[3]
            tally.duplicate_rows.append(entry)
        return True

    def _quarantine(self, out: list[tuple[Any, ...]], item: Item, row_number: int, text: Any) -> None:
        reason, shown = item[2], item[3]
        if self.text_header is not None and text is not None:
            shown[self.text_header] = clean_text(text)
        qid = self.next["quarantined_rows"]
        self.next["quarantined_rows"] = qid + 1
        out.append((qid, self.dataset_id, row_number, reason, _dumps(shown)))
        self.tally.quarantined_count += 1
        if len(self.tally.quarantined) < MAX_REPORTED:
            self.tally.quarantined.append({"row": row_number, "reason": reason})


@dataclass
class _LastCase:
    """The case the row before made: its key, id, next party position and parties."""

    key: Any
    case_id: int
    position: int
    parties: set[tuple[Any, ...]]


def _identity(columns: tuple[Any, ...], role: str) -> tuple[Any, ...]:
    """Return what tells two parties of one case apart: name key, ID number, role."""
    return (columns[1], columns[4], role)


def data_rows(reader: WorkbookReader | TextTableReader, plan: ImportPlan) -> Iterator[tuple[int, list[Any]]]:
    """Yield (1-based row number, cells) for each non-blank row below the header.

    A cell merged down over several rows (a case number over one row per defendant) is
    given to each of those rows, as the reader of the sheet sees it.
    """
    merges = _merges_below_header(reader, plan)
    merged_values: dict[tuple[int, int], Any] = {}
    for idx, row in enumerate(reader.rows(plan.sheet)):
        if idx <= plan.header_row:
            continue
        if idx in merges:
            row = _fill_merged(row, idx, merges[idx], merged_values)
        if not any(c is not None and c != "" for c in row):
            continue
        yield idx + 1, row


def _merges_below_header(reader: WorkbookReader | TextTableReader,
                         plan: ImportPlan) -> dict[int, list[tuple[int, int, int]]]:
    """Return, by row, the (first row, first column, last column) of merges covering it."""
    if not isinstance(reader, WorkbookReader):
        return {}
    out: dict[int, list[tuple[int, int, int]]] = {}
    for r0, r1, c0, c1 in reader.merged_down(plan.sheet):
        if r0 > plan.header_row:
            for r in range(r0, r1 + 1):
                out.setdefault(r, []).append((r0, c0, c1))
    return out


def _fill_merged(row: list[Any], idx: int, merges: list[tuple[int, int, int]],
                 values: dict[tuple[int, int], Any]) -> list[Any]:
    """Return the row with the cells of merges it lies in holding the merge's value."""
    row = list(row)
    for first, c0, c1 in merges:
        for col in range(c0, min(c1 + 1, len(row))):
            if idx == first:
                values[(first, col)] = row[col]
            elif row[col] is None or row[col] == "":
                row[col] = values.get((first, col), row[col])
    return row


def take_text(cells: list[Any], text_col: int | None) -> Any:
    """Return the row's judgment text cell and blank it in ``cells`` (None when it has none)."""
    if text_col is None or text_col >= len(cells):
        return None
    text, cells[text_col] = cells[text_col], None
    return text


def read_batches(reader: WorkbookReader | TextTableReader, plan: ImportPlan) -> Iterator[Batch]:
    """Yield the data rows in batches, each row's judgment text taken out into ``texts``."""
    text_col = plan.mapping["full_text"].column if "full_text" in plan.mapping else None
    total = plan.total_rows
    rows: list[tuple[int, list[Any]]] = []
    texts: dict[int, Any] = {}
    read = 0
    for row_number, row in data_rows(reader, plan):
        row = list(row)
        text = take_text(row, text_col)
        if text is not None:
            texts[row_number] = text
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
