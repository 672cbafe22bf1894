"""Display names for codes stored in the workspace (roles, dataset kinds, audit actions)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def role_label(role: str) -> str:
    names = {
        "plaintiff": QCoreApplication.translate("Labels", "Plaintiff"),
        "defendant": QCoreApplication.translate("Labels", "Defendant"),
        "third_party": QCoreApplication.translate("Labels", "Third party"),
        "agent": QCoreApplication.translate("Labels", "Agent"),
    }
    return names.get(role, role)


def kind_label(kind: str, list_type: str | None = None) -> str:
    """Return "Cases" or the list type's name."""
    if kind == "cases":
        return QCoreApplication.translate("Labels", "Cases")
    return list_type_label(list_type or "other")


def list_type_label(list_type: str) -> str:
    names = {
        "death_registry": QCoreApplication.translate("Labels", "Death register"),
        "pension_payments": QCoreApplication.translate("Labels", "Pension payments"),
        "drunk_driving_convictions": QCoreApplication.translate(
            "Labels", "Drunk-driving convictions"
        ),
        "driver_licences": QCoreApplication.translate("Labels", "Driving licences"),
        "other": QCoreApplication.translate("Labels", "Other list"),
    }
    return names.get(list_type, list_type)


def action_label(action: str) -> str:
    """Return an audit action as the user reads it."""
    names = {
        "import": QCoreApplication.translate("Labels", "Import"),
        "compute_features": QCoreApplication.translate("Labels", "Text analysis"),
        "resolve_entities": QCoreApplication.translate("Labels", "Party resolution"),
        "entity_merge": QCoreApplication.translate("Labels", "Merge entities"),
        "entity_split": QCoreApplication.translate("Labels", "Split entity"),
        "model_run": QCoreApplication.translate("Labels", "Model run"),
        "run_models": QCoreApplication.translate("Labels", "Model run"),
        "clue_status": QCoreApplication.translate("Labels", "Clue status"),
        "clue_note": QCoreApplication.translate("Labels", "Clue note"),
        "clue_assign": QCoreApplication.translate("Labels", "Clue assignee"),
        "clue_tag": QCoreApplication.translate("Labels", "Clue tags"),
        "model_save": QCoreApplication.translate("Labels", "Model saved"),
        "model_import": QCoreApplication.translate("Labels", "Model imported"),
        "model_enable": QCoreApplication.translate("Labels", "Model switched on/off"),
        "draft": QCoreApplication.translate("Labels", "Draft written"),
        "draft_render": QCoreApplication.translate("Labels", "Draft written"),
    }
    return names.get(action, action)


def field_label(field: str) -> str:
    """Return the Chinese name of a canonical field (from the header lexicon)."""
    from core.ingest.lexicon import field_labels

    return field_labels().get(field, field)


def status_label(status: str) -> str:
    """Return a clue status as the user reads it."""
    names = {
        "new": QCoreApplication.translate("Labels", "New"),
        "reviewing": QCoreApplication.translate("Labels", "Being checked"),
        "confirmed": QCoreApplication.translate("Labels", "Confirmed"),
        "dismissed": QCoreApplication.translate("Labels", "Dismissed"),
        "transferred": QCoreApplication.translate("Labels", "Transferred"),
        "suggestion_issued": QCoreApplication.translate("Labels", "Suggestion issued"),
        "closed": QCoreApplication.translate("Labels", "Closed"),
    }
    return names.get(status, status)


def subject_label(subject: str) -> str:
    names = {
        "case": QCoreApplication.translate("Labels", "Case"),
        "case_pair": QCoreApplication.translate("Labels", "Case pair"),
        "entity": QCoreApplication.translate("Labels", "Party"),
        "person": QCoreApplication.translate("Labels", "Person"),
    }
    return names.get(subject, subject)
