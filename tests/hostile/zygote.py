"""A warmed-up process that forks one child per hostile file and measures it.

Run as ``python -m tests.hostile.zygote``; it reads one JSON request per line on stdin
and answers one JSON line on stdout. Each child gets an address-space cap and an alarm,
so a bomb that escapes the program's own bounds is killed and reported, not suffered;
the parent measures the child's wall time and peak resident memory (``wait4``).
"""

from __future__ import annotations

import ctypes
import json
import os
import resource
import signal
import sys
import time
import traceback
from pathlib import Path
from typing import Any

CAP_DAC_OVERRIDE = 1
CAP_DAC_READ_SEARCH = 2


def drop_file_override() -> None:
    """Drop root's right to ignore file permissions, so that chmod 000 really locks a file."""
    if os.geteuid() != 0:
        return

    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Data(ctypes.Structure):
        _fields_ = [
            ("effective", ctypes.c_uint32),
            ("permitted", ctypes.c_uint32),
            ("inheritable", ctypes.c_uint32),
        ]

    libc = ctypes.CDLL(None, use_errno=True)
    header = Header(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3
    data = (Data * 2)()
    if libc.capget(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capget")
    mask = ~((1 << CAP_DAC_OVERRIDE) | (1 << CAP_DAC_READ_SEARCH)) & 0xFFFFFFFF
    data[0].effective &= mask
    data[0].permitted &= mask
    if libc.capset(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capset")


def _child(request: dict[str, Any], out_fd: int) -> None:
    from tests.hostile.cases import RUNNERS

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    limit = int(request["memory_mb"]) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    signal.alarm(int(request["seconds"]))
    try:
        if request.get("drop_privileges"):
            drop_file_override()
        result = RUNNERS[request["kind"]](Path(request["file"]), Path(request["ws"]))
    except BaseException as exc:  # an escape is a finding, reported to the parent
        text = f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"
        result = {"code": 1, "outcome": "error", "message": text[:2000]}
    os.write(out_fd, json.dumps(result, ensure_ascii=False).encode("utf-8"))


def run_one(request: dict[str, Any]) -> dict[str, Any]:
    read_fd, write_fd = os.pipe()
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        try:
            _child(request, write_fd)
        finally:
            os._exit(0)
    os.close(write_fd)
    chunks = []
    while chunk := os.read(read_fd, 65536):
        chunks.append(chunk)
    os.close(read_fd)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - started
    raw = b"".join(chunks)
    if raw:
        result = json.loads(raw.decode("utf-8"))
    else:
        how = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"status {status}"
        result = {"code": -1, "outcome": "killed", "message": f"子进程被终止（{how}）"}
    result["seconds"] = seconds
    result["peak_mb"] = usage.ru_maxrss / 1024
    return result


def main() -> int:
    from tests.hostile.cases import warm_up

    warm_up()
    sys.stdout.write('{"ready": true}\n')
    sys.stdout.flush()
    for line in sys.stdin:
        if not line.strip():
            continue
        sys.stdout.write(json.dumps(run_one(json.loads(line)), ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
