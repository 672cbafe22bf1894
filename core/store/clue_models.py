"""Tables of supervision runs and clues (migration 0003): runs, clues, hits, history, notes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from core.store.models import Base


class ModelRun(Base):
    """One run of one or several supervision models: what ran, on which data, how long."""

    __tablename__ = "model_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[str] = mapped_column(String(40))
    finished_at: Mapped[str | None] = mapped_column(String(40))
    seconds: Mapped[float | None] = mapped_column(Float)
    actor: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(20))  # done | cancelled | failed
    # [{id, version, name, kind, parameters, preset, datasets, seconds, hits, skipped}]
    models: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    datasets: Mapped[list[int]] = mapped_column(JSON, default=list)
    hits: Mapped[int] = mapped_column(Integer, default=0)
    clues_new: Mapped[int] = mapped_column(Integer, default=0)
    clues_updated: Mapped[int] = mapped_column(Integer, default=0)
    clues_stale: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str | None] = mapped_column(Text)


class Clue(Base):
    """One finding to check: a case, a pair of cases, an entity or a person, with its state."""

    __tablename__ = "clues"
    __table_args__ = (
        UniqueConstraint("subject_key", name="uq_clues_subject_key"),
        Index("ix_clues_status_score", "status", "score"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_type: Mapped[str] = mapped_column(String(20))  # case | case_pair | entity | person
    subject_key: Mapped[str] = mapped_column(String(500))
    title: Mapped[str] = mapped_column(String(500))
    score: Mapped[float] = mapped_column(Float, default=0.0)
    status: Mapped[str] = mapped_column(String(30), default="new")
    stale: Mapped[bool] = mapped_column(default=False)
    assignee: Mapped[str | None] = mapped_column(String(100))
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    # [{case_id, case_no, cause, court, filing_date}] as imported
    cases: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    # [{name, id_number, role}]
    persons: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    origin: Mapped[str] = mapped_column(String(200), default="本院模型")
    created_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))
    first_run_id: Mapped[int | None] = mapped_column(ForeignKey("model_runs.id"))
    last_run_id: Mapped[int | None] = mapped_column(ForeignKey("model_runs.id"))


class ClueHit(Base):
    """What one model found about a clue's subject: its score and every reason, with evidence."""

    __tablename__ = "clue_hits"
    __table_args__ = (UniqueConstraint("clue_id", "model_id", name="uq_clue_hits_clue_model"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    clue_id: Mapped[int] = mapped_column(ForeignKey("clues.id"), index=True)
    model_id: Mapped[str] = mapped_column(String(100), index=True)
    model_version: Mapped[int] = mapped_column(Integer)
    model_name: Mapped[str] = mapped_column(String(200))
    score: Mapped[float] = mapped_column(Float)
    title: Mapped[str] = mapped_column(String(500))
    summary: Mapped[str] = mapped_column(Text)
    reasons: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    case_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    persons: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(default=True)
    first_run_id: Mapped[int | None] = mapped_column(ForeignKey("model_runs.id"))
    last_run_id: Mapped[int | None] = mapped_column(ForeignKey("model_runs.id"))


class ClueCase(Base):
    """Which cases a clue involves, so a case page can list its clues."""

    __tablename__ = "clue_cases"

    clue_id: Mapped[int] = mapped_column(ForeignKey("clues.id"), primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True, index=True)


class ClueEvent(Base):
    """One change of a clue: status, assignee, tags, a re-run's update, staleness."""

    __tablename__ = "clue_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    clue_id: Mapped[int] = mapped_column(ForeignKey("clues.id"), index=True)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(30))
    from_value: Mapped[str | None] = mapped_column(Text)
    to_value: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("model_runs.id"))


class ClueNote(Base):
    """A prosecutor's note on a clue. A retracted note is kept (and in the audit log), only
    no longer listed (migration 0006)."""

    __tablename__ = "clue_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    clue_id: Mapped[int] = mapped_column(ForeignKey("clues.id"), index=True)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    retracted_at: Mapped[str | None] = mapped_column(String(40))
    retracted_by: Mapped[str | None] = mapped_column(String(100))


def table(name: str) -> Table:
    """Return a workspace table by name (typed for SQLAlchemy Core statements)."""
    return Base.metadata.tables[name]
