"""Running models over the workspace: hits from queries, then clues, with a run record.

Models are read on a read connection (the GUI stays responsive and nothing is locked
while they run); the clues of all models are then written in one transaction, so a
cancelled or failed run changes no clue. Each run is recorded in ``model_runs``.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, insert

from core import audit
from core.clues.merge import MergeSummary, apply_hits
from core.errors import Cancelled, CancelToken
from core.store.clue_models import table
from core.supervision.catalogue import ModelInfo, catalogue
from core.supervision.collision import run_collision
from core.supervision.frequency import run_frequency
from core.supervision.hits import Hit
from core.supervision.inputs import Inputs, Selection, select_inputs
from core.supervision.link import run_link
from core.supervision.screen import run_screen
from core.supervision.spec import ResolvedModel, load_resolved
from core.workspace import Workspace

Progress = Callable[[float, str], None]
RUNS = table("model_runs")


@dataclass(frozen=True)
class ModelOutcome:
    """What one model did in a run."""

    model_id: str
    version: int
    name: str
    kind: str
    parameters: dict[str, Any]
    datasets: dict[str, list[int]]
    seconds: float
    hits: int
    skipped: str | None = None


@dataclass(frozen=True)
class RunReport:
    run_id: int | None
    status: str  # done | cancelled
    seconds: float
    outcomes: tuple[ModelOutcome, ...]
    merge: MergeSummary | None

    def to_json(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "status": self.status,
            "seconds": round(self.seconds, 3),
            "models": [asdict(o) for o in self.outcomes],
            "clues": asdict(self.merge) if self.merge else None,
        }


@dataclass(frozen=True)
class DryRun:
    """How many clues a model would raise now, without writing anything."""

    model_id: str
    count: int
    seconds: float
    skipped: str | None
    sample: tuple[str, ...]


def _pk(result: Any) -> int:
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def find_hits(
    conn: Connection, model: ResolvedModel, selection: Selection, count_only: bool = False
) -> list[Hit]:
    """Return the model's hits over the selected datasets."""
    kind = model.spec.kind
    ds = selection.datasets
    if kind == "list_collision":
        return run_collision(conn, model, ds["left"], ds["right"], count_only)
    cases = None if selection.all_cases else ds["cases"]
    if kind == "case_screen":
        return run_screen(conn, model, cases)
    if kind == "entity_frequency":
        return run_frequency(conn, model, cases, count_only)
    return run_link(conn, model, cases, count_only)


def refresh_statistics(conn: Connection, only_if_missing: bool = False) -> None:
    """Give SQLite's planner current table statistics (a quick, sampled ANALYZE).

    Without them SQLite may drive a list join through the dataset index instead of the
    ID-number index, which is a hundred times slower. Other databases keep their own.
    """
    if conn.dialect.name != "sqlite":
        return
    if only_if_missing:
        known = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"
        ).first()
        if known is not None:
            return
    conn.exec_driver_sql("PRAGMA analysis_limit=400")
    conn.exec_driver_sql("ANALYZE")


def _pick(ws: Workspace, model_ids: Sequence[str] | None) -> list[ModelInfo]:
    cat = catalogue(ws)
    if not model_ids:
        from core.supervision.switches import disabled_models

        off = disabled_models(ws)
        return [m for m in cat.models if m.id not in off]
    seen: list[ModelInfo] = []
    for mid in model_ids:
        info = cat.get(mid)
        if info not in seen:
            seen.append(info)
    return seen


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def run_models(
    ws: Workspace,
    model_ids: Sequence[str] | None = None,
    *,
    inputs: Inputs | None = None,
    overrides: Mapping[str, Mapping[str, Any]] | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    actor: str | None = None,
) -> RunReport:
    """Run the models (all switched on when none named) and update the clues; return what happened.

    ``inputs`` maps an input role (``left``) or ``model:role`` to dataset ids;
    ``overrides`` maps a model id to parameter values for this run only. ``progress``
    gets (fraction, Chinese message); ``cancel`` is checked between steps, and a
    cancelled run changes no clue (it is still recorded, as cancelled).
    """
    from core.security.guard import require

    require("run_models", ws)
    started = time.perf_counter()
    started_at = _now()
    who = actor or audit.current_actor()
    infos = _pick(ws, model_ids)
    resolved = [load_resolved(i.spec, i.path, (overrides or {}).get(i.id)) for i in infos]
    outcomes: list[ModelOutcome] = []
    all_hits: list[Hit] = []
    ran: list[str] = []
    report = progress or (lambda _f, _m: None)
    report(0.0, "正在准备")
    with ws.write() as conn:
        refresh_statistics(conn)
    try:
        with ws.read() as conn:
            for n, model in enumerate(resolved):
                if cancel is not None:
                    cancel.raise_if_cancelled()
                report(n / (len(resolved) + 1), f"正在运行模型：{model.spec.name}")
                outcomes.append(_run_one(conn, model, inputs, all_hits, ran))
        if cancel is not None:
            cancel.raise_if_cancelled()
        report(len(resolved) / (len(resolved) + 1), "正在更新线索")
        with ws.write() as conn:
            run_id = _record(conn, started_at, who, "done", outcomes, time.perf_counter() - started)
            merge = apply_hits(conn, run_id, ran, all_hits, actor=who)
            seconds = time.perf_counter() - started
            conn.execute(
                RUNS.update()
                .where(RUNS.c.id == run_id)
                .values(
                    seconds=seconds,
                    finished_at=_now(),
                    hits=len(all_hits),
                    clues_new=merge.new,
                    clues_updated=merge.updated,
                    clues_stale=merge.stale,
                )
            )
            audit.append(
                conn,
                "model_run",
                {
                    "run": run_id,
                    "models": [
                        {
                            "id": o.model_id,
                            "version": o.version,
                            "hits": o.hits,
                            "skipped": o.skipped,
                        }
                        for o in outcomes
                    ],
                    "clues_new": merge.new,
                    "clues_stale": merge.stale,
                },
                actor=who,
            )
    except Cancelled:
        with ws.write() as conn:
            run_id = _record(
                conn, started_at, who, "cancelled", outcomes, time.perf_counter() - started
            )
            audit.append(conn, "model_run_cancelled", {"run": run_id}, actor=who)
        raise
    except Exception as exc:
        # a failed run changes no clue either; it is recorded so the failure is visible
        with ws.write() as conn:
            run_id = _record(
                conn, started_at, who, "failed", outcomes, time.perf_counter() - started
            )
            audit.append(
                conn, "model_run_failed", {"run": run_id, "error": str(exc)[:500]}, actor=who
            )
        raise
    report(1.0, "完成")
    return RunReport(run_id, "done", seconds, tuple(outcomes), merge)


