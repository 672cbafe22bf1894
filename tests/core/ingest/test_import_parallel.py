"""Large-file import: helper processes, indexes rebuilt in bulk, kept workbooks, late checkpoints.

Small files are used with the thresholds lowered, so the same code runs as for 100,000 rows.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from core.errors import Cancelled, CancelToken, RefusedInput
from core.ingest import bulk, readers, segments
from core.ingest.pipeline import import_file
from core.ingest.plan import inspect_file
from core.workspace import Workspace, open_workspace
from tests.conftest import table_counts, write_csv, write_xlsx
from tests.core.ingest.casedata import HEADERS_B, case_rows

ROWS = 7_000  # four batches of 2,000: both helpers get two


def _indexes(ws: Workspace) -> list[tuple[str, str]]:
    with ws.read() as conn:
        found = conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"))
        return [(str(n), str(s)) for n, s in found]


def _dump(ws: Workspace) -> dict[str, list[Any]]:
    queries = {
        "cases": "SELECT * FROM cases ORDER BY id",
        "case_texts": "SELECT * FROM case_texts ORDER BY case_id",
        "parties": "SELECT * FROM parties ORDER BY id",
        "case_parties": "SELECT * FROM case_parties ORDER BY id",
        "source_rows": "SELECT * FROM source_rows ORDER BY id",
        "quarantined_rows": "SELECT * FROM quarantined_rows ORDER BY id",
    }
    with ws.read() as conn:
        return {k: [tuple(r) for r in conn.execute(text(q))] for k, q in queries.items()}


def _rows() -> list[list[Any]]:
    rows = case_rows(ROWS, style="B")
    for row in rows:
        row[-1] = row[-1].replace("。", "。\r\n")  # judgments hold line breaks and commas
    rows[6_100][0] = rows[12][0]  # the same case number in the first and the last batch
    rows[4_321][0] = ""  # no case number: quarantined, with its judgment text kept
    rows[77][-1] = '原告出具的"借条"一张，载明"今借到"。'  # quotes inside a quoted cell
    return rows


@pytest.fixture
def messy_csv(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "big.csv", HEADERS_B, _rows())


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cut even this small file into ranges of 150 KB for the helpers to parse."""
    monkeypatch.setattr(segments, "MIN_FILE_BYTES", 0)
    monkeypatch.setattr(segments, "SEGMENT_BYTES", 150_000)


@pytest.fixture
def bulk_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk, "_MIN_ROWS", 1_000)


def _check_same_as_one_process(tmp_path: Path, path: Path) -> None:
    one = open_workspace(tmp_path / "one")
    two = open_workspace(tmp_path / "two")
    fresh_indexes = _indexes(one)
    try:
        a = import_file(one, path, parallel=False)
        b = import_file(two, path, parallel=True)
        for report in (a, b):
            assert report.rows_read == ROWS
            assert report.rows_imported == ROWS - 2
            assert report.duplicates == 1
            assert report.duplicate_rows == [{"row": 6_102, "first_row": 14, "case_no": "（2023）浙0783民初13号"}]
            assert report.quarantined == [{"row": 4_323, "reason": "案号为空"}]
        assert _dump(one) == _dump(two)
        assert _indexes(two) == fresh_indexes  # dropped for the bulk load, rebuilt as they were
        with two.read() as conn:
            shown = conn.execute(text("SELECT cells FROM quarantined_rows")).scalar_one()
        assert "被告向原告借款" in shown  # the text the reading process kept went with it
        assert two.integrity_ok()
    finally:
        one.close()
        two.close()


@pytest.mark.usefixtures("bulk_threshold")
def test_helpers_fill_the_workspace_exactly_as_one_process(tmp_path: Path, messy_csv: Path) -> None:
    _check_same_as_one_process(tmp_path, messy_csv)


@pytest.mark.usefixtures("bulk_threshold", "small_parts")
def test_helpers_parsing_ranges_fill_it_exactly_as_one_process(tmp_path: Path, messy_csv: Path) -> None:
    assert len(list(segments.cut_points(messy_csv, messy_csv.stat().st_size))) > 10
    _check_same_as_one_process(tmp_path, messy_csv)


