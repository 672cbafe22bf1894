"""Write cases and lists as the offices do: .xlsx (two engines), .csv (two encodings), .ods."""

from __future__ import annotations

import csv
import importlib.util
import random
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from tools.demogen.cells import (
    render_agents,
    render_amount,
    render_case_no,
    render_date,
    render_parties,
)
from tools.demogen.headers import CASE_STYLES, LIST_STYLES, HeaderStyle
from tools.demogen.records import CaseRecord

Cell = str | int | float | date
_FIXED_TIME = datetime(2024, 12, 31, 9, 0, 0)
_DATE_FIELDS = frozenset({"filing_date", "closing_date"})
_PARTY_FIELDS = {"plaintiffs": "原告：", "defendants": "被告：", "third_parties": "第三人："}


def default_title(records: Sequence[CaseRecord]) -> str:
    """Return a title like 示例县人民法院2021-2024年民事案件结案情况统计表."""
    if not records:
        return "民事案件结案情况统计表"
    years = sorted({r.closing_date.year for r in records})
    span = f"{years[0]}" if years[0] == years[-1] else f"{years[0]}-{years[-1]}"
    return f"{records[0].court}{span}年民事案件结案情况统计表"


def case_rows(
    records: Sequence[CaseRecord], style: HeaderStyle, seed: int
) -> tuple[list[str], list[list[Cell]]]:
    """Return the header and the rendered rows of a case export in one office's habits."""
    rng = random.Random(seed)
    header = [h for _, h in style.columns]
    if style.serial_column:
        header.insert(0, "序号")
    rows: list[list[Cell]] = []
    for n, rec in enumerate(records, start=1):
        odd = rng.random() < style.mixed
        dfmt = rng.choice(style.dates[1:]) if odd and len(style.dates) > 1 else style.dates[0]
        afmt = rng.choice(style.amounts[1:]) if odd and len(style.amounts) > 1 else style.amounts[0]
        sep = (
            rng.choice(style.party_sep[1:])
            if odd and len(style.party_sep) > 1
            else style.party_sep[0]
        )
        row: list[Cell] = [n] if style.serial_column else []
        for key, _ in style.columns:
            row.append(_case_cell(rng, rec, key, style, dfmt, afmt, sep))
        rows.append(row)
    return header, rows


def _case_cell(
    rng: random.Random,
    rec: CaseRecord,
    key: str,
    style: HeaderStyle,
    dfmt: str,
    afmt: str,
    sep: str,
) -> Cell:
    if key == "case_no":
        return render_case_no(rng, rec.case_no, style.messy_case_no)
    if key in _DATE_FIELDS:
        return render_date(getattr(rec, key), dfmt)
    if key == "claim_amount":
        return render_amount(rec.claim_amount, afmt)
    if key in _PARTY_FIELDS:
        return render_parties(
            rng,
            getattr(rec, key),
            sep=sep,
            prefix=_PARTY_FIELDS[key] if style.party_prefix else "",
            with_id=style.with_id,
            with_address=style.with_address,
        )
    if key == "agents":
        return render_agents(rng, rec.agents, sep=sep, style=style.agent_style)
    value = getattr(rec, key)
    return "" if value is None else str(value)


def list_rows(
    rows: Sequence[Any], header_style: str, date_format: str, for_csv: bool
) -> tuple[list[str], list[list[Cell]]]:
    """Return the header and rendered rows of a person list (deaths, pensions, …)."""
    if not rows:
        return [], []
    columns = LIST_STYLES[type(rows[0]).__name__][header_style]
    out: list[list[Cell]] = []
    for r in rows:
        line: list[Cell] = []
        for key, _ in columns:
            value = getattr(r, key)
            if key == "month":
                line.append(_month(value, date_format))
            elif isinstance(value, date):
                line.append(render_date(value, date_format))
            elif isinstance(value, Decimal):
                line.append(f"{value:.2f}" if for_csv else float(value))
            elif key == "id_number" and "E+" in value and not for_csv:
                line.append(float(value))  # what Excel stores for an ID typed as a number
            else:
                line.append(value)
        out.append(line)
    return [h for _, h in columns], out


def _month(d: date, fmt: str) -> Cell:
    if fmt == "cn":
        return f"{d.year}年{d.month}月"
    if fmt == "compact":
        return f"{d.year}{d.month:02d}"
    if fmt == "excel":
        return d
    return f"{d.year}-{d.month:02d}"


def write_cases_xlsx(
    path: str | Path,
    records: Sequence[CaseRecord],
    *,
    header_style: str = "court_a",
    title_row: bool = True,
    shared_strings: bool = False,
    engine: str = "xlsxwriter",
    seed: int = 0,
    title: str | None = None,
) -> Path:
    """Write cases to .xlsx; ``shared_strings`` as Excel/WPS save, else inline strings."""
    header, rows = case_rows(records, CASE_STYLES[header_style], seed)
    heading = (title or default_title(records)) if title_row else None
    return _write_xlsx(Path(path), header, rows, heading, shared_strings, engine)