def _run_one(
    conn: Connection, model: ResolvedModel, inputs: Inputs | None, sink: list[Hit], ran: list[str]
) -> ModelOutcome:
    spec = model.spec
    t0 = time.perf_counter()
    selection = select_inputs(conn, spec, inputs)

    def outcome(seconds: float, hits: int, skipped: str | None = None) -> ModelOutcome:
        return ModelOutcome(
            spec.id,
            spec.version,
            spec.name,
            spec.kind,
            dict(model.values),
            selection.datasets,
            seconds,
            hits,
            skipped,
        )

    if selection.missing:
        return outcome(0.0, 0, selection.missing)
    hits = find_hits(conn, model, selection)
    sink.extend(hits)
    ran.append(spec.id)
    return outcome(time.perf_counter() - t0, len(hits))


def _record(
    conn: Connection,
    started_at: str,
    who: str,
    status: str,
    outcomes: Sequence[ModelOutcome],
    seconds: float,
) -> int:
    datasets = sorted({i for o in outcomes for ids in o.datasets.values() for i in ids})
    result = conn.execute(
        insert(RUNS).values(
            started_at=started_at,
            finished_at=_now(),
            seconds=seconds,
            actor=who,
            status=status,
            models=[asdict(o) for o in outcomes],
            datasets=datasets,
            hits=sum(o.hits for o in outcomes),
            clues_new=0,
            clues_updated=0,
            clues_stale=0,
        )
    )
    return _pk(result)


def dry_run(
    ws: Workspace,
    model: ModelInfo | ResolvedModel,
    *,
    overrides: Mapping[str, Any] | None = None,
    inputs: Inputs | None = None,
) -> DryRun:
    """Return how many clues the model would raise with these values; writes no clue or run.

    (The first dry run on a workspace gathers the database's planner statistics.)
    """
    if isinstance(model, ModelInfo):
        model = load_resolved(model.spec, model.path, overrides)
    elif overrides:
        model = load_resolved(model.spec, model.source, overrides)
    t0 = time.perf_counter()
    with ws.write() as conn:
        refresh_statistics(conn, only_if_missing=True)
    with ws.read() as conn:
        selection = select_inputs(conn, model.spec, inputs)
        if selection.missing:
            return DryRun(model.id, 0, 0.0, selection.missing, ())
        hits = find_hits(conn, model, selection, count_only=True)
    titles = tuple(h.title for h in hits[:10] if h.title)
    return DryRun(
        model.id, len({h.subject_key for h in hits}), time.perf_counter() - t0, None, titles
    )


def unanalysed_cases(ws: Workspace) -> int:
    """Return how many cases lack current text features (run the analysis before models)."""
    from sqlalchemy import func, or_, select

    from core.supervision.conditions import CASES, FLAGS
    from core.text.features import CUE_VERSION

    with ws.read() as conn:
        q = (
            select(func.count())
            .select_from(CASES.outerjoin(FLAGS, FLAGS.c.case_id == CASES.c.id))
            .where(or_(FLAGS.c.case_id.is_(None), FLAGS.c.cue_version != CUE_VERSION))
        )
        return int(conn.execute(q).scalar_one())


def list_runs(ws: Workspace, limit: int = 50) -> list[dict[str, Any]]:
    """Return the latest runs, newest first."""
    with ws.read() as conn:
        rows = conn.execute(RUNS.select().order_by(RUNS.c.id.desc()).limit(limit)).mappings().all()
    return [dict(r) for r in rows]
