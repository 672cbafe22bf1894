"""Tables of the document register (migration 0004): issued numbers and suggestions."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.store.models import Base


class DocNumber(Base):
    """A document number handed out once: per office, per year, per kind code."""

    __tablename__ = "doc_numbers"
    __table_args__ = (
        UniqueConstraint("office", "code", "year", "serial", name="uq_doc_numbers_serial"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office: Mapped[str] = mapped_column(String(20))
    code: Mapped[str] = mapped_column(String(20))
    year: Mapped[int] = mapped_column(Integer)
    serial: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(60), unique=True)
    issued_at: Mapped[str] = mapped_column(String(40))
    issued_by: Mapped[str] = mapped_column(String(100))


class Suggestion(Base):
    """An issued document (检察建议书 or 移送函) and its follow-up: due date and reply."""

    __tablename__ = "suggestions"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(60), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    template: Mapped[str] = mapped_column(String(200))
    recipient: Mapped[str] = mapped_column(String(300))
    issued_on: Mapped[str] = mapped_column(String(10))
    reply_months: Mapped[int] = mapped_column(Integer)
    due_on: Mapped[str] = mapped_column(String(10))
    clue_ids: Mapped[list[int]] = mapped_column(JSON)
    case_nos: Mapped[list[str]] = mapped_column(JSON)
    file_path: Mapped[str] = mapped_column(Text)
    file_sha256: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20), default="issued")  # issued | replied
    replied_on: Mapped[str | None] = mapped_column(String(10))
    reply_note: Mapped[str | None] = mapped_column(Text)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[str] = mapped_column(String(40))
    created_by: Mapped[str] = mapped_column(String(100))