@pytest.mark.usefixtures("small_parts")
def test_a_stray_quote_costs_time_not_rows(tmp_path: Path) -> None:
    rows = _rows()[:3_000]
    rows[5][1] = '示例县人民法院"'  # an unquoted cell with a quote in it: the byte count lies
    path = tmp_path / "stray.csv"
    with path.open("w", encoding="gb18030", newline="") as fh:
        fh.write(",".join(HEADERS_B) + "\r\n")
        for row in rows:
            cells = [f'"{c}"' if any(ch in c for ch in ',"\r\n') and c != rows[5][1] else c
                     for c in (str(v).replace('"', '""') if str(v) != rows[5][1] else str(v) for v in row)]
            fh.write(",".join(cells) + "\r\n")
    seq = open_workspace(tmp_path / "seq")
    par = open_workspace(tmp_path / "par")
    try:
        a = import_file(seq, path, parallel=False)
        b = import_file(par, path, parallel=True)
        assert a.rows_imported == b.rows_imported == 3_000 and b.encoding == "gb18030"
        assert _dump(seq) == _dump(par)
    finally:
        seq.close()
        par.close()


def test_cut_points_fall_where_records_end(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", HEADERS_B, _rows()[:2_000])
    data = path.read_bytes()
    points = list(segments.cut_points(path, len(data), 40_000))
    assert points[0] == 0 and points[-1] == len(data) and len(points) > 20
    for point in points[1:-1]:
        assert data[point - 1 : point] == b"\n" and data[:point].count(b'"') % 2 == 0
        assert abs(point - 40_000 * round(point / 40_000)) < 40_000  # about every 40 KB


@pytest.mark.usefixtures("bulk_threshold")
def test_cancel_with_helpers_restores_rows_and_indexes(workspace: Workspace, messy_csv: Path) -> None:
    before, indexes = table_counts(workspace), _indexes(workspace)
    token = CancelToken()

    def progress(done: int, total: int) -> None:
        if done >= 2_000:
            token.cancel()

    with pytest.raises(Cancelled):
        import_file(workspace, messy_csv, parallel=True, progress=progress, cancel=token)
    assert table_counts(workspace) == before
    assert _indexes(workspace) == indexes
    assert workspace.integrity_ok()


def test_no_bulk_load_into_a_workspace_holding_more(tmp_path: Path, workspace: Workspace) -> None:
    first = write_csv(tmp_path / "first.csv", HEADERS_B, case_rows(3_000, style="B", year=2021))
    import_file(workspace, first)
    second = inspect_file(write_csv(tmp_path / "second.csv", HEADERS_B, case_rows(1_500, style="B")))
    assert 1_000 <= bulk.estimated_rows(second) <= 2_500  # from the file's size and its samples
    with workspace.write() as conn:
        assert bulk.drop_indexes_for_bulk(conn, second) == []  # below the threshold anyway
        bulk._MIN_ROWS, saved = 100, bulk._MIN_ROWS
        try:
            assert bulk.drop_indexes_for_bulk(conn, second) == []  # 3,000 held > 1,500 coming
        finally:
            bulk._MIN_ROWS = saved


def test_inspected_workbook_is_kept_for_its_import_only(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", HEADERS_B, case_rows(50, style="B"))
    inspect_file(path)
    kept = readers.open_table(path, reuse=True)
    assert readers.open_table(path, reuse=True) is not kept  # taken once, then read afresh
    inspect_file(path)
    write_xlsx(path, HEADERS_B, case_rows(60, style="B"))  # the file changed since
    os.utime(path, ns=(1, 1))
    reread = readers.open_table(path, reuse=True)
    assert isinstance(reread, readers.WorkbookReader)
    assert sum(1 for _ in reread.rows(reread.default_sheet())) == 61


def test_late_checkpoint_copies_the_log_and_restores_the_setting(workspace: Workspace) -> None:
    size = workspace.db_path.stat().st_size
    with workspace.write(checkpoint_later=True) as conn:
        conn.execute(text("CREATE TABLE scratch (x TEXT)"))
        conn.execute(text("INSERT INTO scratch VALUES (:x)"), [{"x": "案" * 5000}] * 200)
    workspace.wait_for_checkpoints()
    # Only a checkpoint moves pages from the log into the database file (3 MB were written).
    assert workspace.db_path.stat().st_size >= size + 2_500_000
    with workspace.read() as conn:
        assert conn.execute(text("PRAGMA wal_autocheckpoint")).scalar_one() == 1000


def _refusals(tmp_path: Path, path: Path) -> list[str]:
    """Import ``path`` with one reader, then with helpers; each must be refused and change nothing."""
    messages = []
    for parallel in (False, True):
        ws = open_workspace(tmp_path / f"ws{parallel}")
        before = table_counts(ws)
        with pytest.raises(RefusedInput) as refused:
            import_file(ws, path, parallel=parallel)
        assert table_counts(ws) == before and ws.integrity_ok()
        messages.append(refused.value.message)
        ws.close()
    return messages


@pytest.mark.usefixtures("small_parts")
def test_a_bad_cell_in_a_later_range_is_refused_as_by_one_reader(tmp_path: Path) -> None:
    rows = _rows()[:3_000]
    rows[2_500][2] = "买卖合同\x00纠纷"
    path = write_csv(tmp_path / "nul.csv", HEADERS_B, rows)
    messages = _refusals(tmp_path, path)
    assert messages[0] == messages[1] and "第 2502 行" in messages[1] and "空字符" in messages[1]


@pytest.mark.usefixtures("small_parts")
def test_gbk_bytes_after_a_utf8_head_are_refused_as_by_one_reader(tmp_path: Path) -> None:
    rows = _rows()[:3_100]
    for row in rows:
        row[-1] = row[-1] * 12  # 9 MB: past the 8 MB the encoding is chosen from
    head = write_csv(tmp_path / "head.csv", HEADERS_B, rows[:3_000], encoding="utf-8")
    tail = tmp_path / "tail.csv"
    write_csv(tail, HEADERS_B, rows[3_000:], encoding="gb18030")
    path = tmp_path / "mixed.csv"
    path.write_bytes(head.read_bytes() + tail.read_bytes().split(b"\r\n", 1)[1])
    assert path.stat().st_size > 8 * 2**20
    messages = _refusals(tmp_path, path)
    assert messages[0] == messages[1] and "混有不同的文字编码" in messages[1]


_ORPHAN_SCRIPT = """
import sys, time
from pathlib import Path
from core.ingest.converters import ChildConverters
from core.ingest.plan import inspect_file
if __name__ == "__main__":
    host = ChildConverters(inspect_file(Path(sys.argv[1])), 2, None)
    print(" ".join(str(p.pid) for p, _i, _o in host._lanes), flush=True)
    time.sleep(600)
"""


def test_helpers_end_when_the_importing_process_is_killed(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    import psutil

    path = write_csv(tmp_path / "c.csv", HEADERS_B, case_rows(50, style="B"))
    script = tmp_path / "orphans.py"
    script.write_text(_ORPHAN_SCRIPT, encoding="utf-8")
    root = Path(__file__).resolve().parents[3]
    proc = subprocess.Popen([sys.executable, str(script), str(path)], cwd=root,
                            stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(root)})
    assert proc.stdout is not None
    helpers = [int(pid) for pid in proc.stdout.readline().split()]
    assert len(helpers) == 2 and all(psutil.pid_exists(pid) for pid in helpers)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_running(pid) for pid in helpers):
        time.sleep(0.1)
    assert not any(_running(pid) for pid in helpers)


def _running(pid: int) -> bool:
    import psutil

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


@pytest.mark.usefixtures("bulk_threshold")
def test_a_cancelled_import_leaves_no_threads_behind(workspace: Workspace, messy_csv: Path) -> None:
    import threading

    before = {t.ident for t in threading.enumerate()}
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        import_file(workspace, messy_csv, parallel=True, cancel=token)
    left = [t.name for t in threading.enumerate() if t.ident not in before and t.is_alive()]
    assert left == []


@pytest.mark.usefixtures("small_parts")
def test_a_large_list_in_ranges_equals_one_reader(tmp_path: Path) -> None:
    from core.ingest.normalise.id_numbers import check_digit

    rows = []
    for i in range(6_000):
        first17 = f"330782{1940 + i % 60}{1 + i % 12:02d}{1 + i % 28:02d}{i % 1000:03d}"
        rows.append([f"王{i}", first17 + check_digit(first17), "男", f"2023年{1 + i % 12}月5日", "某村，某组"])
    rows[4_000] = ["", "", "", "2023-05-06", ""]  # quarantined in a later range
    rows[5_500] = list(rows[100])  # a duplicate across ranges
    path = write_csv(tmp_path / "死亡人员名单.csv", ["姓名", "公民身份号码", "性别", "死亡日期", "户籍地址"], rows)
    seq, par = open_workspace(tmp_path / "seq"), open_workspace(tmp_path / "par")
    try:
        a = import_file(seq, path, parallel=False)
        b = import_file(par, path, parallel=True)
        assert (b.kind, b.list_type, b.rows_imported, b.duplicates) == ("list", "death_registry", 5_998, 1)
        assert (a.quarantined, a.duplicate_rows) == (b.quarantined, b.duplicate_rows)
        query = "SELECT * FROM list_records ORDER BY id"
        with seq.read() as c1, par.read() as c2:
            assert [tuple(r) for r in c1.execute(text(query))] == [tuple(r) for r in c2.execute(text(query))]
    finally:
        seq.close()
        par.close()
