"""The workspace schema as SQLAlchemy 2 typed ORM classes; changed only through Alembic."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Dataset(Base):
    """One imported sheet of one file."""

    __tablename__ = "datasets"
    __table_args__ = (UniqueConstraint("file_sha256", "sheet", name="uq_datasets_file_sheet"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(500))
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    sheet: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(20))  # cases | list
    list_type: Mapped[str | None] = mapped_column(String(40))
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    header_row: Mapped[int] = mapped_column(Integer, default=1)
    event_label: Mapped[str | None] = mapped_column(String(100))
    rows_read: Mapped[int] = mapped_column(Integer, default=0)
    rows_imported: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)
    quarantined: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime)
    imported_by: Mapped[str] = mapped_column(String(100))


class SourceRow(Base):
    """The original cells of an imported row, kept for provenance."""

    __tablename__ = "source_rows"

    id: Mapped[int] = mapped_column(primary_key=True)
    dataset_id: Mapped[int] = mapped_column(ForeignKey("datasets.id"), index=True)
    row_number: Mapped[int] = mapped_column(Integer)
    cells: Mapped[dict[str, Any]] = mapped_column(JSON)


class Case(Base):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    dataset_id: Mapped[int] = mapped_column(ForeignKey("datasets.id"), index=True)
    source_row_id: Mapped[int | None] = mapped_column(ForeignKey("source_rows.id"))
    case_no: Mapped[str] = mapped_column(String(100))
    case_no_key: Mapped[str] = mapped_column(String(100), unique=True)
    year: Mapped[int | None] = mapped_column(Integer)
    court_code: Mapped[str | None] = mapped_column(String(40))
    case_type: Mapped[str | None] = mapped_column(String(20), index=True)
    seq: Mapped[int | None] = mapped_column(Integer)
    court: Mapped[str | None] = mapped_column(String(200), index=True)
    cause: Mapped[str | None] = mapped_column(String(200), index=True)
    procedure: Mapped[str | None] = mapped_column(String(50))
    doc_type: Mapped[str | None] = mapped_column(String(50))
    filing_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    closing_date: Mapped[dt.date | None] = mapped_column(Date)
    closing_method: Mapped[str | None] = mapped_column(String(50), index=True)
    claim_amount: Mapped[float | None] = mapped_column(Float)
    service_method: Mapped[str | None] = mapped_column(String(50))
    judge: Mapped[str | None] = mapped_column(String(100))
    plaintiffs: Mapped[str | None] = mapped_column(Text)
    defendants: Mapped[str | None] = mapped_column(Text)
    third_parties: Mapped[str | None] = mapped_column(Text)
    agents: Mapped[str | None] = mapped_column(Text)
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class CaseText(Base):
    """A case's full judgment text, apart so that listing cases never loads it."""

    __tablename__ = "case_texts"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    full_text: Mapped[str] = mapped_column(Text)


class Party(Base):
    """One party as named in one case (a mention); entities group them later."""

    __tablename__ = "parties"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    name_variant: Mapped[str | None] = mapped_column(String(50))
    kind: Mapped[str] = mapped_column(String(20))  # person | organisation
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    id_number_raw: Mapped[str | None] = mapped_column(String(100))
    id_problem: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(500))
    gender: Mapped[str | None] = mapped_column(String(4))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    law_firm: Mapped[str | None] = mapped_column(String(300))
    raw: Mapped[str | None] = mapped_column(Text)


