"""How the models page describes a model, and the list of past runs."""

from __future__ import annotations

import html
import json
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from core.supervision.catalogue import ModelInfo
from core.supervision.vocabulary import KINDS


def rule_text_for(info: ModelInfo, values: dict[str, Any] | None) -> str:
    """Return the model's rule in plain Chinese with these parameter values (None: saved)."""
    from core.supervision.describe import rule_text
    from core.supervision.spec import load_resolved

    return rule_text(load_resolved(info.spec, info.path, values))


def about_html(info: ModelInfo) -> str:
    """Return the model's description, rule, legal basis, inputs and pitfalls as HTML."""
    s = info.spec
    esc = html.escape

    def section(title: str, items: list[str]) -> str:
        if not items:
            return ""
        return f"<h4>{esc(title)}</h4><ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>"

    inputs = [f"{i.label}" + (f"（{i.list_type}）" if i.list_type else "") for i in s.inputs]
    version = QCoreApplication.translate("ModelAbout", "version %1").replace("%1", str(s.version))
    rule_title = QCoreApplication.translate("ModelAbout", "Rule")
    based_on = QCoreApplication.translate("ModelAbout", "Based on: %1").replace(
        "%1", s.based_on or ""
    )
    kind = KINDS.get(s.kind, s.kind)
    parts = [
        f"<h3>{esc(s.name)}</h3>",
        f"<p style='color:gray'>{esc(s.id)} · {esc(s.category)} · {esc(kind)} · {esc(info.origin)} · {esc(version)}</p>",
        f"<p><b>{esc(s.summary)}</b></p>",
        f"<p>{esc(s.description).replace(chr(10), '')}</p>",
        f"<h4>{esc(rule_title)}</h4><p>{esc(rule_text_for(info, None))}</p>",
        section(QCoreApplication.translate("ModelAbout", "Legal basis"), list(s.legal_basis)),
        section(QCoreApplication.translate("ModelAbout", "Inputs"), inputs),
        section(
            QCoreApplication.translate("ModelAbout", "Why it matters"),
            [s.rationale] if s.rationale else [],
        ),
        section(
            QCoreApplication.translate("ModelAbout", "Known false positives"),
            list(s.false_positives),
        ),
    ]
    if s.based_on:
        parts.append(f"<p style='color:gray'>{esc(based_on)}</p>")
    return "".join(parts)


class RunHistory(QTreeWidget):
    """The latest model runs: when, how they ended, how many models and new clues."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("runHistory")
        self.setRootIsDecorated(False)
        self.setHeaderLabels(
            [
                self.tr("Started"),
                self.tr("Status"),
                self.tr("Models"),
                self.tr("New clues"),
                self.tr("Seconds"),
                self.tr("By"),
            ]
        )

    def show_runs(self, runs: list[dict[str, Any]]) -> None:
        self.clear()
        ended = {"done": self.tr("done"), "cancelled": self.tr("cancelled")}
        for run in runs:
            models = run.get("models") or []
            if isinstance(models, str):
                models = json.loads(models)
            self.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        str(run["started_at"])[:19].replace("T", " "),
                        ended.get(run["status"], run["status"]),
                        str(len(models)),
                        str(run.get("clues_new") or 0),
                        f"{float(run.get('seconds') or 0):.1f}",
                        str(run.get("actor") or ""),
                    ]
                )
            )
