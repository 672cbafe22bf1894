"""The bundled demo workspace: import the sample spreadsheets shipped in resources/samples."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from platformdirs import user_data_dir

from core.ingest.pipeline import ImportReport, import_file
from core.workspace import Workspace

SAMPLE_SUFFIXES = (".xlsx", ".xls", ".ods", ".csv")


def demo_workspace_dir() -> Path:
    return Path(user_data_dir("clueworks", appauthor=False)) / "demo-workspace"


def sample_files() -> list[Path]:
    """Return the shipped sample files, cases first (sorted by name within each group)."""
    folder = resources.files("resources") / "samples"
    files = [
        Path(str(p)) for p in folder.iterdir() if Path(str(p)).suffix.lower() in SAMPLE_SUFFIXES
    ]
    return sorted(files, key=lambda p: (not ("案件" in p.name or "法院" in p.name), p.name))


def load_demo(ws: Workspace) -> list[ImportReport]:
    """Import every sample file into ``ws`` (files imported before add nothing), analyse, screen."""
    from core.analysis import analyse_workspace
    from core.supervision.runner import run_models

    reports = [import_file(ws, path) for path in sample_files()]
    if any(not r.already_imported for r in reports):
        analyse_workspace(ws)
        run_models(ws)  # a demo opens on clues to work, not on an empty list
    return reports