class CaseParty(Base):
    __tablename__ = "case_parties"
    __table_args__ = (Index("ix_case_parties_role_party", "role", "party_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))  # plaintiff|defendant|third_party|agent
    position: Mapped[int] = mapped_column(Integer, default=0)


class ListRecord(Base):
    __tablename__ = "list_records"
    __table_args__ = (Index("ix_list_records_name_birth", "name_key", "birth_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dataset_id: Mapped[int] = mapped_column(ForeignKey("datasets.id"), index=True)
    source_row_id: Mapped[int | None] = mapped_column(ForeignKey("source_rows.id"))
    name: Mapped[str | None] = mapped_column(String(300))
    name_key: Mapped[str | None] = mapped_column(String(300))
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    id_number_raw: Mapped[str | None] = mapped_column(String(100))
    id_problem: Mapped[str | None] = mapped_column(String(200))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    gender: Mapped[str | None] = mapped_column(String(4))
    event_date: Mapped[dt.date | None] = mapped_column(Date)
    amount: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str | None] = mapped_column(String(100))
    address: Mapped[str | None] = mapped_column(String(500))
    case_no: Mapped[str | None] = mapped_column(String(100))
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class QuarantinedRow(Base):
    __tablename__ = "quarantined_rows"

    id: Mapped[int] = mapped_column(primary_key=True)
    dataset_id: Mapped[int] = mapped_column(ForeignKey("datasets.id"), index=True)
    row_number: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(500))
    cells: Mapped[dict[str, Any]] = mapped_column(JSON)


class AuditEntry(Base):
    """Append-only log; each entry carries the hash of the one before it."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(60), index=True)
    details: Mapped[str] = mapped_column(Text)  # canonical JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class CaseFeature(Base):
    """One text feature that fired in a case, with the span of text that made it fire."""

    __tablename__ = "case_features"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    name: Mapped[str] = mapped_column(String(40), index=True)
    value: Mapped[str | None] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    cue: Mapped[str | None] = mapped_column(String(200))
    party: Mapped[str | None] = mapped_column(String(100))


class CaseFlags(Base):
    """Per-case feature flags as columns, so that models filter on them in SQL."""

    __tablename__ = "case_flags"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    cue_version: Mapped[str] = mapped_column(String(40))
    mediation: Mapped[bool] = mapped_column(default=False)
    default_judgment: Mapped[bool] = mapped_column(default=False)
    notice_service: Mapped[bool] = mapped_column(default=False)
    self_admission: Mapped[bool] = mapped_column(default=False)
    no_defence: Mapped[bool] = mapped_column(default=False)
    iou_only: Mapped[bool] = mapped_column(default=False)
    cash_delivery: Mapped[bool] = mapped_column(default=False)
    defendant_appeared: Mapped[bool | None] = mapped_column()
    plaintiff_appeared: Mapped[bool | None] = mapped_column()
    related: Mapped[bool] = mapped_column(default=False)
    relationships: Mapped[str | None] = mapped_column(String(200))
    principal_amount: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[list[str] | None] = mapped_column(JSON)


class Entity(Base):
    """A resolved person or organisation: the party mentions taken to be one."""

    __tablename__ = "entities"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(400), unique=True)
    display_name: Mapped[str] = mapped_column(String(300), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    is_financial: Mapped[bool] = mapped_column(default=False)
    financial_kind: Mapped[str | None] = mapped_column(String(40))
    names: Mapped[list[str]] = mapped_column(JSON)
    mention_count: Mapped[int] = mapped_column(Integer, default=0)
    case_count: Mapped[int] = mapped_column(Integer, default=0)


class PartyEntity(Base):
    """Why a party mention belongs to its entity."""

    __tablename__ = "party_entities"

    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id"), primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), index=True)
    reason: Mapped[str] = mapped_column(String(200))
    score: Mapped[float] = mapped_column(Float)


class EntityOverride(Base):
    """A user's merge or split of entities, stored by party ids and re-applied on every run."""

    __tablename__ = "entity_overrides"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # merge | split
    party_ids: Mapped[list[int]] = mapped_column(JSON)
    apart_from: Mapped[list[int]] = mapped_column(JSON, default=list)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(40))
    created_by: Mapped[str] = mapped_column(String(100))


class Setting(Base):
    """Workspace-wide settings and stamps (e.g. the cue version features were computed with)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# The other table modules join the same metadata (Alembic autogenerate and create_all see
# them); imported last because they import Base from here.
from core.store import clue_models, draft_models, security_models  # noqa: E402

TABLE_MODULES = (clue_models, draft_models, security_models)
