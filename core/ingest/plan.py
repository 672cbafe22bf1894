"""Looking at a file before import: sheet, header row, mapping, dataset kind and list type."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.errors import RefusedInput, UserError
from core.ingest.headers import (
    LOW_CONFIDENCE,
    FieldMatch,
    detect_list_type,
    find_header_row,
    header_row_score,
    map_headers,
)
from core.ingest.lexicon import LIST_TYPES, field_labels
from core.ingest.normalise.cells import clean_text
from core.ingest.readers import (
    SheetInfo,
    TextTableReader,
    WorkbookReader,
    keep_for_import,
    open_table,
)
from core.ingest.subheaders import combine_sub_header

SAMPLE_ROWS = 60
CASE_SIGNALS = ("plaintiffs", "defendants", "full_text", "cause", "closing_method", "court")


@dataclass(frozen=True)
class ImportOptions:
    sheet: str | None = None
    kind: str | None = None  # "cases" | "list"
    list_type: str | None = None
    mapping: Mapping[str, str] = field(default_factory=dict)  # field -> header (user override)


@dataclass(frozen=True)
class OtherSheet:
    """A sheet not chosen for import that holds data: its name and data rows below its header."""

    name: str
    rows: int


@dataclass(frozen=True)
class ImportPlan:
    path: Path
    file_name: str
    sha256: str
    file_format: str
    encoding: str | None
    sheets: list[SheetInfo]
    sheet: str
    header_row: int  # 0-based index of the header among the sheet's rows
    headers: list[str]
    samples: list[list[str]]
    kind: str
    list_type: str | None
    mapping: dict[str, FieldMatch]
    total_rows: int
    other_sheets: list[OtherSheet] = field(default_factory=list)

    @property
    def unmapped(self) -> list[str]:
        used = {m.column for m in self.mapping.values()}
        return [h for i, h in enumerate(self.headers) if i not in used and h]

    def mapping_json(self) -> dict[str, dict[str, Any]]:
        return {
            f: {"header": m.header, "confidence": m.confidence, "by": m.by}
            for f, m in sorted(self.mapping.items(), key=lambda kv: kv[1].column)
        }


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(4 * 1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def make_headers(row: list[Any]) -> list[str]:
    """Return unique, non-empty header names for a header row."""
    out: list[str] = []
    seen: dict[str, int] = {}
    for idx, cell in enumerate(row):
        name = clean_text(cell).replace("\n", "") or f"列{idx + 1}"
        if name in seen:
            seen[name] += 1
            name = f"{name}({seen[name]})"
        else:
            seen[name] = 1
        out.append(name)
    return out


def _head_rows(reader: WorkbookReader | TextTableReader, sheet: str) -> list[list[str]]:
    rows: list[list[str]] = []
    for raw in reader.rows(sheet):
        rows.append([clean_text(c) for c in raw])
        if len(rows) >= SAMPLE_ROWS + 30:
            break
    return rows


def decide_kind(
    case_map: Mapping[str, FieldMatch], list_map: Mapping[str, FieldMatch], list_type: str
) -> str:
    """Return "cases" or "list" from what the mappings found."""
    has_case_no = "case_no" in case_map
    case_signals = sum(1 for f in CASE_SIGNALS if f in case_map)
    person_keyed = "id_number" in list_map or ("name" in list_map and "birth_date" in list_map)
    if has_case_no and case_signals >= 1 and not (person_keyed and list_type != "other"):
        return "cases"
    if person_keyed or ("name" in list_map and not has_case_no):
        return "list"
    return "cases" if has_case_no else "list"


def header_of(head: list[list[str]]) -> tuple[int, list[str]]:
    """Return the index of the last header row and the header cells (two rows combined)."""
    idx = find_header_row(head)
    parts = combine_sub_header(head[idx], head[idx + 1]) if idx + 1 < len(head) else None
    if parts is not None:  # a second header row under merged group labels: data start below it
        return idx + 1, parts
    return idx, head[idx]


def inspect_file(path: Path, options: ImportOptions | None = None) -> ImportPlan:
    """Read the head of ``path`` and propose how to import it; refuse unusable files."""
    opts = options or ImportOptions()
    reader = open_table(path)
    sheets = reader.sheets()
    sheet = opts.sheet if opts.sheet is not None else reader.default_sheet()
    if isinstance(reader, WorkbookReader) and sheet not in {s.name for s in sheets}:
        raise RefusedInput(
            f"文件中没有名为“{sheet}”的工作表。", "现有工作表：" + "、".join(s.name for s in sheets)
        )
    head = _head_rows(reader, sheet)
    if not any(any(c for c in r) for r in head):
        raise RefusedInput(f"文件“{path.name}”的工作表“{sheet or '（文本）'}”中没有数据。")
    header_idx, header_cells = header_of(head)
    headers = make_headers(header_cells)
    samples = [r for r in head[header_idx + 1 :] if any(r)][:SAMPLE_ROWS]
    if not samples:
        raise RefusedInput(
            f"文件“{path.name}”只有表头，没有数据行。",
            "表头：" + "、".join(h for h in headers if h),
        )
    list_type = opts.list_type or detect_list_type(headers, path.name, sheet, samples)
    if list_type not in LIST_TYPES:
        raise UserError(f"未知的名单类型：{list_type}", "可选：" + "、".join(LIST_TYPES))
    user_map = dict(opts.mapping)
    case_map = map_headers(headers, samples, "cases", _only(user_map, "cases"))
    list_map = map_headers(headers, samples, "lists", _only(user_map, "lists"))
    kind = opts.kind or decide_kind(case_map, list_map, list_type)
    if kind not in ("cases", "list"):
        raise UserError(f"未知的数据类型：{kind}", "可选：cases（案件）或 list（名单）")
    mapping = case_map if kind == "cases" else list_map
    _require_key(path, kind, mapping, headers)
    total = reader.total_rows(sheet)
    others: list[OtherSheet] = []
    if isinstance(reader, WorkbookReader):
        others = other_sheets(reader, sheets, sheet)
        keep_for_import(reader, sheet)
    return ImportPlan(
        path=path,
        file_name=path.name,
        sha256=file_sha256(path),
        file_format=path.suffix.lower().lstrip(".") or "text",
        encoding=reader.encoding if isinstance(reader, TextTableReader) else None,
        sheets=sheets,
        sheet=sheet,
        header_row=header_idx,
        headers=headers,
        samples=samples,
        kind=kind,
        list_type=list_type if kind == "list" else None,
        mapping=mapping,
        total_rows=total - header_idx - 1 if total > 0 else -1,
        other_sheets=others,
    )


def other_sheets(reader: WorkbookReader, sheets: list[SheetInfo], chosen: str) -> list[OtherSheet]:
    """Return the sheets besides ``chosen`` with a recognisable header and rows under it."""
    out: list[OtherSheet] = []
    for info in sheets:
        if info.name == chosen or info.rows < 2:
            continue
        head = _head_rows(reader, info.name)
        idx, cells = header_of(head)
        if header_row_score(cells) < LOW_CONFIDENCE or not any(any(r) for r in head[idx + 1 :]):
            continue  # notes, a lone title or an empty form: nothing to import
        out.append(OtherSheet(info.name, info.rows - idx - 1))
    return out


def _only(user_map: dict[str, str], family: str) -> dict[str, str]:
    from core.ingest.lexicon import CASE_MAPPABLE, LIST_FIELDS

    allowed = CASE_MAPPABLE if family == "cases" else LIST_FIELDS
    unknown = [f for f in user_map if f not in CASE_MAPPABLE and f not in LIST_FIELDS]
    if unknown:
        raise UserError(
            "未知的字段名：" + "、".join(unknown),
            "可用字段："
            + "、".join(f"{f}（{field_labels().get(f, f)}）" for f in (*CASE_MAPPABLE, *LIST_FIELDS)),
        )
    return {f: h for f, h in user_map.items() if f in allowed}


def _require_key(
    path: Path, kind: str, mapping: Mapping[str, FieldMatch], headers: list[str]
) -> None:
    shown = "、".join(h for h in headers[:20] if h)
    if kind == "cases" and "case_no" not in mapping:
        raise RefusedInput(
            f"文件“{path.name}”中找不到案号列，无法作为案件数据导入。",
            f"识别到的表头：{shown}。如案号列名称特殊，可用 --map case_no=表头 指定。",
        )
    if kind == "list" and "id_number" not in mapping and "name" not in mapping:
        raise RefusedInput(
            f"文件“{path.name}”中找不到案号列或身份证号、姓名列，无法导入。",
            f"识别到的表头：{shown}。可用 --map id_number=表头 指定身份证号列。",
        )
