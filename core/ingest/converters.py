"""Where the rows of an import are normalised: in this process, or in helper processes.

Both hosts take batches of rows (without their judgment texts) in file order and hand back
the converted items of each batch in the same order. Conversion keeps no state between
rows, so helpers take batches in turn; ids, duplicates and counts are settled afterwards,
in order, by the importing process.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import threading
import traceback
from collections import deque
from collections.abc import Sequence
from typing import Any, Protocol

from core.errors import Cancelled, CancelToken
from core.ingest.convert import Item, RowConverter
from core.ingest.plan import ImportPlan
from core.ingest.segments import Segment, SegmentChunk, SegmentFailed, convert_segment

Rows = Sequence[tuple[int, Sequence[Any]]]
_POLL_SECONDS = 0.5


class ConverterHost(Protocol):
    def submit(self, rows: Rows) -> None: ...
    def result(self) -> list[Item]: ...
    def close(self) -> None: ...


class LocalConverter:
    """Converts in the importing process (small files: a helper would cost more than it saves)."""

    def __init__(self, plan: ImportPlan) -> None:
        self._conv = RowConverter(plan)
        self._done: deque[list[Item]] = deque()

    def submit(self, rows: Rows) -> None:
        self._done.append(self._conv.convert(rows))

    def result(self) -> list[Item]:
        return self._done.popleft()

    def close(self) -> None:
        self._done.clear()


def _next_work(inbox: Any) -> Any:
    """Return the next piece of work; None when the importing process is gone (killed)."""
    parent = mp.parent_process()
    try:
        while not inbox.poll(_POLL_SECONDS):
            if parent is not None and not parent.is_alive():
                return None
        return inbox.recv()
    except (EOFError, OSError):
        return None


class _Sender:
    """Sends work down a pipe to one helper from a thread of its own, so the importing
    thread never waits on a busy helper. When the helper is gone the pipe breaks and the
    thread ends: nothing is left blocked (a multiprocessing.Queue's feeder thread would
    wait forever on a full pipe that nobody reads)."""

    _STOP = object()

    def __init__(self, conn: Any) -> None:
        self._conn = conn
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="clueworks-import-sender", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (work := self._queue.get()) is not self._STOP:
            try:
                self._conn.send(work)
            except (OSError, ValueError):  # the helper has gone
                return

    def put(self, work: Any) -> None:
        self._queue.put(work)

    def close(self) -> None:
        """Stop after what was handed over (or at once if the helper is gone); wait for it."""
        self._queue.put(self._STOP)
        self._thread.join()
        self._conn.close()


def _serve(plan: ImportPlan, inbox: Any, outbox: Any) -> None:
    """Helper-process loop: convert each batch of rows, or each range of a CSV file, from
    ``inbox`` until None arrives."""
    try:
        conv = RowConverter(plan)
        while (work := _next_work(inbox)) is not None:
            if isinstance(work, Segment):
                for chunk in convert_segment(conv, plan, work):
                    outbox.put(chunk)
            else:
                outbox.put(conv.convert(work))
    except SegmentFailed as exc:
        outbox.put(("segment", str(exc)))
    except BaseException:  # reported to the importing process, which rolls back
        outbox.put(("error", traceback.format_exc()))


class ChildConverters:
    """Converts in ``count`` helper processes, batch k in helper k mod count, so reading and
    writing here overlap with converting there."""

    def __init__(self, plan: ImportPlan, count: int, cancel: CancelToken | None) -> None:
        ctx = mp.get_context("spawn")
        self._cancel = cancel
        self._lanes: list[tuple[Any, _Sender, Any]] = []
        for _ in range(count):
            reading, writing = ctx.Pipe(duplex=False)
            outbox = ctx.Queue()
            proc = ctx.Process(target=_serve, args=(plan, reading, outbox), daemon=True)
            proc.start()
            reading.close()  # the helper holds it: when the helper ends, sending fails at once
            self._lanes.append((proc, _Sender(writing), outbox))
        self._sent = 0
        self._received = 0

    def submit(self, rows: Rows) -> None:
        _proc, inbox, _outbox = self._lanes[self._sent % len(self._lanes)]
        inbox.put(list(rows))
        self._sent += 1

    def result(self) -> list[Item]:
        item = self._take(self._received % len(self._lanes))
        self._received += 1
        return list(item)

    def submit_segment(self, seg: Segment) -> None:
        """Hand a range of the CSV file to helper ``seg.index mod count``."""
        self._lanes[seg.index % len(self._lanes)][1].put(seg)
        self._sent += 1

    def segment_chunk(self, seg: Segment) -> SegmentChunk:
        """Return the next chunk of ``seg`` (ranges must be taken in the order given)."""
        chunk = self._take(seg.index % len(self._lanes))
        assert isinstance(chunk, SegmentChunk)
        if chunk.done:
            self._received += 1
        return chunk

    def _take(self, lane: int) -> Any:
        proc, _inbox, outbox = self._lanes[lane]
        while True:
            try:
                item = outbox.get(timeout=_POLL_SECONDS)
                break
            except queue.Empty:
                if self._cancel is not None and self._cancel.is_set():
                    raise Cancelled() from None
                if not proc.is_alive():
                    raise RuntimeError("导入子进程意外退出") from None
        if isinstance(item, tuple):
            if item[0] == "segment":
                raise SegmentFailed(item[1])
            raise RuntimeError(item[1])
        return item

    def close(self) -> None:
        finished = self._sent == self._received  # else cancelled or failed: stop at once
        for proc, inbox, _outbox in self._lanes:
            if finished:
                inbox.put(None)
            else:
                proc.terminate()
        for proc, inbox, outbox in self._lanes:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()
                proc.join(timeout=5)
            inbox.close()
            outbox.close()
            outbox.join_thread()