def write_cases_csv(
    path: str | Path,
    records: Sequence[CaseRecord],
    *,
    header_style: str = "court_b",
    encoding: str = "utf-8-sig",
    title_row: bool = False,
    seed: int = 0,
    title: str | None = None,
) -> Path:
    """Write cases to .csv in ``encoding`` (utf-8-sig or gb18030), Excel line endings."""
    header, rows = case_rows(records, CASE_STYLES[header_style], seed)
    heading = (title or default_title(records)) if title_row else None
    return _write_csv(Path(path), header, rows, heading, encoding)


def write_list_xlsx(
    path: str | Path,
    rows: Sequence[Any],
    *,
    header_style: str = "a",
    title: str | None = None,
    date_format: str = "excel",
    shared_strings: bool = False,
    engine: str = "xlsxwriter",
) -> Path:
    """Write a person list to .xlsx, with a merged title row when ``title`` is given."""
    header, body = list_rows(rows, header_style, date_format, for_csv=False)
    return _write_xlsx(Path(path), header, body, title, shared_strings, engine)


def write_list_csv(
    path: str | Path,
    rows: Sequence[Any],
    *,
    header_style: str = "a",
    encoding: str = "utf-8",
    date_format: str = "dash",
    title: str | None = None,
) -> Path:
    """Write a person list to .csv."""
    header, body = list_rows(rows, header_style, date_format, for_csv=True)
    return _write_csv(Path(path), header, body, title, encoding)


def ods_available() -> bool:
    """True when pandas can write .ods here (it needs odfpy, which we do not install)."""
    return importlib.util.find_spec("odf") is not None


def write_ods(
    path: str | Path, records: Sequence[CaseRecord], *, header_style: str = "court_a", seed: int = 0
) -> Path:
    """Write cases to .ods through pandas and odfpy (raises when odfpy is missing)."""
    if not ods_available():
        raise ModuleNotFoundError("写 .ods 需要 odfpy，本环境未安装")
    import pandas as pd

    header, rows = case_rows(records, CASE_STYLES[header_style], seed)
    engine: Any = "odf"  # pandas' stubs only list the xlsx engines
    pd.DataFrame(rows, columns=header).to_excel(Path(path), engine=engine, index=False)
    return Path(path)


def _csv_value(v: Cell) -> str:
    if isinstance(v, date):
        return f"{v.year}/{v.month}/{v.day}"  # what Excel's CSV export makes of a date cell
    if isinstance(v, float):
        return f"{v:.2f}"
    return str(v)


def _write_csv(
    path: Path, header: list[str], rows: list[list[Cell]], title: str | None, encoding: str
) -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh, lineterminator="\r\n")
        if title:
            w.writerow([title] + [""] * (len(header) - 1))
        w.writerow(header)
        for row in rows:
            w.writerow([_csv_value(v) for v in row])
    return path


def _write_xlsx(
    path: Path,
    header: list[str],
    rows: list[list[Cell]],
    title: str | None,
    shared_strings: bool,
    engine: str,
) -> Path:
    if engine == "openpyxl":
        return _write_openpyxl(path, header, rows, title)
    import xlsxwriter

    wb = xlsxwriter.Workbook(
        str(path),
        {
            "constant_memory": not shared_strings,
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    wb.set_properties({"created": _FIXED_TIME, "author": "demogen"})
    ws = wb.add_worksheet("Sheet1")
    date_fmt = wb.add_format({"num_format": "yyyy/m/d"})
    money_fmt = wb.add_format({"num_format": "#,##0.00"})
    r = 0
    if title:
        ws.merge_range(
            0,
            0,
            0,
            max(1, len(header) - 1),
            title,
            wb.add_format({"bold": True, "align": "center", "font_size": 14}),
        )
        r = 1
    ws.write_row(r, 0, header, wb.add_format({"bold": True}))
    for row in rows:
        r += 1
        for c, v in enumerate(row):
            if isinstance(v, str):
                ws.write_string(r, c, v)
            elif isinstance(v, date):
                ws.write_datetime(r, c, datetime(v.year, v.month, v.day), date_fmt)
            elif isinstance(v, float):
                ws.write_number(r, c, v, money_fmt if v < 1e12 else None)
            else:
                ws.write_number(r, c, v)
    wb.close()
    return path


def _write_openpyxl(
    path: Path, header: list[str], rows: list[list[Cell]], title: str | None
) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(2, len(header)))
        ws.cell(1, 1).font = Font(bold=True, size=14)
        ws.cell(1, 1).alignment = Alignment(horizontal="center")
    ws.append(header)
    for row in rows:
        ws.append(row)
    for row_cells in ws.iter_rows(min_row=2 if title else 1):
        for cell in row_cells:
            if isinstance(cell.value, str) and cell.value[:1] == "=":
                cell.data_type = "s"  # never a live formula
            elif isinstance(cell.value, (date, datetime)):
                cell.number_format = "yyyy/m/d"
    wb.properties.created = _FIXED_TIME
    wb.properties.modified = _FIXED_TIME
    wb.save(path)
    return path
