"""The models page: the catalogue, a parameter editor with a dry run, import/export and runs."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.supervision.catalogue import BUNDLED_EDITED, Catalogue, ModelInfo, catalogue
from core.supervision.vocabulary import KINDS
from desktop.context import AppContext
from desktop.operations import Change, Job, Operation
from desktop.pages.base import Page
from desktop.widgets.model_about import RunHistory, about_html, rule_text_for
from desktop.widgets.parameter_editor import ParameterEditor


@dataclass(frozen=True)
class ModelsData:
    catalogue: Catalogue
    precision: dict[str, Any]
    runs: list[dict[str, Any]]
    disabled: set[str]


class ModelsPage(Page):
    interests = Change.MODELS | Change.CLUES | Change.WORKSPACE

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.catalogue: Catalogue | None = None
        self.current: ModelInfo | None = None
        self.last_dry_run: Any = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("Supervision models"))
        title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        top.addWidget(title)
        top.addStretch(1)
        self.run_selected_button = QPushButton(self.tr("Run selected model"))
        self.run_selected_button.clicked.connect(lambda: self.run_models(selected_only=True))
        self.run_all_button = QPushButton(self.tr("Run all switched-on models"))
        self.run_all_button.setObjectName("runAll")
        self.run_all_button.clicked.connect(lambda: self.run_models(selected_only=False))
        self.import_button = QPushButton(self.tr("Import model file…"))
        self.import_button.clicked.connect(self.import_file)
        self.export_button = QPushButton(self.tr("Export model file…"))
        self.export_button.clicked.connect(self.export_file)
        for button in (
            self.import_button,
            self.export_button,
            self.run_selected_button,
            self.run_all_button,
        ):
            top.addWidget(button)
        layout.addLayout(top)

        self.list = QTreeWidget()
        self.list.setObjectName("modelList")
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels(
            [
                self.tr("Model"),
                self.tr("Category"),
                self.tr("Kind"),
                self.tr("Origin"),
                self.tr("Version"),
                self.tr("Precision"),
            ]
        )
        self.list.itemSelectionChanged.connect(self._selected)
        self.list.itemChanged.connect(self._toggled)

        self.tabs = QTabWidget()
        self.about = QTextBrowser()
        self.about.setObjectName("modelAbout")
        self.about.setOpenExternalLinks(False)
        self.tabs.addTab(self.about, self.tr("Description"))
        editor_tab = QWidget()
        editor_layout = QVBoxLayout(editor_tab)
        self.editor = ParameterEditor()
        self.editor.changed.connect(self._edited)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editor)
        editor_layout.addWidget(scroll, 1)
        self.rule_preview = QLabel()
        self.rule_preview.setObjectName("rulePreview")
        self.rule_preview.setWordWrap(True)
        self.rule_preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rule_preview.setStyleSheet("background: #f4f6fa; padding: 6px; border-radius: 4px;")
        editor_layout.addWidget(self.rule_preview)
        self.dry_run_label = QLabel()
        self.dry_run_label.setObjectName("dryRunResult")
        self.dry_run_label.setWordWrap(True)
        editor_layout.addWidget(self.dry_run_label)
        buttons = QHBoxLayout()
        self.dry_run_button = QPushButton(self.tr("Dry run"))
        self.dry_run_button.setObjectName("dryRun")
        self.dry_run_button.setToolTip(
            self.tr("Count the clues these values would raise, without saving anything.")
        )
        self.dry_run_button.clicked.connect(self.dry_run)
        self.save_button = QPushButton(self.tr("Save values"))
        self.save_button.setObjectName("saveModel")
        self.save_button.clicked.connect(self.save)
        self.reset_button = QPushButton(self.tr("Restore the shipped model"))
        self.reset_button.clicked.connect(self.reset)
        self.copy_button = QPushButton(self.tr("Copy as a new model…"))
        self.copy_button.setToolTip(
            self.tr("Keep the original and work on a copy under a new name.")
        )
        self.copy_button.clicked.connect(self.copy)
        for button in (self.dry_run_button, self.save_button, self.reset_button, self.copy_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        editor_layout.addLayout(buttons)
        self.tabs.addTab(editor_tab, self.tr("Parameters"))
        self.runs = RunHistory()
        self.tabs.addTab(self.runs, self.tr("Runs"))

        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.tabs)
        splitter.setSizes([520, 620])
        layout.addWidget(splitter, 1)
        self._filling = False
        self._disabled: set[str] = set()

    # loading -----------------------------------------------------------------
    def refresh(self) -> None:
        ws = self.ctx.ws

        def work(job: Job) -> ModelsData:
            from core.clues.precision import model_precision
            from core.supervision.runner import list_runs
            from core.supervision.switches import disabled_models

            return ModelsData(
                catalogue(ws),
                {p.model_id: p for p in model_precision(ws)},
                list_runs(ws, 30),
                disabled_models(ws),
            )

        Operation(self, work, title=self.tr("Reading models"), lane="read", dialog=False).success(
            self._show
        ).run()

    def disabled(self) -> set[str]:
        """Return the models switched off for "run all" (kept in the workspace)."""
        return set(self._disabled)

    def _show(self, data: ModelsData) -> None:
        selected = self.current.id if self.current else None
        self.catalogue = data.catalogue
        self._disabled = set(data.disabled)
        off = self.disabled()
        self._filling = True
        self.list.clear()
        for info in data.catalogue.models:
            p = data.precision.get(info.id)
            shown = (
                f"{p.precision:.0%}（{p.confirmed}/{p.confirmed + p.dismissed}）"
                if p and p.precision is not None
                else "—"
            )
            item = QTreeWidgetItem(
                [
                    info.spec.name,
                    info.spec.category,
                    KINDS.get(info.spec.kind, info.spec.kind),
                    info.origin,
                    str(info.spec.version),
                    shown,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, info.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                0, Qt.CheckState.Unchecked if info.id in off else Qt.CheckState.Checked
            )
            item.setToolTip(0, info.spec.summary)
            self.list.addTopLevelItem(item)
            if info.id == selected or (selected is None and self.list.topLevelItemCount() == 1):
                item.setSelected(True)
        for col in range(6):
            self.list.resizeColumnToContents(col)
        self._filling = False
        self.runs.show_runs(data.runs)
        self._selected()

    def open_item(self, argument: object) -> None:
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            item.setSelected(item.data(0, Qt.ItemDataRole.UserRole) == argument)

    def _toggled(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 0:
            return
        model_id = str(item.data(0, Qt.ItemDataRole.UserRole))
        enabled = item.checkState(0) == Qt.CheckState.Checked
        if enabled:
            self._disabled.discard(model_id)
        else:
            self._disabled.add(model_id)
        ws, actor = self.ctx.ws, self.ctx.user or None

        def work(job: Job) -> bool:
            from core.supervision.switches import set_model_enabled

            return set_model_enabled(ws, model_id, enabled, actor)

        Operation(
            self, work, title=self.tr("Switching the model"), changes=Change.AUDIT, dialog=False
        ).run()

    def _selected(self) -> None:
        items = self.list.selectedItems()
        if not items or self.catalogue is None:
            return
        self.current = self.catalogue.get(str(items[0].data(0, Qt.ItemDataRole.UserRole)))
        self.last_dry_run = None
        self.dry_run_label.clear()
        self.about.setHtml(about_html(self.current))
        self.editor.set_model(self.current.spec, self.current.path)
        self.reset_button.setEnabled(self.current.origin == BUNDLED_EDITED)
        self._edited()

    def _edited(self) -> None:
        if self.current is None:
            return
        problems = self.editor.problems()
        ok = not problems
        self.save_button.setEnabled(ok and bool(self.editor.changed_values()))
        self.dry_run_button.setEnabled(ok)
        if ok:
            try:
                text = rule_text_for(self.current, self.editor.changed_values())
            except Exception as exc:  # a value the rule refuses (SpecError): show why
                text = str(exc)
                self.save_button.setEnabled(False)
                self.dry_run_button.setEnabled(False)
            self.rule_preview.setText(text)
        else:
            self.rule_preview.setText("；".join(problems.values()))

    # actions -------------------------------------------------------------------------
    def dry_run(self) -> Operation[Any]:
        from desktop.child import ChildCall

        assert self.current is not None
        call = ChildCall(
            "desktop.jobs:dry_run",
            str(self.ctx.ws.root),
            {"model_id": self.current.id, "overrides": self.editor.changed_values()},
        )
        self.dry_run_label.setText(self.tr("Counting…"))
        op: Operation[Any] = Operation(self, call, title=self.tr("Dry run"), lane="write")
        op.success(self._dry_run_done)
        return op.run()

    def _dry_run_done(self, result: Any) -> None:
        self.last_dry_run = result
        if result.skipped:
            self.dry_run_label.setText(self.tr("Cannot run: %1").replace("%1", result.skipped))
            return
        text = (
            self.tr("With these values the model would raise %1 clues (%2 s). Nothing was saved.")
            .replace("%1", f"{result.count:,}")
            .replace("%2", f"{result.seconds:.1f}")
        )
        if result.sample:
            text += (
                "<br><span style='color:gray'>"
                + "<br>".join(html.escape(t) for t in result.sample[:5])
                + "</span>"
            )
        self.dry_run_label.setText(text)

    def save(self) -> Operation[Any]:
        from core.supervision.catalogue import set_parameters

        assert self.current is not None
        model_id = self.current.id
        values = self.editor.values()
        preset = self.editor.presets.currentData()
        ws = self.ctx.ws

        def work(job: Job) -> ModelInfo:
            return set_parameters(ws, model_id, values, preset)

        op: Operation[Any] = Operation(
            self, work, title=self.tr("Saving the model"), changes=Change.MODELS | Change.AUDIT
        )
        op.success(
            lambda info: self.ctx.show_status(
                self.tr("Saved: %1, version %2")
                .replace("%1", info.spec.name)
                .replace("%2", str(info.spec.version))
            )
        )
        return op.run()

    def reset(self) -> None:
        from core.supervision.catalogue import reset_model

        assert self.current is not None
        answer = QMessageBox.question(
            self,
            self.tr("Restore"),
            self.tr("Delete your changes to this model and use the shipped version again?"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        model_id = self.current.id
        ws = self.ctx.ws
        Operation(
            self,
            lambda job: reset_model(ws, model_id),
            title=self.tr("Restoring the model"),
            changes=Change.MODELS | Change.AUDIT,
        ).run()

    def copy(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        if self.current is None:
            return
        name, ok = QInputDialog.getText(
            self,
            self.tr("Copy model"),
            self.tr("Name of the new model:"),
            text=self.tr("%1 (copy)").replace("%1", self.current.spec.name),
        )
        if ok and name.strip():
            self.copy_as(name.strip())

    def copy_as(self, name: str) -> Operation[Any]:
        from core.supervision.catalogue import copy_model

        assert self.current is not None and self.catalogue is not None
        base = self.current.id
        taken = {m.id for m in self.catalogue.models}
        new_id = next(
            f"{base}_copy{n}" if n > 1 else f"{base}_copy"
            for n in range(1, 1000)
            if (f"{base}_copy{n}" if n > 1 else f"{base}_copy") not in taken
        )
        ws = self.ctx.ws
        op: Operation[Any] = Operation(
            self,
            lambda job: copy_model(ws, base, new_id, name),
            title=self.tr("Copying the model"),
            changes=Change.MODELS | Change.AUDIT,
        )
        op.success(lambda info: setattr(self, "current", info))  # the refresh selects it
        return op.run()

    def run_models(self, selected_only: bool) -> Operation[Any] | None:
        from desktop.child import ChildCall

        if self.catalogue is None:
            return None
        if selected_only:
            if self.current is None:
                return None
            ids = [self.current.id]
        else:
            off = self.disabled()
            ids = [m.id for m in self.catalogue.models if m.id not in off]
        call = ChildCall(
            "desktop.jobs:run_models",
            str(self.ctx.ws.root),
            {"model_ids": ids, "actor": self.ctx.user or None},
        )
        op: Operation[Any] = Operation(
            self,
            call,
            title=self.tr("Running models"),
            changes=Change.CLUES | Change.MODELS | Change.AUDIT,
        )
        op.success(self._ran)
        return op.run()

    def _ran(self, report: Any) -> None:
        merge = report.merge
        skipped = [o for o in report.outcomes if o.skipped]
        text = (
            self.tr("Run finished: %1 new clues, %2 updated.")
            .replace("%1", str(merge.new if merge else 0))
            .replace("%2", str(merge.updated if merge else 0))
        )
        if skipped:
            text += " " + self.tr("%1 models skipped (no suitable data).").replace(
                "%1", str(len(skipped))
            )
        self.ctx.show_status(text)

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import model file"), "", self.tr("Model files (*.yaml *.yml)")
        )
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path, replace: bool = False) -> Operation[Any]:
        from core.supervision.exchange import import_model

        ws = self.ctx.ws
        op: Operation[Any] = Operation(
            self,
            lambda job: import_model(ws, path, replace=replace),
            title=self.tr("Importing the model"),
            changes=Change.MODELS | Change.AUDIT,
        )
        op.success(
            lambda info: self.ctx.show_status(
                self.tr("Model imported: %1").replace("%1", info.spec.name)
            )
        )
        return op.run()

    def export_file(self) -> None:
        if self.current is None:
            return
        default = self.ctx.ws.exports_dir / f"{self.current.id}.yaml"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export model file"), str(default), self.tr("Model files (*.yaml *.yml)")
        )
        if path:
            self.export_path(Path(path))

    def export_path(self, path: Path) -> Operation[Any]:
        from core.supervision.exchange import export_model

        assert self.current is not None
        model_id = self.current.id
        ws = self.ctx.ws
        op: Operation[Any] = Operation(
            self,
            lambda job: export_model(ws, model_id, path),
            title=self.tr("Exporting the model"),
            changes=Change.AUDIT,
        )
        op.success(
            lambda p: self.ctx.show_status(self.tr("Model saved to %1").replace("%1", str(p)))
        )
        return op.run()
