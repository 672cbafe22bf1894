"""The long jobs the window runs in a helper process: ``function(job, ws, **kwargs)``.

Plain functions over core (no Qt), importable by the helper process. Labels shown
above the progress bar come in translated from the window. Each is started with
``Operation(parent, ChildCall("desktop.jobs:<name>", str(ws.root), {...}))``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.errors import Cancelled
from core.workspace import Workspace


@dataclass(frozen=True)
class ImportOutcome:
    report: Any  # core.ingest.pipeline.ImportReport
    analysis: Any  # core.analysis.AnalysisSummary, or None
    analysis_cancelled: bool


def import_and_analyse(
    job: Any, ws: Workspace, plan: Any, importing: str, analysing: str
) -> ImportOutcome:
    """Import one sheet as planned, then compute features and entities for the new cases."""
    from core.analysis import analyse_workspace
    from core.ingest import pipeline

    job.stage(importing)
    report = pipeline.import_file(
        ws, plan.path, plan=plan, progress=job.progress, cancel=job.cancel
    )
    if report.already_imported or report.rows_imported == 0 or report.kind != "cases":
        return ImportOutcome(report, None, False)
    job.stage(analysing)
    try:
        summary = analyse_workspace(ws, progress=job.progress, cancel=job.cancel)
    except Cancelled:  # the import stands; the analysis can be run again later
        return ImportOutcome(report, None, True)
    return ImportOutcome(report, summary, False)


def analyse(job: Any, ws: Workspace, label: str) -> Any:
    """Compute missing text features and re-resolve parties."""
    from core.analysis import analyse_workspace

    job.stage(label)
    return analyse_workspace(ws, progress=job.progress, cancel=job.cancel)


def run_models(job: Any, ws: Workspace, model_ids: list[str] | None, actor: str | None) -> Any:
    """Run the models (all when None) and update the clues."""
    from core.supervision.runner import run_models as run

    return run(ws, model_ids, progress=job.step, cancel=job.cancel, actor=actor)


def dry_run(job: Any, ws: Workspace, model_id: str, overrides: dict[str, Any]) -> Any:
    """Count the clues a model would raise with these values; writes no clue."""
    from core.supervision.catalogue import get_model
    from core.supervision.runner import dry_run as count

    return count(ws, get_model(ws, model_id), overrides=overrides)


def issue_draft(
    job: Any, ws: Workspace, template: Any, fields: Any, office_abbr: str, clue_ids: list[int]
) -> Any:
    """Number, write and register a draft (see desktop.draft_issue)."""
    from desktop.draft_issue import issue_draft as issue

    return issue(ws, template, fields, office_abbr, clue_ids)


def inspect(job: Any, ws: Workspace, path: Any, options: Any) -> Any:
    """Read the head of a (large) file and propose how to import it."""
    from core.ingest.plan import inspect_file

    return inspect_file(path, options)
