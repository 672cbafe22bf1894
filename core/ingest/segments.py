"""Large CSV files cut into byte ranges that helper processes parse and convert themselves.

Parsing 900 MB of CSV is a fifth of an import's work; done in the helpers, the importing
process only writes. A range may only end where a record ends: at a line break outside
quotes. Counting quote bytes finds those (in UTF-8 and GB18030 neither the quote nor the
line-break byte occurs inside a multi-byte character). A stray quote inside an unquoted
cell could mislead the count; then the range before the cut ends inside a quoted field,
its strict parse fails, and the import starts over reading the file in one piece — so a
wrong cut can cost time but never a row.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.ingest.convert import CHUNK_ROWS, Item, RowConverter, take_text
from core.ingest.plan import ImportPlan
from core.ingest.readers import MAX_CELL_CHARS, MAX_COLUMNS
from core.ingest.records import text_value

SEGMENT_BYTES = 8 * 1024 * 1024
MIN_FILE_BYTES = 32 * 1024 * 1024  # below this, one reader is as quick
ENCODINGS = {"utf-8-sig": "utf-8", "utf-8": "utf-8", "gb18030": "gb18030"}  # first range -> others
_BLOCK = 8 * 1024 * 1024


class SegmentFailed(Exception):
    """A range could not be read on its own; the file is to be read in one piece instead."""


@dataclass(frozen=True)
class Segment:
    index: int
    start: int
    end: int
    encoding: str
    delimiter: str


@dataclass
class SegmentChunk:
    """Converted rows of one range. Row numbers count records from the range's start."""

    items: list[Item]
    texts: dict[int, bytes]  # local row number -> UTF-8 judgment text
    done: bool  # the range's last chunk
    records: int  # when done: records in the range (blank ones included)


def usable(plan: ImportPlan, size: int) -> bool:
    """Return True when the file is a large CSV in an encoding whose bytes can be cut."""
    return plan.encoding in ENCODINGS and plan.sheet == "" and size >= MIN_FILE_BYTES


def cut_points(path: Path, size: int, segment_bytes: int | None = None) -> Iterator[int]:
    """Yield byte offsets 0, …, size where records start, about ``segment_bytes`` apart."""
    segment_bytes = segment_bytes or SEGMENT_BYTES
    yield 0
    last = 0
    target = segment_bytes
    parity = 0  # quote bytes before the cursor, mod 2
    base = 0
    with path.open("rb") as fh:
        while target < size:
            block = fh.read(_BLOCK)
            if not block:
                break
            pos = 0
            while target < size:
                if base + pos < target:
                    stop = min(len(block), target - base)
                    parity ^= block.count(b'"', pos, stop) & 1
                    pos = stop
                    if pos == len(block):
                        break
                newline = block.find(b"\n", pos)
                if newline < 0:
                    parity ^= block.count(b'"', pos) & 1
                    break
                parity ^= block.count(b'"', pos, newline) & 1
                pos = newline + 1
                if parity == 0:
                    last = base + pos
                    yield last
                    target = last + segment_bytes
            base += len(block)
    if last < size:
        yield size


def segments(plan: ImportPlan, delimiter: str, size: int) -> Iterator[Segment]:
    """Yield the ranges of a CSV file to convert in helpers, each as soon as it is found."""
    assert plan.encoding is not None
    later = ENCODINGS[plan.encoding]
    for i, (start, end) in enumerate(itertools.pairwise(cut_points(plan.path, size))):
        yield Segment(i, start, end, plan.encoding if i == 0 else later, delimiter)


def convert_segment(conv: RowConverter, plan: ImportPlan, seg: Segment) -> Iterator[SegmentChunk]:
    """Parse and convert one range; raise SegmentFailed when it cannot be read on its own."""
    with plan.path.open("rb") as fh:
        fh.seek(seg.start)
        data = fh.read(seg.end - seg.start)
    try:
        decoded = data.decode(seg.encoding)
    except UnicodeDecodeError as exc:
        raise SegmentFailed("encoding") from exc
    del data
    csv.field_size_limit(MAX_CELL_CHARS + 1)
    reader = csv.reader(io.StringIO(decoded, newline=""), delimiter=seg.delimiter, strict=True)
    text_col = plan.mapping["full_text"].column if "full_text" in plan.mapping else None
    skip = plan.header_row if seg.index == 0 else -1
    items: list[Item] = []
    texts: dict[int, bytes] = {}
    records = 0
    try:
        for idx, row in enumerate(reader):
            records = idx + 1
            if idx <= skip or not _has_data(row):
                continue
            _check(row)
            number = idx + 1
            cells: list[Any] = row
            value = text_value(take_text(cells, text_col))
            if value:
                texts[number] = value.encode("utf-8")
            items.append(conv.row(number, cells))
            if len(items) >= CHUNK_ROWS:
                yield SegmentChunk(items, texts, False, 0)
                items, texts = [], {}
    except csv.Error as exc:
        raise SegmentFailed(str(exc)) from exc
    yield SegmentChunk(items, texts, True, records)


def _has_data(row: list[Any]) -> bool:
    return any(c != "" for c in row)


def _check(row: list[str]) -> None:
    """Leave refusals (too wide, NUL characters) to the one-piece reader and its messages."""
    if len(row) > MAX_COLUMNS or any("\x00" in c for c in row):
        raise SegmentFailed("refused")
