"""A full or read-only disk under a workspace, in a child process; prints what happened as JSON.

Run as ``python -m tests.hostile.diskcase full|readonly FOLDER``, preferably inside
``unshare -m`` so that the small tmpfs it mounts is private and vanishes with it. Where
mounting is not allowed it simulates: a file-size limit (RLIMIT_FSIZE) for a full disk,
and for a read-only one, write permission removed and root's power to ignore it dropped.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.hostile.zygote import drop_file_override

TABLES = ("datasets", "cases", "case_texts", "parties", "audit_log")


def _mount(folder: Path, size: str) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    if os.environ.get("HOSTILE_SIMULATE_DISK"):
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


def _state(ws: Path) -> dict[str, object]:
    db = ws / "workspace.db"
    # Read without writing anything: the folder may be read-only now.
    uri = f"file:{db}?mode=ro"
    if not db.with_name(db.name + "-wal").exists():
        uri += "&immutable=1"
    con = sqlite3.connect(uri, uri=True)
    try:
        out: dict[str, object] = {
            t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES
        }
        out["integrity"] = con.execute("PRAGMA integrity_check").fetchone()[0]
        return out
    finally:
        con.close()


def _seed(ws: Path, folder: Path) -> None:
    from core.ingest.pipeline import import_file
    from core.workspace import open_workspace
    from tests.conftest import write_xlsx
    from tests.core.ingest.casedata import HEADERS_A, case_rows

    workspace = open_workspace(ws)
    import_file(workspace, write_xlsx(folder / "种子.xlsx", HEADERS_A, case_rows(10)))
    workspace.close()


def _big_csv(path: Path) -> Path:
    from tests.conftest import write_csv
    from tests.core.ingest.casedata import HEADERS_B, case_rows

    rows = case_rows(1500, seed=7, style="B", year=2021)
    return write_csv(path, HEADERS_B, rows)


def _cli(ws: Path, file: Path) -> tuple[int, str]:
    from core.cli import main

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["--workspace", str(ws), "import", str(file), "--no-analyse"])
    return code, err.getvalue()


def _fill(mount: Path, leave: int) -> None:
    stat = os.statvfs(mount)
    free = stat.f_bavail * stat.f_frsize
    with (mount / "填充.bin").open("wb") as fh:
        fh.write(b"\0" * max(free - leave, 0))


def full(folder: Path) -> dict[str, object]:
    mount = folder / "mnt"
    mounted = _mount(mount, "6m")
    ws = mount / "ws"
    _seed(ws, folder)
    big = _big_csv(folder / "大文件.csv")
    before = _state(ws)
    if mounted:
        _fill(mount, 96 * 1024)
    else:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        db = ws / "workspace.db"
        # Smaller than the database: the daily backup fails like the import does.
        limit = db.stat().st_size // 2
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    code, message = _cli(ws, big)
    if mounted:
        (mount / "填充.bin").unlink()
    else:
        resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    return {
        "mounted": mounted,
        "code": code,
        "message": message,
        "before": before,
        "after": _state(ws),
    }


def readonly(folder: Path) -> dict[str, object]:
    mount = folder / "mnt"
    mounted = _mount(mount, "8m")
    ws = mount / "ws"
    _seed(ws, folder)
    small = _big_csv(folder / "文件.csv")
    before = _state(ws)
    if mounted:
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
    else:
        for path in [ws, *ws.rglob("*")]:
            path.chmod(0o555 if path.is_dir() else 0o444)
        drop_file_override()
    code, message = _cli(ws, small)
    if mounted:
        subprocess.run(["mount", "-o", "remount,rw", str(mount)], check=True)
    return {
        "mounted": mounted,
        "code": code,
        "message": message,
        "before": before,
        "after": _state(ws),
    }


def main(argv: list[str]) -> int:
    mode, folder = argv
    os.environ.setdefault("CLUEWORKS_USER", "测试员")
    try:
        result = {"full": full, "readonly": readonly}[mode](Path(folder))
    finally:
        # Without a private mount namespace the tmpfs would outlive this process.
        subprocess.run(["umount", str(Path(folder) / "mnt")], capture_output=True, check=False)
    sys.stdout.write("@@RESULT@@" + json.dumps(result, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
