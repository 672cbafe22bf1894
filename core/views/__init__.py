"""Read-only queries the window needs, as plain functions over a Workspace (no Qt).

The case list works on row ids only: ``case_ids`` returns the ids of a filtered, sorted
list (the sort is an SQL ``ORDER BY``), and ``case_rows`` fetches the displayed columns
of a page of ids. The clue list works the same way.
"""

from __future__ import annotations

from core.views.cases import (
    CASE_COLUMNS,
    FILTER_FLAGS,
    CaseQuery,
    FilterChoices,
    case_id_for,
    case_ids,
    case_rows,
    filter_choices,
)
from core.views.clues import CLUE_COLUMNS, ClueChoices, ClueQuery, clue_choices, clue_ids, clue_rows
from core.views.common import CountSeries, table_exists
from core.views.imports import ImportPreview, preview_import
from core.views.summary import (
    Attention,
    AuditRow,
    ClueStatistics,
    QuarantinedRow,
    WorkspaceSummary,
    attention,
    audit_count,
    audit_rows,
    cases_by_cause,
    cases_per_month,
    clue_statistics,
    dataset_mapping,
    quarantined_rows,
    workspace_summary,
)

__all__ = [
    "CASE_COLUMNS",
    "CLUE_COLUMNS",
    "FILTER_FLAGS",
    "Attention",
    "AuditRow",
    "CaseQuery",
    "ClueChoices",
    "ClueQuery",
    "ClueStatistics",
    "CountSeries",
    "FilterChoices",
    "ImportPreview",
    "QuarantinedRow",
    "WorkspaceSummary",
    "attention",
    "audit_count",
    "audit_rows",
    "case_id_for",
    "case_ids",
    "case_rows",
    "cases_by_cause",
    "cases_per_month",
    "clue_choices",
    "clue_ids",
    "clue_rows",
    "clue_statistics",
    "dataset_mapping",
    "filter_choices",
    "preview_import",
    "quarantined_rows",
    "table_exists",
    "workspace_summary",
]
