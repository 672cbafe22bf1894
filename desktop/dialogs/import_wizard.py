"""The import wizard: files → sheet and kind → mapping → preview → import → report.

The wizard holds one ``ImportSession``: the chosen files, the plan for the current file
(as ``core.ingest.plan.inspect_file`` proposed it and the user corrected it) and the
report once imported. Every read of a file and the import itself run on a worker.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from core.ingest.headers import FieldMatch
from core.ingest.plan import ImportOptions, ImportPlan, inspect_file
from desktop.child import ChildCall
from desktop.context import AppContext
from desktop.operations import Job, Operation

BIG_FILE = 20 * 1024 * 1024  # bytes; smaller files are read in a worker thread


@dataclass
class FileState:
    path: Path
    report: Any = None  # ImportReport once imported
    cancelled: bool = False


@dataclass
class ImportSession:
    """What the wizard knows: the files, the current plan and its user edits."""

    files: list[FileState] = field(default_factory=list)
    index: int = 0
    plan: ImportPlan | None = None

    @property
    def current(self) -> FileState | None:
        return self.files[self.index] if 0 <= self.index < len(self.files) else None

    def add(self, paths: list[str]) -> None:
        known = {f.path for f in self.files}
        for p in paths:
            path = Path(p)
            if path not in known:
                self.files.append(FileState(path))
                known.add(path)

    def next_pending(self) -> int:
        """Return the index of the first file not imported yet (or len(files))."""
        for i, f in enumerate(self.files):
            if f.report is None:
                return i
        return len(self.files)

    def set_mapping(self, columns: dict[int, str | None]) -> None:
        """Replace the plan's mapping by the user's choice {column: field or None}."""
        assert self.plan is not None
        old = {m.column: m for m in self.plan.mapping.values()}
        mapping: dict[str, FieldMatch] = {}
        for col, chosen in columns.items():
            if not chosen:
                continue
            before = old.get(col)
            if before is not None and before.field == chosen:
                mapping[chosen] = before
            else:
                mapping[chosen] = FieldMatch(chosen, col, self.plan.headers[col], 1.0, "user")
        self.plan = dataclasses.replace(self.plan, mapping=mapping)


class ImportWizard(QWizard):
    """Import spreadsheets one file at a time; ``imported(report)`` after each import."""

    imported = Signal(object)

    def __init__(self, ctx: AppContext, paths: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.dialogs.import_mapping import MappingPage
        from desktop.dialogs.import_run import PreviewPage, ReportPage, RunPage
        from desktop.dialogs.import_setup import FilesPage, SheetPage

        self.setObjectName("importWizard")
        self.ctx = ctx
        self.session = ImportSession()
        self.session.add(paths)
        self.setWindowTitle(self.tr("Import spreadsheets"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(1080, 700)
        self.files_page = FilesPage(self)
        self.sheet_page = SheetPage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.run_page = RunPage(self)
        self.report_page = ReportPage(self)
        for page in (
            self.files_page,
            self.sheet_page,
            self.mapping_page,
            self.preview_page,
            self.run_page,
            self.report_page,
        ):
            self.addPage(page)
        self.inspect_op: Operation[ImportPlan] | None = None

    def add_files(self, paths: list[str]) -> None:
        self.session.add(paths)
        self.files_page.refresh_list()

    def inspect(self, options: ImportOptions, then: Any) -> Operation[ImportPlan]:
        """Read the current file's head with ``options`` on a worker, then call ``then(plan)``."""
        current = self.session.current
        assert current is not None
        path = current.path

        def read(job: Job) -> ImportPlan:
            return inspect_file(path, options)

        work: Any = read
        if path.stat().st_size >= BIG_FILE:
            # Reading a big workbook's head holds the GIL for seconds: do it in a helper.
            work = ChildCall(
                "desktop.jobs:inspect", str(self.ctx.ws.root), {"path": path, "options": options}
            )
        op: Operation[ImportPlan] = Operation(
            self, work, title=self.tr("Reading %1").replace("%1", path.name), lane="read"
        )

        def done(plan: ImportPlan) -> None:
            self.session.plan = plan
            then(plan)

        op.success(done)
        self.inspect_op = op
        return op.run()

    def reject(self) -> None:
        """Cancel means: stop a running import first; close only when nothing runs."""
        if self.run_page.op is not None and self.run_page.op.is_running:
            self.run_page.cancel()
            return
        super().reject()
