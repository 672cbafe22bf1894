"""The drafting dialog: template, recipient, number preview, text fields and cases → .docx."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.drafting.fields import AnnexCase, DraftFields
from core.drafting.templates import TemplateInfo, list_templates
from desktop.child import ChildCall
from desktop.context import AppContext
from desktop.draft_issue import ClueMaterial, IssuedDraft, clue_material
from desktop.operations import Change, Job, Operation

# Document text (always Chinese, whatever the interface language): where the clues came from.
ORIGIN_FROM_MODELS = "本院在履行法律监督职责中，通过大数据法律监督模型筛查发现以下情况。"


class DraftingDialog(QDialog):
    """Drafts one document from the selected clues (or from nothing) and registers it."""

    def __init__(self, ctx: AppContext, clue_ids: list[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftingDialog")
        self.ctx = ctx
        self.clue_ids = list(clue_ids)
        self.templates: list[TemplateInfo] = []
        self.cases: list[AnnexCase] = []
        self.issued: IssuedDraft | None = None
        self.open_when_done = True
        self.setWindowTitle(self.tr("Draft a procuratorial suggestion"))
        self.resize(980, 720)
        layout = QVBoxLayout(self)
        split = QSplitter()
        layout.addWidget(split, 1)

        head = QWidget()
        left = QVBoxLayout(head)
        left.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        left.addLayout(form)
        self.template = QComboBox()
        self.template.setObjectName("templateCombo")
        self.template.currentIndexChanged.connect(self._template_chosen)
        settings = QSettings()
        self.procuratorate = QLineEdit(str(settings.value("drafting/procuratorate", "")))
        self.procuratorate.setPlaceholderText(self.tr("e.g. 浙江省义乌市人民检察院"))
        self.abbr = QLineEdit(str(settings.value("drafting/abbr", "")))
        self.abbr.setPlaceholderText(self.tr("e.g. 义"))
        self.abbr.setMaximumWidth(80)
        self.recipient = QLineEdit()
        self.recipient.setObjectName("recipientEdit")
        self.recipient.setPlaceholderText(self.tr("e.g. 义乌市人民法院"))
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.number = QLabel()
        self.number.setObjectName("numberPreview")
        self.number.setStyleSheet("font-weight: bold;")
        self.cc = QLineEdit()
        for widget in (self.procuratorate, self.abbr):
            widget.textChanged.connect(self._preview_number)
        self.date.dateChanged.connect(self._preview_number)
        form.addRow(self.tr("Template:"), self.template)
        form.addRow(self.tr("Procuratorate:"), self.procuratorate)
        form.addRow(self.tr("Abbreviation:"), self.abbr)
        form.addRow(self.tr("Recipient:"), self.recipient)
        form.addRow(self.tr("Date:"), self.date)
        form.addRow(self.tr("Number (next free):"), self.number)
        form.addRow(self.tr("Copy to:"), self.cc)
        split.addWidget(head)

        self.tabs = QTabWidget()
        self.origin = self._text(self.tr("Where the case or problem came from"))
        self.facts = self._text(self.tr("The facts found and their evidence"))
        self.problems = self._text(self.tr("The unlawful situation or hidden danger found"))
        self.suggestions = self._text(self.tr("One suggestion per line"))
        self.suggestions.setObjectName("suggestionsEdit")
        self.legal_basis = self._text(self.tr("Legal basis (the template's when empty)"))
        for edit, label in (
            (self.origin, self.tr("Origin")),
            (self.facts, self.tr("Facts")),
            (self.problems, self.tr("Problems")),
            (self.suggestions, self.tr("Suggestions")),
            (self.legal_basis, self.tr("Legal basis")),
        ):
            self.tabs.addTab(edit, label)
        self.case_table = QTreeWidget()
        self.case_table.setObjectName("annexCases")
        self.case_table.setRootIsDecorated(False)
        self.case_table.setHeaderLabels(
            [
                self.tr("Case number"),
                self.tr("Cause"),
                self.tr("Parties"),
                self.tr("Closing"),
                self.tr("Problem"),
            ]
        )
        annex_title = QLabel(self.tr("Cases (annex)"))
        annex_title.setStyleSheet("font-weight: bold; margin-top: 8px;")
        left.addWidget(annex_title)
        left.addWidget(self.case_table, 1)
        split.addWidget(self.tabs)
        split.setSizes([460, 520])

        self.message = QLabel()
        self.message.setObjectName("draftMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open the document"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_document)
        row.addWidget(self.open_button)
        row.addStretch(1)
        self.buttons = QDialogButtonBox()
        self.write_button = QPushButton(self.tr("Write the document"))
        self.write_button.setObjectName("writeDraft")
        self.write_button.setDefault(True)
        self.buttons.addButton(self.write_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.write_button.clicked.connect(self.write)
        self.buttons.rejected.connect(self.reject)
        row.addWidget(self.buttons)
        layout.addLayout(row)
        self.loaded = False
        self._load()

    def _text(self, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setPlaceholderText(placeholder)
        return edit

    def _load(self) -> None:
        ws = self.ctx.ws
        ids = self.clue_ids

        def work(job: Job) -> tuple[list[TemplateInfo], ClueMaterial]:
            return list_templates(ws.root), clue_material(ws, ids)

        op: Operation[Any] = Operation(
            self, work, title=self.tr("Preparing the draft"), lane="read"
        )
        op.success(self._loaded)
        op.run()

    def _loaded(self, result: tuple[list[TemplateInfo], ClueMaterial]) -> None:
        templates, material = result
        self.templates = templates
        self.template.clear()
        for t in templates:
            self.template.addItem(t.name, t.name)
        last = QSettings().value("drafting/template")
        if last is not None and self.template.findData(last) >= 0:
            self.template.setCurrentIndex(self.template.findData(last))
        self.cases = material.cases
        self.case_table.clear()
        for c in material.cases:
            self.case_table.addTopLevelItem(
                QTreeWidgetItem([c.case_no, c.cause, c.parties, c.closing_method, c.problem])
            )
        self.case_table.resizeColumnToContents(0)
        if material.facts and not self.facts.toPlainText():
            self.facts.setPlainText(material.facts)
        if self.clue_ids and not self.origin.toPlainText():
            self.origin.setPlainText(ORIGIN_FROM_MODELS)
        if len(material.courts) == 1 and not self.recipient.text():
            self.recipient.setText(material.courts[0])
        self.loaded = True
        self._preview_number()

    def current_template(self) -> TemplateInfo | None:
        name = self.template.currentData()
        return next((t for t in self.templates if t.name == name), None)

    def _template_chosen(self, _index: int) -> None:
        t = self.current_template()
        if t is not None:
            self.legal_basis.setPlaceholderText(
                t.legal_basis or self.tr("Legal basis (the template's when empty)")
            )
        self._preview_number()

    def _preview_number(self, *_args: object) -> None:
        from core.drafting.register import preview_number
        from core.errors import UserError

        t = self.current_template()
        if t is None or not self.abbr.text().strip():
            self.number.setText(self.tr("(enter the abbreviation)"))
            return
        try:
            self.number.setText(
                preview_number(self.ctx.ws, self.abbr.text(), t.doc_code, self.date.date().year())
            )
        except UserError as exc:
            self.number.setText(exc.message)

    def fields(self) -> DraftFields:
        """Return what the user entered as draft fields (the number is taken on writing)."""
        suggestions = [
            line.strip() for line in self.suggestions.toPlainText().splitlines() if line.strip()
        ]
        day: dt.date = self.date.date().toPython()  # type: ignore[assignment]
        return DraftFields(
            procuratorate=self.procuratorate.text().strip(),
            procuratorate_abbr=self.abbr.text().strip(),
            doc_number="",
            recipient=self.recipient.text().strip(),
            date=day,
            origin=self.origin.toPlainText(),
            facts=self.facts.toPlainText(),
            problems=self.problems.toPlainText(),
            suggestions=suggestions,
            legal_basis=self.legal_basis.toPlainText().strip() or None,
            cc=self.cc.text().strip() or None,
            cases=list(self.cases),
        )

    def missing(self) -> list[str]:
        out = []
        if self.current_template() is None:
            out.append(self.tr("a template"))
        if not self.procuratorate.text().strip():
            out.append(self.tr("the procuratorate"))
        if not self.abbr.text().strip():
            out.append(self.tr("its abbreviation"))
        if not self.recipient.text().strip():
            out.append(self.tr("the recipient"))
        return out

    def write(self) -> Operation[Any] | None:
        missing = self.missing()
        if missing:
            self.message.setText(self.tr("Please fill in: %1").replace("%1", "、".join(missing)))
            self.message.setStyleSheet("color: #c0392b")
            return None
        template = self.current_template()
        assert template is not None
        settings = QSettings()
        settings.setValue("drafting/procuratorate", self.procuratorate.text().strip())
        settings.setValue("drafting/abbr", self.abbr.text().strip())
        settings.setValue("drafting/template", template.name)
        call = ChildCall(
            "desktop.jobs:issue_draft",
            str(self.ctx.ws.root),
            {
                "template": template,
                "fields": self.fields(),
                "office_abbr": self.abbr.text().strip(),
                "clue_ids": self.clue_ids,
            },
        )
        self.write_button.setEnabled(False)
        op: Operation[Any] = Operation(
            self,
            call,
            title=self.tr("Writing the document"),
            changes=Change.DRAFTS | Change.CLUES | Change.AUDIT,
        )
        op.success(self._written)
        op.finished.connect(lambda: self.write_button.setEnabled(self.issued is None))
        return op.run()

    def _written(self, issued: IssuedDraft) -> None:
        self.issued = issued
        self.message.setStyleSheet("color: #1e7b34")
        text = (
            self.tr("Written: %1 — %2").replace("%1", issued.number).replace("%2", str(issued.path))
        )
        if issued.clues_marked:
            text += " " + self.tr("%1 clues marked “suggestion issued”.").replace(
                "%1", str(issued.clues_marked)
            )
        self.message.setText(text)
        self.number.setText(issued.number)
        self.open_button.setEnabled(True)
        if self.open_when_done:
            self.open_document()

    def open_document(self) -> None:
        if self.issued is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.issued.path)))
