"""A form for a model's parameters: one input per parameter, checked as the user types."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.supervision.spec import ModelSpec, Parameter, check_value, parameter_values

WORD_SPLIT = re.compile(r"[、,，;；\s]+")
BIG = 1_000_000_000


def split_words(text: str) -> list[str]:
    """Return the words of a keyword list typed as 民间借贷、借款 (any common separator)."""
    return [w for w in WORD_SPLIT.split(text.strip()) if w]


class ParameterEditor(QWidget):
    """Edits the parameters of one model; ``changed`` after every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec: ModelSpec | None = None
        self.source = ""
        self.inputs: dict[str, QWidget] = {}
        self.problem_labels: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        preset_row = QHBoxLayout()
        self.preset_label = QLabel(self.tr("Preset:"))
        self.presets = QComboBox()
        self.presets.setObjectName("presetCombo")
        self.presets.activated.connect(self._apply_preset)
        preset_row.addWidget(self.preset_label)
        preset_row.addWidget(self.presets, 1)
        layout.addLayout(preset_row)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        layout.addWidget(self.form_host)
        layout.addStretch(1)
        self._filling = False

    def set_model(self, spec: ModelSpec, source: str) -> None:
        """Show ``spec``'s parameters with their saved values."""
        self.spec = spec
        self.source = source
        self._filling = True
        while self.form.rowCount():
            self.form.removeRow(0)
        self.inputs.clear()
        self.problem_labels.clear()
        for name, param in spec.parameters.items():
            editor = self._editor(param)
            editor.setObjectName(f"param_{name}")
            editor.setToolTip(param.help or "")
            problem = QLabel()
            problem.setStyleSheet("color: #c0392b")
            problem.setVisible(False)
            cell = QWidget()
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(0)
            box.addWidget(editor)
            box.addWidget(problem)
            self.form.addRow(param.label, cell)
            self.inputs[name] = editor
            self.problem_labels[name] = problem
            self._set(name, param.default)
        self.presets.clear()
        self.presets.addItem(self.tr("(saved values)"), None)
        for key, preset in spec.presets.items():
            self.presets.addItem(preset.label, key)
        self.presets.setVisible(bool(spec.presets))
        self.preset_label.setVisible(bool(spec.presets))
        if spec.preset:
            self.presets.setCurrentIndex(max(self.presets.findData(spec.preset), 0))
        self._filling = False
        self._validate()

    def _editor(self, param: Parameter) -> QWidget:
        unit = f" {param.unit}" if param.unit else ""
        if param.type == "integer":
            spin = QSpinBox()
            spin.setRange(
                int(param.min if param.min is not None else -BIG),
                int(param.max if param.max is not None else BIG),
            )
            spin.setSuffix(unit)
            spin.valueChanged.connect(self._edited)
            return spin
        if param.type == "number":
            dspin = QDoubleSpinBox()
            dspin.setDecimals(2)
            dspin.setRange(
                param.min if param.min is not None else -BIG,
                param.max if param.max is not None else BIG,
            )
            dspin.setSuffix(unit)
            dspin.valueChanged.connect(self._edited)
            return dspin
        if param.type == "boolean":
            check = QCheckBox()
            check.toggled.connect(self._edited)
            return check
        if param.type == "choice":
            combo = QComboBox()
            for choice in param.choices or []:
                combo.addItem(choice, choice)
            combo.currentIndexChanged.connect(self._edited)
            return combo
        line = QLineEdit()
        if param.type == "keywords":
            line.setPlaceholderText(self.tr("words separated by 、"))
        elif param.type == "date":
            line.setPlaceholderText("2024-12-31")
        line.textChanged.connect(self._edited)
        return line

    def _set(self, name: str, value: Any) -> None:
        editor = self.inputs[name]
        if isinstance(editor, QSpinBox):
            editor.setValue(int(value or 0))
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(value or 0))
        elif isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QLineEdit):
            editor.setText("、".join(value) if isinstance(value, list) else str(value or ""))

    def _get(self, name: str) -> Any:
        assert self.spec is not None
        editor = self.inputs[name]
        kind = self.spec.parameters[name].type
        if isinstance(editor, QSpinBox):
            return editor.value()
        if isinstance(editor, QDoubleSpinBox):
            value = editor.value()
            return int(value) if value.is_integer() else value
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        assert isinstance(editor, QLineEdit)
        text = editor.text().strip()
        if kind == "keywords":
            return split_words(text)
        return (text or None) if kind == "date" else text

    def values(self) -> dict[str, Any]:
        """Return the values as typed (check ``problems()`` first)."""
        return {name: self._get(name) for name in self.inputs}

    def set_values(self, values: dict[str, Any]) -> None:
        for name, value in values.items():
            if name in self.inputs:
                self._set(name, value)

    def problems(self) -> dict[str, str]:
        """Return {parameter: what is wrong} for every value the model would refuse."""
        assert self.spec is not None
        out = {}
        for name, param in self.spec.parameters.items():
            problem = check_value(param, self._get(name))
            if problem:
                out[name] = f"{param.label}{problem}"
        return out

    def changed_values(self) -> dict[str, Any]:
        """Return only the values that differ from the saved ones."""
        assert self.spec is not None
        return {
            name: value
            for name, value in self.values().items()
            if value != self.spec.parameters[name].default
        }

    def _edited(self, *_args: object) -> None:
        if self._filling:
            return
        self._validate()
        self.changed.emit()

    def _validate(self) -> None:
        problems = self.problems() if self.spec else {}
        for name, label in self.problem_labels.items():
            label.setText(problems.get(name, ""))
            label.setVisible(name in problems)

    def _apply_preset(self, _index: int) -> None:
        if self.spec is None:
            return
        key = self.presets.currentData()
        values = parameter_values(self.spec, None, key, self.source)
        self._filling = True
        self.set_values(values)
        self._filling = False
        self._validate()
        self.changed.emit()
