"""Issuing a draft from the window: the core drafting service, re-exported for the dialogs."""

from __future__ import annotations

import datetime as dt

from core.drafting.service import (
    ClueMaterial,
    IssuedDraft,
    clue_material,
    draft_folder,
    issue_draft,
)

__all__ = ["ClueMaterial", "IssuedDraft", "clue_material", "draft_folder", "issue_draft", "today"]


def today() -> dt.date:
    return dt.date.today()
