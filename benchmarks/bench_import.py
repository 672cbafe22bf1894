"""Time importing 100,000 judgments from .xlsx and .csv against a plain pandas baseline.

    python benchmarks/bench_import.py [--cases 100000] [--data DIR]

Each measurement runs in its own interpreter so its peak RSS is its own. Ours is timed from
the start of the interpreter (imports, opening the workspace, inspecting the file) to the
committed import; "+ checkpoint" is the time after that until the background thread has
copied the write-ahead log into the database file. Peak RSS is given for the importing
process and for the largest helper process (sampled every 0.2 s with psutil: the kernel's
own figure for a child counts the parent's pages it was forked from). "no normalising" is
the same import with each row reduced to its case number: the cost of reading, sending
and writing alone, which no faster normalisation can go below. The .xlsx is timed twice: with strings inline
(as openpyxl/xlsxwriter's constant-memory mode write them) and through the shared-string
table, as Excel and WPS save them. A fifth of the judgments' sentences are random words
(``tools.demogen.variety``) so that the texts compress like real ones: the generator's own
padding compresses 8× and made a workbook a quarter of a real one's size.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._util import print_table, run_child

OURS = """
import threading
from pathlib import Path
import psutil
from core.workspace import open_workspace
from core.ingest.pipeline import import_file

def watch_helpers(peak, stop):
    me = psutil.Process()
    while not stop.is_set():
        for child in me.children(recursive=True):
            try:
                peak[child.pid] = max(peak.get(child.pid, 0), child.memory_info().rss)
            except psutil.Error:
                pass
        stop.wait(0.2)

if __name__ == '__main__':
    peak, stop = {}, threading.Event()
    watcher = threading.Thread(target=watch_helpers, args=(peak, stop), daemon=True)
    watcher.start()
    ws = open_workspace(Path(sys.argv[2]))
    rep = import_file(ws, Path(sys.argv[1]))
    seconds = time.perf_counter() - t0
    ws.wait_for_checkpoints()
    stop.set()
    result = {'rows': rep.rows_imported, 'seconds': seconds,
              'checkpoint': time.perf_counter() - t0 - seconds,
              'helper_rss_mb': max(peak.values(), default=0) / 2**20}
"""

# The same import with every row's normalisation replaced by nothing but its case number
# (run at the top level, so the helper processes, which import this script again, get it
# too): what reading, sending and writing five tables cost on their own. Measured to know
# how far normalisation could be sped up before the pandas baseline is reached; its
# workspace is not a usable one.
FLOOR = """
from core.ingest import convert as _convert

def _case_number_only(self, row_number, raw):
    no = raw[self.cols["case_no"]]
    return (_convert.CASE, row_number, no, no, (no, no) + (None,) * 19, "{}", ())

_convert.RowConverter.row = _case_number_only
""" + OURS

PANDAS = """
import sqlite3
import pandas as pd
path = sys.argv[1]
con = sqlite3.connect(sys.argv[2] + '.db')
if path.endswith('.csv'):
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
else:
    df = pd.read_excel(path, engine='calamine', dtype=str, header=1)
df.to_sql('cases', con, if_exists='replace', index=False, chunksize=10000)
con.commit()
result = {'rows': len(df)}
"""


def make_data(folder: Path, n: int) -> tuple[Path, Path, Path]:
    from tools.demogen import generate_cases, write_cases_csv, write_cases_xlsx
    from tools.demogen.variety import vary_texts

    xlsx, shared = folder / f"varied_{n}.xlsx", folder / f"varied_{n}_shared.xlsx"
    csv = folder / f"varied_{n}.csv"
    if not (xlsx.exists() and csv.exists() and shared.exists()):
        t0 = time.perf_counter()
        records = vary_texts(generate_cases(n, seed=7, text_chars=(2000, 4000)), seed=5)
        write_cases_csv(csv, records, header_style="court_b", encoding="utf-8-sig")
        write_cases_xlsx(xlsx, records, header_style="court_a", title_row=True)
        write_cases_xlsx(shared, records, header_style="court_a", title_row=True, shared_strings=True)
        print(f"generated {n} cases in {time.perf_counter() - t0:.1f} s")
    return xlsx, shared, csv


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--data", type=Path, help="folder to keep generated files between runs")
    args = parser.parse_args()
    folder = args.data or Path(tempfile.mkdtemp(prefix="bench-import-"))
    folder.mkdir(parents=True, exist_ok=True)
    xlsx, shared, csv = make_data(folder, args.cases)
    rows = []
    for label, src in (("csv", csv), ("xlsx inline", xlsx), ("xlsx shared", shared)):
        for who, code in (("clueworks import", OURS), ("clueworks, no normalising", FLOOR),
                          ("pandas read+to_sql", PANDAS)):
            target = Path(tempfile.mkdtemp(prefix="ws-", dir=folder))
            res = run_child(code, str(src), str(target))
            ours = "checkpoint" in res
            rows.append(
                [
                    label,
                    who,
                    f"{src.stat().st_size / 1e6:.0f} MB",
                    int(res["rows"]),
                    f"{res['seconds']:.1f}",
                    f"+{res['checkpoint']:.1f}" if ours else "",
                    f"{res['rows'] / res['seconds']:,.0f}",
                    f"{res['peak_rss_mb']:,.0f}",
                    f"{res['helper_rss_mb']:,.0f}" if ours else "",
                ]
            )
            shutil.rmtree(target, ignore_errors=True)
    print_table(["format", "method", "file", "rows", "seconds", "+ checkpoint", "rows/s",
                 "peak RSS MB", "helper RSS MB"], rows)
    if not args.data:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
